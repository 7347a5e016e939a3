package dev.pixelstep.functions.bench;

import dev.pixelstep.functions.image.ImageDecoder;
import dev.pixelstep.functions.image.ImageEncoder;
import dev.pixelstep.functions.image.ImageFormat;
import dev.pixelstep.functions.image.ImageLimits;
import dev.pixelstep.spi.ImageSize;
import dev.pixelstep.spi.OperationCost;
import dev.pixelstep.spi.chain.ChainStep;
import dev.pixelstep.spi.registry.OperationRegistry;
import dev.pixelstep.testkit.photos.BenchmarkImages;

import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Measures what the cost model ({@link OperationCost}) declares, for the README; not a test
 * (timing has no place in unit tests). For each step it measures, on the 12 MP benchmark photo
 * ({@link BenchmarkImages#twelveMegapixels()}), the CPU time of all threads per output pixel (the
 * smallest of several runs, after warm-up) and the bytes allocated per output pixel, and prints
 * them in work units (one unit = {@code invert}'s CPU time per pixel, measured in the same run)
 * beside the step's declared {@link OperationCost}. CPU time rather than wall time, so that other
 * processes on a shared machine disturb the figures less; parallel kernels count the CPU of every
 * core they use. It also measures decoding (JPEG) and encoding (JPEG, PNG) for the planner's constants.
 *
 * <pre>
 * java -cp "$FCP" dev.pixelstep.functions.bench.CostCalibration [runs] [chain step ...]
 * </pre>
 */
public final class CostCalibration {

    private static final List<String> DEFAULT_STEPS = List.of(
            "invert", "grayscale", "brightness", "contrast", "posterize", "threshold", "solarize", "saturation",
            "hue-rotate", "sepia", "vignette", "pixelate", "pixelate(size=512)", "flip", "rotate", "crop(x=500, y=500)",
            "blur(radius=0.5)", "blur", "blur(radius=10)", "blur(radius=30)", "blur(radius=100)",
            "sharpen", "sharpen(radius=5)", "sharpen(radius=20)", "edge-detect", "emboss",
            "resize(width=2000)", "resize(width=1000)", "resize(width=250)", "resize(width=8000, enlarge=true)",
            "rotate-free", "rotate-free(degrees=45)");

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private CostCalibration() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        List<String> steps = args.length > 1 ? List.of(args).subList(1, args.length) : DEFAULT_STEPS;
        if (steps.equals(List.of("none"))) {
            steps = List.of();
        }
        OperationRegistry registry = OperationRegistry.load(CostCalibration.class.getClassLoader());
        BufferedImage photo = BenchmarkImages.twelveMegapixels();
        ImageSize size = ImageSize.of(photo);

        ChainStep invert = registry.parse("invert").steps().get(0);
        double unitNanos = measure(runs, () -> invert.apply(photo)).cpuNanos / (double) size.pixels();
        System.out.printf(Locale.ROOT, "image %s, %d runs (minimum), 1 work unit = invert's CPU per pixel = %.3f ns%n%n",
                size, runs, unitNanos);
        System.out.printf(Locale.ROOT, "%-36s %12s %10s %10s %12s %10s %8s %10s %10s%n", "step", "output", "cpu ms", "wall ms",
                "units/px", "declared", "ratio", "alloc B/px", "declared");
        for (String text : steps) {
            ChainStep step = registry.parse(text).steps().get(0);
            ImageSize out = step.outputSize(size);
            OperationCost declared = step.cost(size);
            Measurement m = measure(runs, () -> step.apply(photo));
            double units = m.cpuNanos / unitNanos / out.pixels();
            System.out.printf(Locale.ROOT, "%-36s %12s %10.0f %10.0f %12.1f %10.1f %8.2f %10.1f %10.1f%n", text, out,
                    m.cpuNanos / 1e6, m.wallNanos / 1e6, units, declared.work(), units / declared.work(),
                    m.allocated / (double) out.pixels(), declared.bytes());
        }

        ImageEncoder encoder = new ImageEncoder();
        ImageDecoder decoder = new ImageDecoder(ImageLimits.defaults());
        byte[] jpeg = encoder.encode(photo, ImageFormat.JPEG).toByteArray();
        byte[] png = encoder.encode(photo, ImageFormat.PNG).toByteArray();
        System.out.println();
        report("decode JPEG (per input pixel)", measure(runs, () -> decoder.decode("photo", jpeg)), unitNanos, size);
        report("decode PNG (per input pixel)", measure(runs, () -> decoder.decode("photo", png)), unitNanos, size);
        report("encode JPEG (per output pixel)", measure(runs, () -> encoder.encode(photo, ImageFormat.JPEG)), unitNanos, size);
        report("encode PNG (per output pixel)", measure(runs, () -> encoder.encode(photo, ImageFormat.PNG)), unitNanos, size);
    }

    private static void report(String what, Measurement m, double unitNanos, ImageSize size) {
        System.out.printf(Locale.ROOT, "%-36s %10.0f cpu ms %10.1f units/px %10.1f alloc B/px%n", what, m.cpuNanos / 1e6,
                m.cpuNanos / unitNanos / size.pixels(), m.allocated / (double) size.pixels());
    }

    private record Measurement(long cpuNanos, long wallNanos, long allocated) {
    }

    /** The smallest CPU time (all threads), wall time and allocation of {@code runs} runs after one warm-up run. */
    private static Measurement measure(int runs, Supplier<?> work) {
        keep(work.get());
        long cpu = Long.MAX_VALUE;
        long wall = Long.MAX_VALUE;
        long allocated = Long.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            System.gc();
            long[] ids = THREADS.getAllThreadIds();
            long cpu0 = sum(THREADS.getThreadCpuTime(ids));
            long alloc0 = sum(THREADS.getThreadAllocatedBytes(ids));
            long wall0 = System.nanoTime();
            keep(work.get());
            long wall1 = System.nanoTime();
            long[] after = THREADS.getAllThreadIds();
            long cpu1 = sum(THREADS.getThreadCpuTime(after));
            long alloc1 = sum(THREADS.getThreadAllocatedBytes(after));
            cpu = Math.min(cpu, cpu1 - cpu0);
            wall = Math.min(wall, wall1 - wall0);
            allocated = Math.min(allocated, alloc1 - alloc0);
        }
        return new Measurement(cpu, wall, allocated);
    }

    private static long sum(long[] values) {
        long total = 0;
        for (long v : values) {
            if (v > 0) {
                total += v;
            }
        }
        return total;
    }

    /** Keeps results reachable so the JIT cannot drop the work. */
    private static volatile Object sink;

    private static void keep(Object result) {
        sink = result;
    }
}
