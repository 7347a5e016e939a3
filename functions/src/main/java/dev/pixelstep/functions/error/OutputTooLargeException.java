package dev.pixelstep.functions.error;

/**
 * An output cannot be written within the {@code max-bytes} of the {@code output} metadata: a PNG
 * (lossless) is larger, or a JPEG is larger even at the lowest quality tried. The message gives the
 * size reached and what to change.
 */
public final class OutputTooLargeException extends BadInputException {

    private static final long serialVersionUID = 1L;

    public OutputTooLargeException(String message) {
        super(message);
    }
}
