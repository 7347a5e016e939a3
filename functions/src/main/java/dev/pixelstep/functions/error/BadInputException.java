package dev.pixelstep.functions.error;

/**
 * The base of every error that retrying cannot fix: the input object, its metadata, the request
 * or the function's configuration is wrong, and a person has to change it.
 *
 * <p>On Lambda the error name Step Functions sees is the fully qualified name of the concrete
 * subclass (for example {@code dev.pixelstep.functions.error.ImageTooLargeException}); the state
 * machine does not retry these names and writes a {@code FAILED} manifest with the message, so
 * every message says what was wrong and what to do about it.
 */
public abstract class BadInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected BadInputException(String message) {
        super(message);
    }

    protected BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
