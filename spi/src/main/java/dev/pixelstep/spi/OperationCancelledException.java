package dev.pixelstep.spi;

/**
 * Thrown by {@link Cancellation#check()} when the work it guards is cancelled: the deadline
 * passed, the thread that started the work was interrupted, or the work was cancelled. Operations
 * let it propagate; the code that started the work turns it into an error of its own.
 */
public final class OperationCancelledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** An exception saying why the work stopped. */
    public OperationCancelledException(String message) {
        super(message);
    }
}
