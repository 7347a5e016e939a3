package dev.pixelstep.functions.bench;

import dev.pixelstep.functions.internal.image.ImageDecoder;
import dev.pixelstep.functions.internal.image.ImageEncoder;
import dev.pixelstep.functions.internal.image.ImageFormat;
import dev.pixelstep.functions.internal.image.ImageLimits;
import dev.pixelstep.spi.ImageSize;
import dev.pixelstep.spi.OperationCost;
import dev.pixelstep.spi.chain.ChainStep;
import dev.pixelstep.spi.registry.OperationRegistry;
import dev.pixelstep.testkit.photos.BenchmarkImages;

import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Measures what the cost model ({@link OperationCost}) declares, for the README; not a test
 * (timing has no place in unit tests). For each step it measures, on the 12 MP benchmark photo
 * ({@link BenchmarkImages#twelveMegapixels()}) without and with alpha, the CPU time of all threads
 * per output pixel (the smallest of several runs, after warm-up) and the bytes allocated per output
 * pixel, and prints them in work units (one unit = {@code invert}'s CPU time per pixel on the photo
 * without alpha, measured in the same run) beside the step's declared {@link OperationCost}. CPU
 * time rather than wall time, so that other processes on a shared machine disturb the figures
 * less; parallel kernels count the CPU of every core they use. Then the allocation of every step
 * on the testkit contract's image (512x384 with alpha, random pixels) against what it declares
 * there, and decoding (JPEG, PNG) and encoding (JPEG, PNG) for the planner's constants.
 *
 * <pre>
 * java -cp "$FCP" dev.pixelstep.functions.bench.CostCalibration [runs] [chain step ...]
 * </pre>
 */
public final class CostCalibration {

    /** Blur's sigmas: both sides of the switch from the exact kernel to the box filters at 4, and its largest. */
    private static final double[] BLUR_SIGMAS = {0.5, 2, 3, 4, 4.1, 10, 30, 100};
    /** Sharpen's sigmas (its radius goes up to 20). */
    private static final double[] SHARPEN_SIGMAS = {0.5, 1, 2, 4, 4.1, 10, 20};

    /** Steps whose work per pixel grows on small images (the padding of the box filters), measured again on smaller images. */
    private static final List<String> PADDED_STEPS = List.of("blur(radius=4)", "blur(radius=4.1)", "blur(radius=30)", "blur(radius=100)",
            "sharpen(radius=20)");
    /** Image widths (4:3) of the smaller images. */
    private static final int[] SMALLER_WIDTHS = {1000, 250, 100};
    /** Warm-up runs before every measurement, so that C2 has compiled the loops. */
    private static final int WARM_UP = 3;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private CostCalibration() {
    }

    /** Every built-in operation with its defaults, and the parameters its cost depends on at several values. */
    static List<String> defaultSteps() {
        List<String> steps = new ArrayList<>(List.of(
                "invert", "grayscale", "brightness", "contrast", "posterize", "threshold", "solarize", "saturation",
                "hue-rotate", "sepia", "vignette", "pixelate", "pixelate(size=512)", "flip", "flip(direction=vertical)",
                "rotate", "rotate(angle=180)", "crop(x=500, y=500)"));
        for (double sigma : BLUR_SIGMAS) {
            steps.add(String.format(Locale.ROOT, "blur(radius=%s)", number(sigma)));
        }
        for (double sigma : SHARPEN_SIGMAS) {
            steps.add(String.format(Locale.ROOT, "sharpen(radius=%s)", number(sigma)));
        }
        steps.addAll(List.of("edge-detect", "emboss", "emboss(color=true)",
                "resize(width=2000)", "resize(width=1000)", "resize(width=250)", "resize(width=8000, enlarge=true)",
                "rotate-free", "rotate-free(degrees=45)"));
        return steps;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        List<String> steps = args.length > 1 ? List.of(args).subList(1, args.length) : defaultSteps();
        if (steps.equals(List.of("none"))) {
            steps = List.of();
        }
        OperationRegistry registry = OperationRegistry.load(CostCalibration.class.getClassLoader());
        BufferedImage photo = BenchmarkImages.twelveMegapixels();
        BufferedImage withAlpha = withAlpha(photo);
        ImageSize size = ImageSize.of(photo);

        ChainStep invert = registry.parse("invert").steps().get(0);
        Supplier<Double> invertNanos = () -> measure(runs, () -> invert.apply(photo)).cpuNanos / (double) size.pixels();
        double first = invertNanos.get();
        double last = invertNanos.get();
        double unitNanos = (first + last) / 2; // the unit is measured as every step is; twice, as it is short (10 ms) and noisy
        System.out.printf(Locale.ROOT, "image %s, %d runs (minimum) after %d warm-up runs, 1 work unit = invert's CPU per pixel = %.3f ns "
                        + "(%.3f and %.3f), %d processors%n%n", size, runs, WARM_UP, unitNanos, first, last,
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "%-34s %-5s %12s %9s %9s %9s %9s %7s %10s %9s%n", "step", "image", "output", "cpu ms",
                "wall ms", "units/px", "declared", "ratio", "alloc B/px", "declared");
        for (String text : steps) {
            ChainStep step = registry.parse(text).steps().get(0);
            for (BufferedImage image : List.of(photo, withAlpha)) {
                ImageSize out = step.outputSize(size);
                OperationCost declared = step.cost(size);
                Measurement m = measure(runs, () -> step.apply(image));
                double units = m.cpuNanos / unitNanos / out.pixels();
                System.out.printf(Locale.ROOT, "%-34s %-5s %12s %9.0f %9.0f %9.1f %9.1f %7.2f %10.1f %9.1f%n", text,
                        image == photo ? "RGB" : "ARGB", out, m.cpuNanos / 1e6, m.wallNanos / 1e6, units, declared.work(),
                        units / declared.work(), m.allocated / (double) out.pixels(), declared.bytes());
            }
        }

        if (!steps.isEmpty()) {
            System.out.printf(Locale.ROOT, "%nthe blur's padding: steps on the photo scaled down%n%-34s %-5s %12s %9s %9s %7s%n",
                    "step", "image", "output", "units/px", "declared", "ratio");
            for (String text : PADDED_STEPS) {
                ChainStep step = registry.parse(text).steps().get(0);
                for (int width : SMALLER_WIDTHS) {
                    for (BufferedImage image : List.of(photo, withAlpha)) {
                        BufferedImage scaled = scaled(image, width, width * 3 / 4);
                        ImageSize out = step.outputSize(ImageSize.of(scaled));
                        int more = (int) Math.min(50, size.pixels() / out.pixels()); // more runs of shorter work, at most 50
                        double units = measure(Math.max(runs, more), () -> step.apply(scaled)).cpuNanos / unitNanos / out.pixels();
                        double declared = step.cost(ImageSize.of(scaled)).work();
                        System.out.printf(Locale.ROOT, "%-34s %-5s %12s %9.1f %9.1f %7.2f%n", text, image == photo ? "RGB" : "ARGB",
                                out, units, declared, units / declared);
                    }
                }
            }

            BufferedImage contract = contractImage();
            ImageSize small = ImageSize.of(contract);
            System.out.printf(Locale.ROOT, "%nallocation on the contract's %s image with alpha%n%-34s %10s %9s %7s%n", small, "step",
                    "alloc B/px", "declared", "ratio");
            for (String text : steps) {
                ChainStep step = registry.parse(text).steps().get(0);
                ImageSize out = step.outputSize(small);
                double allocated = measure(runs, () -> step.apply(contract)).allocated / (double) out.pixels();
                double declared = step.cost(small).bytes();
                System.out.printf(Locale.ROOT, "%-34s %10.1f %9.1f %7.2f%n", text, allocated, declared, allocated / declared);
            }
        }

        ImageEncoder encoder = new ImageEncoder();
        ImageDecoder decoder = new ImageDecoder(ImageLimits.defaults());
        byte[] jpeg = encoder.encode(photo, ImageFormat.JPEG).toByteArray();
        byte[] png = encoder.encode(photo, ImageFormat.PNG).toByteArray();
        byte[] pngAlpha = encoder.encode(withAlpha, ImageFormat.PNG).toByteArray();
        System.out.println();
        report("decode JPEG (per input pixel)", measure(runs, () -> decoder.decode("photo", jpeg)), unitNanos, size);
        report("decode PNG (per input pixel)", measure(runs, () -> decoder.decode("photo", png)), unitNanos, size);
        report("decode PNG, alpha (per input pixel)", measure(runs, () -> decoder.decode("photo", pngAlpha)), unitNanos, size);
        report("encode JPEG (per output pixel)", measure(runs, () -> encoder.encode(photo, ImageFormat.JPEG)), unitNanos, size);
        report("encode PNG (per output pixel)", measure(runs, () -> encoder.encode(photo, ImageFormat.PNG)), unitNanos, size);
        report("encode PNG, alpha (per output pixel)", measure(runs, () -> encoder.encode(withAlpha, ImageFormat.PNG)), unitNanos, size);
        double again = invertNanos.get();
        System.out.printf(Locale.ROOT, "%ninvert at the end: %.3f ns per pixel, %+.0f%% from the unit%n", again,
                100 * (again / unitNanos - 1));
    }

    /** {@code image} scaled to width x height, of the same type. */
    private static BufferedImage scaled(BufferedImage image, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, image.getType());
        java.awt.Graphics2D g = out.createGraphics();
        try {
            g.setComposite(java.awt.AlphaComposite.Src);
            g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** {@code photo} as {@code TYPE_INT_ARGB} with alpha falling from opaque at the top to a quarter at the bottom. */
    private static BufferedImage withAlpha(BufferedImage photo) {
        int width = photo.getWidth();
        int height = photo.getHeight();
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            photo.getRGB(0, y, width, 1, row, 0, width);
            int alpha = 255 - 191 * y / Math.max(1, height - 1);
            for (int x = 0; x < width; x++) {
                row[x] = alpha << 24 | (row[x] & 0xffffff);
            }
            out.setRGB(0, y, width, 1, row, 0, width);
        }
        return out;
    }

    /** The image of the testkit's {@code allocatesNoMoreHeapThanItsCostDeclares}: 512x384, alpha, random pixels (seed 42). */
    private static BufferedImage contractImage() {
        BufferedImage image = new BufferedImage(512, 384, BufferedImage.TYPE_INT_ARGB);
        Random random = new Random(42);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        return image;
    }

    private static void report(String what, Measurement m, double unitNanos, ImageSize size) {
        System.out.printf(Locale.ROOT, "%-38s %8.0f cpu ms %8.1f units/px %8.1f alloc B/px%n", what, m.cpuNanos / 1e6,
                m.cpuNanos / unitNanos / size.pixels(), m.allocated / (double) size.pixels());
    }

    private record Measurement(long cpuNanos, long wallNanos, long allocated) {
    }

    /** The smallest CPU time (all threads), wall time and allocation of {@code runs} runs after {@value #WARM_UP} warm-up runs. */
    private static Measurement measure(int runs, Supplier<?> work) {
        for (int i = 0; i < WARM_UP; i++) {
            keep(work.get()); // the first runs are interpreted or compiled by C1: up to 2.5 times slower for invert
        }
        long cpu = Long.MAX_VALUE;
        long wall = Long.MAX_VALUE;
        long allocated = Long.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            System.gc();
            long[] ids = THREADS.getAllThreadIds();
            long[] cpu0 = THREADS.getThreadCpuTime(ids);
            long[] alloc0 = THREADS.getThreadAllocatedBytes(ids);
            long wall0 = System.nanoTime();
            keep(work.get());
            long wall1 = System.nanoTime();
            cpu = Math.min(cpu, since(ids, cpu0, THREADS::getThreadCpuTime));
            wall = Math.min(wall, wall1 - wall0);
            allocated = Math.min(allocated, since(ids, alloc0, THREADS::getThreadAllocatedBytes));
        }
        return new Measurement(cpu, wall, allocated);
    }

    /**
     * What every thread counted since {@code before} (the counters of the threads {@code ids}):
     * the difference for threads that are still alive, the whole count of threads started since
     * (a thread that ended in between is left out rather than counted negative).
     */
    private static long since(long[] ids, long[] before, java.util.function.Function<long[], long[]> counters) {
        long[] now = counters.apply(ids);
        long total = 0;
        java.util.Set<Long> known = new java.util.HashSet<>();
        for (int i = 0; i < ids.length; i++) {
            known.add(ids[i]);
            if (before[i] >= 0 && now[i] >= 0) {
                total += now[i] - before[i];
            }
        }
        long[] all = THREADS.getAllThreadIds();
        long[] counted = counters.apply(all);
        for (int i = 0; i < all.length; i++) {
            if (!known.contains(all[i]) && counted[i] > 0) {
                total += counted[i];
            }
        }
        return total;
    }

    /** Keeps results reachable so the JIT cannot drop the work. */
    @SuppressWarnings("unused") // written, never read: the JIT keeps the work
    private static volatile Object sink;

    private static void keep(Object result) {
        sink = result;
    }
}
