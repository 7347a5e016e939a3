package dev.pixelstep.benchmarks.job;

import dev.pixelstep.functions.internal.analyser.Channel;
import dev.pixelstep.functions.internal.analyser.ImageHistogram;

import javax.imageio.ImageIO;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static dev.pixelstep.benchmarks.KernelCpuTimes.median;

/**
 * The analyser's histogram chart (render + PNG bytes) of one build against another's, side by side
 * in one JVM: each build's {@code functions} classes (a jar or a class directory) in a class loader
 * of their own that loads {@code dev.pixelstep.functions} itself and everything else (JFreeChart,
 * the bundled font, the SPI) from this class path; the two charts of a job (the photo's four
 * channels, and the same photo in grey: four lines on top of each other) alternate, and so do the
 * two builds, so that the machine's load falls on both alike. Prints each side's median thread CPU
 * time per chart ({@code HistogramChart.renderPng}, single-threaded) and per render alone
 * ({@code HistogramChart.render}), the ratio old / new round by round, the PNG sizes, and whether
 * the two builds' PNGs decode to the same pixels and are the same bytes.
 *
 * <pre>
 * java -XX:ActiveProcessorCount=1 -Djava.awt.headless=true -cp "benchmarks/target/classes:$(cat benchmarks/target/job-classpath.txt)" \
 *   dev.pixelstep.benchmarks.job.ChartAb benchmarks/target/job-photos/4mp.jpg /tmp/old/functions-classes functions/target/classes 4 40
 * </pre>
 * Arguments: the photo, the old and the new {@code functions} classes, rounds, charts per side a round. With
 * {@code --fresh <photo> <functions> <charts>} first: the first charts of one build in this JVM, one by one (run it
 * for each build in turn).
 */
public final class ChartAb {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ChartAb() {
    }

    /** Loads {@code dev.pixelstep.functions} classes from one build, everything else from the parent. */
    private static final class FunctionsFirst extends URLClassLoader {
        FunctionsFirst(Path functions, ClassLoader parent) throws Exception {
            super(new URL[] {functions.toUri().toURL()}, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("dev.pixelstep.functions.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    c = findClass(name);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }
    }

    /** One build's {@code HistogramChart} and the two charts' series in its {@code ChartSeries}. */
    private record Side(Object chart, Method renderPng, Method render, List<List<Object>> charts) {

        static Side load(Path functions, List<long[][]> histograms) throws Exception {
            ClassLoader loader = new FunctionsFirst(functions, ChartAb.class.getClassLoader());
            Class<?> encoder = loader.loadClass("dev.pixelstep.functions.internal.image.ImageEncoder");
            Class<?> chartType = loader.loadClass("dev.pixelstep.functions.internal.chart.HistogramChart");
            Class<?> seriesType = loader.loadClass("dev.pixelstep.functions.internal.chart.ChartSeries");
            Object chart = chartType.getConstructor(encoder).newInstance(encoder.getConstructor().newInstance());
            Constructor<?> series = seriesType.getConstructor(String.class, Color.class, long[].class);
            List<List<Object>> charts = new ArrayList<>();
            for (long[][] histogram : histograms) {
                List<Object> lines = new ArrayList<>();
                for (Channel channel : Channel.values()) { // the analyser's lines: its labels and colours
                    lines.add(series.newInstance(channel.label(), channel.colour(), histogram[channel.ordinal()]));
                }
                charts.add(lines);
            }
            return new Side(chart, chartType.getMethod("renderPng", String.class, String.class, List.class),
                    chartType.getMethod("render", String.class, String.class, List.class), charts);
        }

        byte[] png(int chart) throws Exception {
            return (byte[]) renderPng.invoke(this.chart, TITLES[chart], "bucket/photos/holiday.jpg", charts.get(chart));
        }

        BufferedImage image(int chart) throws Exception {
            return (BufferedImage) render.invoke(this.chart, TITLES[chart], "bucket/photos/holiday.jpg", charts.get(chart));
        }
    }

    private static final String[] TITLES = {"Histogram: original", "Histogram: combined"};

    public static void main(String[] args) throws Exception {
        if (args[0].equals("--fresh")) {
            fresh(args);
            return;
        }
        BufferedImage photo = ImageIO.read(new File(args[0]));
        List<long[][]> histograms = List.of(histogram(photo, false), histogram(photo, true));
        Side old = Side.load(Path.of(args[1]), histograms);
        Side neu = Side.load(Path.of(args[2]), histograms);
        int rounds = Integer.parseInt(args[3]);
        int runs = Integer.parseInt(args[4]);
        System.out.printf(Locale.ROOT, "%s, %s, %d processor(s), load average %.1f; old %s, new %s%n", args[0], Runtime.version(),
                Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                args[1], args[2]);
        for (int chart = 0; chart < 2; chart++) {
            byte[] a = old.png(chart);
            byte[] b = neu.png(chart);
            boolean samePixels = Arrays.equals(pixels(a), pixels(b));
            System.out.printf(Locale.ROOT, "%s: %d bytes old, %d new; %s, %s%n", TITLES[chart], a.length, b.length,
                    samePixels ? "the same pixels" : "DIFFERENT PIXELS", Arrays.equals(a, b) ? "the same bytes" : "other bytes");
        }
        for (int i = 0; i < runs; i++) { // warm-up
            old.png(i % 2);
            neu.png(i % 2);
            old.image(i % 2);
            neu.image(i % 2);
        }
        for (int round = 1; round <= rounds; round++) {
            double[][] png = alternate(old, neu, runs, true);
            double[][] render = alternate(old, neu, runs, false);
            double op = median(png[0]);
            double np = median(png[1]);
            double or = median(render[0]);
            double nr = median(render[1]);
            System.out.printf(Locale.ROOT, "round %d: chart (render + PNG) old %.2f ms, new %.2f ms, old/new %.3f;"
                    + " render alone old %.2f ms, new %.2f ms, old/new %.3f%n", round, op, np, op / np, or, nr, or / nr);
        }
    }

    /**
     * {@code --fresh <photo> <functions> <charts>}: the CPU time of each of the first charts of one
     * build in this fresh JVM (the two charts alternating), as the first jobs of a Lambda instance
     * render them: every Java thread's CPU (the JIT's compiler threads too), then the sum.
     */
    private static void fresh(String[] args) throws Exception {
        BufferedImage photo = ImageIO.read(new File(args[1]));
        Side side = Side.load(Path.of(args[2]), List.of(histogram(photo, false), histogram(photo, true)));
        int charts = Integer.parseInt(args[3]);
        StringBuilder each = new StringBuilder();
        double sum = 0;
        for (int i = 0; i < charts; i++) {
            long start = processCpuNanos();
            side.png(i % 2);
            double ms = (processCpuNanos() - start) / 1e6;
            sum += ms;
            each.append(String.format(Locale.ROOT, " %.0f", ms));
        }
        System.out.printf(Locale.ROOT, "%s, %s: first %d charts %.0f ms of process CPU:%s%n", args[2], Runtime.version(), charts, sum, each);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** CPU milliseconds of {@code runs} charts per side, the sides and the two charts alternating. */
    private static double[][] alternate(Side old, Side neu, int runs, boolean png) throws Exception {
        double[] o = new double[runs];
        double[] n = new double[runs];
        for (int i = 0; i < runs; i++) {
            boolean oldFirst = i % 2 == 0;
            int chart = (i / 2) % 2;
            double first = cpuMillis(oldFirst ? old : neu, chart, png);
            double second = cpuMillis(oldFirst ? neu : old, chart, png);
            o[i] = oldFirst ? first : second;
            n[i] = oldFirst ? second : first;
        }
        return new double[][] {o, n};
    }

    private static double cpuMillis(Side side, int chart, boolean png) throws Exception {
        long start = THREADS.getCurrentThreadCpuTime();
        Object result = png ? side.png(chart) : side.image(chart);
        double ms = (THREADS.getCurrentThreadCpuTime() - start) / 1e6;
        if (result == null) {
            throw new IllegalStateException("no chart");
        }
        return ms;
    }

    private static int[] pixels(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    /**
     * Counts of red, green, blue and Rec. 709 luminance, by the analyser's {@link ImageHistogram};
     * {@code grey}: of the photo in grey (its luminance counts in all four).
     */
    private static long[][] histogram(BufferedImage photo, boolean grey) {
        ImageHistogram histogram = ImageHistogram.of(photo);
        long[][] counts = new long[Channel.values().length][];
        for (Channel channel : Channel.values()) {
            counts[channel.ordinal()] = histogram.counts(grey ? Channel.LUMINANCE : channel);
        }
        return counts;
    }
}
