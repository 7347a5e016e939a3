package dev.pixelstep.functions.error;

/**
 * The function does not have the heap this image and chain need: either the plan's peak (from
 * the image header and every step's declared memory) is above the heap the function has, so the
 * work is refused before it starts, or the work ran out of memory anyway (the
 * {@link OutOfMemoryError} is the cause). The message says how much was needed and what to change.
 */
public final class InsufficientMemoryException extends BadInputException {

    private static final long serialVersionUID = 1L;

    public InsufficientMemoryException(String message) {
        super(message);
    }

    public InsufficientMemoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
