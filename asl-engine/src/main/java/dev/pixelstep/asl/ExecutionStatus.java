package dev.pixelstep.asl;

/** The status of an execution, as Step Functions reports it. */
public enum ExecutionStatus {
    /** Still running. */
    RUNNING,
    /** Ended successfully; it has an output. */
    SUCCEEDED,
    /** Ended with an error; it has an error and a cause. */
    FAILED,
    /** Exceeded the state machine's TimeoutSeconds. */
    TIMED_OUT,
    /** Stopped by {@link Execution#stop(String, String)}. */
    ABORTED;

    /** Whether the execution has ended. */
    public boolean isTerminal() {
        return this != RUNNING;
    }
}
