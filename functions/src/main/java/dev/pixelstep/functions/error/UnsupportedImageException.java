package dev.pixelstep.functions.error;

/**
 * The object is not an image this function can read: an unknown or unsupported format, a
 * damaged header, or truncated or corrupt pixel data.
 */
public final class UnsupportedImageException extends BadInputException {

    private static final long serialVersionUID = 1L;

    public UnsupportedImageException(String message) {
        super(message);
    }

    public UnsupportedImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
