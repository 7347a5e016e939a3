package dev.pixelstep.operations.raster;

import dev.pixelstep.spi.Cancellation;

import java.util.stream.IntStream;

/**
 * Splits work over {@code [0, count)} into contiguous bands that run in parallel when the work is
 * large. Each band must write only its own part of the output, so the result never depends on
 * the number of threads or their order.
 *
 * <p>The calling thread's {@link Cancellation#current()} is captured when the work starts and
 * checked before every band (the bands run on the common {@code ForkJoinPool}, which neither
 * thread locals nor interrupts of the calling thread reach), so cancelled work stops within a band.
 */
public final class Bands {

    /** Below this many pixels the work runs on the calling thread. */
    public static final long PARALLEL_THRESHOLD = 1 << 16;

    private Bands() {
    }

    /** Work on the half-open range {@code [from, to)}. */
    @FunctionalInterface
    public interface Band {
        /** Processes items {@code from} (inclusive) to {@code to} (exclusive). */
        void run(int from, int to);
    }

    /**
     * Runs {@code band} over {@code [0, count)}, in parallel bands when {@code pixels} (the total
     * work, in pixels) reaches {@link #PARALLEL_THRESHOLD}.
     */
    public static void run(int count, long pixels, Band band) {
        Cancellation cancellation = Cancellation.current();
        cancellation.check();
        int bands = bands(count, pixels);
        if (bands <= 1) {
            band.run(0, count);
            return;
        }
        IntStream.range(0, bands).parallel().forEach(b -> {
            cancellation.check();
            band.run((int) ((long) count * b / bands), (int) ((long) count * (b + 1) / bands));
        });
    }

    /**
     * How many bands {@link #run} splits {@code count} items of {@code pixels} work into on this
     * machine (four per processor, at most one per item): kernels that allocate buffers per band
     * declare their memory by it.
     */
    public static int bands(int count, long pixels) {
        return pixels < PARALLEL_THRESHOLD ? 1 : Math.max(1, Math.min(count, 4 * Runtime.getRuntime().availableProcessors()));
    }
}
