package dev.pixelstep.s3;

/** Limits every entry point applies to an upload before reading its pixels. */
public final class ObjectLimits {

    /**
     * The largest input object by default, 50 MiB: the functions refuse larger objects (the
     * {@code PIXELSTEP_MAX_BYTES} setting changes their limit), and the local web page and
     * {@code pixelstep run} refuse them before uploading.
     */
    public static final long DEFAULT_MAX_BYTES = 50L * 1024 * 1024;

    /**
     * The largest input image by default, 50 million pixels (width x height): the functions refuse
     * larger images from their header, before any pixel buffer ({@code PIXELSTEP_MAX_PIXELS}
     * changes their limit), and the local web page warns before uploading one.
     */
    public static final long DEFAULT_MAX_PIXELS = 50_000_000L;

    private ObjectLimits() {
    }
}
