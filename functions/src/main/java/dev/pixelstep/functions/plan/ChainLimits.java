package dev.pixelstep.functions.plan;

import dev.pixelstep.functions.image.ImageLimits;

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
     * 100 billion work units: one to two minutes of CPU on the two-core machine the costs were
     * calibrated on (a unit took 0.6 ns there when quiet, 1.3 ns when busy), within the
     * processor's default Lambda timeout of five minutes. One {@code blur(radius=100)} on a
     * 50-megapixel photo (about 71 billion with its independent output) fits; sixteen of them on a
     * 13-megapixel photo (about 290 billion) do not.
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
