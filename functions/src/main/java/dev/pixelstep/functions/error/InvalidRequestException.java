package dev.pixelstep.functions.error;

/**
 * The invocation payload is not what the handler accepts: not JSON, a required field missing or
 * empty, or a field with a value outside its rule (such as a label that is not
 * {@code [a-z][a-z0-9-]*}).
 */
public final class InvalidRequestException extends BadInputException {

    private static final long serialVersionUID = 1L;

    public InvalidRequestException(String message) {
        super(message);
    }

    public InvalidRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
