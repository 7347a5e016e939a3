package dev.pixelstep.local.runtime;

/**
 * One state of a workflow run: how it stands and how long it took or has been running. The one
 * record of a run's progress, whether it comes from the live history of the local engine, from
 * Step Functions' history or from the record kept after a run.
 *
 * @param name   the state's name in the definition
 * @param status how the state stands
 * @param millis how long it took, or has been running so far
 */
public record StateProgress(String name, Status status, long millis) {

    /** How a state stands. */
    public enum Status {
        /** Entered and not yet left. */
        RUNNING,
        /** Left without an error, or a task that succeeded on a retry. */
        SUCCEEDED,
        /** Left with an error, even one a Catch handled. */
        FAILED
    }
}
