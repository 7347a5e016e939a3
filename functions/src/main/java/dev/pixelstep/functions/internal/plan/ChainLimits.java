package dev.pixelstep.functions.internal.plan;

import dev.pixelstep.functions.internal.image.ImageLimits;

/**
 * What one chain may produce and cost on one image, checked from the image header before any
 * work starts (see {@link ChainPlan}).
 *
 * @param maxOutputPixels the largest image (width x height) any step may produce, in the combined
 *                        output or an independent one ({@code PIXELSTEP_MAX_OUTPUT_PIXELS})
 * @param maxWork         the most work one request may plan, in work units (see
 *                        {@link dev.pixelstep.spi.OperationCost}): every step of the combined and
 *                        the independent outputs, decoding and encoding included ({@code PIXELSTEP_MAX_WORK})
 */
public record ChainLimits(long maxOutputPixels, long maxWork) {

    /**
     * 100 billion work units: about 100 s of CPU on the two-core machine the costs were
     * calibrated on (a unit, {@code invert}'s CPU per pixel, took 1.0 ns there when quiet), within
     * the processor's default Lambda timeout of five minutes. Sixteen {@code blur(radius=100)} on
     * a 13-megapixel photo (issue 11: 588 s of CPU with the kernel before issue 13) are about 30
     * billion now and fit; sixteen {@code edge-detect} (a single-threaded filter) on a 50-megapixel
     * photo, about 130 billion, do not.
     */
    public static final long DEFAULT_MAX_WORK = 100_000_000_000L;

    public ChainLimits {
        if (maxOutputPixels < 1 || maxWork < 1) {
            throw new IllegalArgumentException("chain limits must be positive, got " + maxOutputPixels + " pixels and " + maxWork + " work units");
        }
    }

    /** The defaults for these input limits: outputs as large as inputs may be, and {@link #DEFAULT_MAX_WORK}. */
    public static ChainLimits defaults(ImageLimits input) {
        return new ChainLimits(input.maxPixels(), DEFAULT_MAX_WORK);
    }
}
