package dev.pixelstep.functions.error;

/**
 * A step of the chain would produce an image above the output pixel limit
 * ({@code PIXELSTEP_MAX_OUTPUT_PIXELS}). Raised from the image header, before the object is
 * downloaded or a pixel buffer allocated. The message blames the chain, not the upload: it names
 * the step, the size it would make and from what, the limit and the setting.
 */
public final class ChainTooLargeException extends BadInputException {

    private static final long serialVersionUID = 1L;

    private final int step;
    private final long limit;
    private final long actual;

    public ChainTooLargeException(String message, int step, long limit, long actual) {
        super(message);
        this.step = step;
        this.limit = limit;
        this.actual = actual;
    }

    /** The 1-based position in the chain of the step whose result is too large. */
    public int step() {
        return step;
    }

    /** The output pixel limit. */
    public long limit() {
        return limit;
    }

    /** The pixels the step would produce. */
    public long actual() {
        return actual;
    }
}
