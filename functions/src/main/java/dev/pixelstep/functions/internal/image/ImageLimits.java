package dev.pixelstep.functions.internal.image;

import dev.pixelstep.functions.error.ImageTooLargeException;
import dev.pixelstep.s3.ObjectLimits;

import java.util.Locale;

/**
 * The largest input the functions accept, in bytes and in pixels. Both limits are checked before
 * the work they protect: bytes before the object is downloaded, pixels from the image header
 * before any pixel buffer is allocated.
 *
 * @param maxBytes  largest object size in bytes
 * @param maxPixels largest width x height
 */
public record ImageLimits(long maxBytes, long maxPixels) {

    /** 50 MB. */
    public static final long DEFAULT_MAX_BYTES = ObjectLimits.DEFAULT_MAX_BYTES;

    /** 50 megapixels. */
    public static final long DEFAULT_MAX_PIXELS = ObjectLimits.DEFAULT_MAX_PIXELS;

    public ImageLimits {
        if (maxBytes < 1 || maxPixels < 1) {
            throw new IllegalArgumentException("limits must be positive, got " + maxBytes + " bytes and " + maxPixels + " pixels");
        }
    }

    /** The default limits: 50 MB and 50 megapixels. */
    public static ImageLimits defaults() {
        return new ImageLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_PIXELS);
    }

    /**
     * Refuses an object of {@code size} bytes above the limit.
     *
     * @param what names the object in the message, e.g. {@code s3://bucket/key}
     */
    public void checkBytes(String what, long size) {
        if (size > maxBytes) {
            throw new ImageTooLargeException(what + " is " + format(size) + " bytes (" + megabytes(size)
                    + "), more than the limit of " + format(maxBytes) + " bytes (" + megabytes(maxBytes)
                    + "); upload a smaller image or raise PIXELSTEP_MAX_BYTES", maxBytes, size);
        }
    }

    /**
     * Refuses an image of {@code width x height} pixels above the limit.
     *
     * @param what names the image in the message
     */
    public void checkPixels(String what, int width, int height) {
        long pixels = (long) width * height;
        if (pixels > maxPixels) {
            throw new ImageTooLargeException(what + " is " + width + "x" + height + " = " + format(pixels)
                    + " pixels, more than the limit of " + format(maxPixels) + " pixels (" + megapixels(maxPixels)
                    + "); upload a smaller image or raise PIXELSTEP_MAX_PIXELS", maxPixels, pixels);
        }
    }

    private static String format(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    private static String megapixels(long pixels) {
        return String.format(Locale.ROOT, "%.1f MP", pixels / 1_000_000.0);
    }
}
