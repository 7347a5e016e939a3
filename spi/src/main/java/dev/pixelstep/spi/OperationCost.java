package dev.pixelstep.spi;

/**
 * What one application of an {@link ImageOperation} costs, per pixel of its result, so that the
 * work and memory of a whole chain can be planned from an image's header, before a byte of pixel
 * data is decoded or a buffer is allocated.
 *
 * <h2>Units</h2>
 * <ul>
 *   <li>{@link #work()}: <b>work units per output pixel</b>. One unit is what a point operation
 *       spends on one pixel when it reads each source pixel once and writes each result pixel
 *       once (the built-in {@code invert}): 0.9 to 1.0 ns of CPU on the two-core machine the
 *       built-ins were last calibrated on (2026-11-26, quiet, full (C2) JIT), more while it is busy. A
 *       step's work is {@code work() x} the pixels of its output; a chain's is the sum over its
 *       steps. Measure an operation's CPU time per output pixel on a large photo (the pixelstep
 *       repository's {@code CostCalibration} does it for the built-ins, its JMH benchmarks time
 *       them) and divide it by {@code invert}'s, measured in the same run.</li>
 *   <li>{@link #bytes()}: <b>heap bytes per output pixel</b> the operation holds at its peak,
 *       its result included (an {@code int} per pixel: 4) and its source excluded (the caller holds
 *       that). Temporary copies, planes and intermediate buffers all count.</li>
 * </ul>
 *
 * <p>Both are estimates: they must not be lower than what the operation really does, and need
 * not be exact. An operation that declares nothing gets {@link #DEFAULT}.
 *
 * @param work  work units per output pixel; finite and positive
 * @param bytes heap bytes per output pixel at the operation's peak, result included; finite, at least 0
 */
public record OperationCost(double work, double bytes) {

    /**
     * A point operation that copies its source into its result and changes every pixel in place
     * (the built-in colour operations): one unit of work, 4 bytes (the result) per pixel.
     */
    public static final OperationCost POINT = new OperationCost(1, 4);

    /**
     * What an operation that declares no cost is assumed to cost: a point operation that keeps
     * one working copy of the image besides its result (one unit of work, 8 bytes per pixel).
     */
    public static final OperationCost DEFAULT = new OperationCost(1, 8);

    public OperationCost {
        if (!(work > 0) || Double.isInfinite(work)) {
            throw new IllegalArgumentException("work per pixel must be finite and positive, got " + work);
        }
        if (!(bytes >= 0) || Double.isInfinite(bytes)) {
            throw new IllegalArgumentException("bytes per pixel must be finite and at least 0, got " + bytes);
        }
    }

    /** The work of producing {@code output}: {@link #work()} times its pixels. */
    public double workFor(ImageSize output) {
        return work * output.pixels();
    }

    /** The heap held at the peak while producing {@code output}: {@link #bytes()} times its pixels, rounded up. */
    public long bytesFor(ImageSize output) {
        return (long) Math.ceil(bytes * output.pixels());
    }
}
