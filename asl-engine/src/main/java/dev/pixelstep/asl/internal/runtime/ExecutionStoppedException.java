package dev.pixelstep.asl.internal.runtime;

/** Unwinds a branch of an execution that was stopped (by the user, a timeout or a failing sibling branch). */
final class ExecutionStoppedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ExecutionStoppedException() {
        super("execution stopped", null, false, false);
    }
}
