package dev.pixelstep.functions.error;

/**
 * A fault that a later attempt can get past: S3 throttling ({@code 503 SlowDown}, {@code 429}),
 * an S3 server error ({@code 5xx}), or a network fault (connection refused or reset, timeout,
 * a response cut short). Raised after the AWS SDK's own retries inside the function are spent.
 *
 * <p>The one retryable error the functions raise. On Lambda its error name is this class's fully
 * qualified name, {@code dev.pixelstep.functions.error.TransientException}; the state machine
 * retries it (with the Lambda service errors) and the list of names it retries has one home,
 * {@code dev.pixelstep.statemachine.TransientErrors}. Everything else the functions raise is not
 * retried: {@link BadInputException} subclasses always, and unexpected exceptions because
 * retrying a bug only repeats it.
 */
public final class TransientException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TransientException(String message, Throwable cause) {
        super(message, cause);
    }
}
