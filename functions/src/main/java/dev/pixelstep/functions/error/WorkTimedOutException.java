package dev.pixelstep.functions.error;

/**
 * The chain's work was stopped because the request ran out of time: its deadline (the Lambda
 * invocation's remaining time minus a margin for reporting the error) passed, or the invocation
 * was interrupted. Not retried: the same work would take as long again. The message says how
 * long it ran and what to change.
 */
public final class WorkTimedOutException extends BadInputException {

    private static final long serialVersionUID = 1L;

    public WorkTimedOutException(String message, Throwable cause) {
        super(message, cause);
    }
}
