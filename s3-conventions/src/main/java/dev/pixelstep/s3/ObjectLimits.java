package dev.pixelstep.s3;

/** Size limits every entry point applies to an upload before reading it. */
public final class ObjectLimits {

    /**
     * The largest input object by default, 50 MiB: the functions refuse larger objects (the
     * {@code PIXELSTEP_MAX_BYTES} setting changes their limit), and the local web page and
     * {@code pixelstep run} refuse them before uploading.
     */
    public static final long DEFAULT_MAX_BYTES = 50L * 1024 * 1024;

    private ObjectLimits() {
    }
}
