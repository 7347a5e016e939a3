package dev.pixelstep.functions.error;

/**
 * The object is larger than a configured limit, in bytes or in pixels. Raised before the image
 * is downloaded (bytes) or decoded (pixels, read from the image header). The message gives the
 * limit, the actual value and the setting that changes the limit.
 */
public final class ImageTooLargeException extends BadInputException {

    private static final long serialVersionUID = 1L;

    private final long limit;
    private final long actual;

    public ImageTooLargeException(String message, long limit, long actual) {
        super(message);
        this.limit = limit;
        this.actual = actual;
    }

    /** The configured limit that was exceeded. */
    public long limit() {
        return limit;
    }

    /** The object's actual size in the same unit as {@link #limit()}. */
    public long actual() {
        return actual;
    }
}
