package dev.pixelstep.benchmarks.job;

import dev.pixelstep.functions.internal.analyser.HistogramCounter;
import dev.pixelstep.functions.internal.analyser.ImageHistogram;
import dev.pixelstep.functions.internal.image.ImageDecoder;
import dev.pixelstep.functions.internal.image.ImageLimits;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;

import static dev.pixelstep.benchmarks.KernelCpuTimes.median;

/**
 * The analyser's pixel work for one photo (decode with the checks, count the histogram), its two
 * ways side by side: the histogram counted from pixelstep's JPEG decoder's rows as they are
 * converted ({@link HistogramCounter}, what the analyser does now) and {@link ImageHistogram#of} a
 * decoded {@code TYPE_INT_RGB} image (what it did before). They alternate batch after batch (of
 * {@value #BATCH} analyses), so that load changes hit both alike; per analysis the medians of the
 * process's CPU time (garbage collection and the common pool's threads included; the clock counts
 * in 10 ms ticks, hence the batches), of the calling thread's CPU time and of the bytes it
 * allocated, and the mean time in garbage collections (rare: a median would hide them). Run it on
 * JDK 25 (where ImageIO decodes the file, on older JDKs, the analyser's path did not change and it
 * says so) with one CPU and the deployed flags, on the class path of {@code target/job-classpath.txt}
 * (with {@code -Djava.util.concurrent.ForkJoinPool.common.parallelism=0} the calling thread does
 * all the work, the histogram bands of {@link ImageHistogram#of} included, so its CPU time is
 * everything but the collections):
 *
 * <pre>
 * taskset -c 0 /usr/lib/jvm/temurin-25-jdk-amd64/bin/java -XX:ActiveProcessorCount=1 -XX:+UseSerialGC -XX:MaxHeapSize=1782579k \
 *   -Djava.util.concurrent.ForkJoinPool.common.parallelism=0 -cp "benchmarks/target/classes:$(cat benchmarks/target/job-classpath.txt)" \
 *   dev.pixelstep.benchmarks.job.AnalyserCpuTime benchmarks/target/job-photos/13mp.jpg 9
 * </pre>
 */
public final class AnalyserCpuTime {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** Figures per measurement: process CPU, thread CPU, GC time, allocation. */
    private static final int FIGURES = 4;
    /** Analyses per measured batch. */
    private static final int BATCH = 5;

    @SuppressWarnings("unused")
    private static volatile int sink;

    private AnalyserCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int runs = Integer.parseInt(args[1]);
        byte[] photo = Files.readAllBytes(file);
        ImageDecoder decoder = new ImageDecoder(ImageLimits.defaults());
        Supplier<ImageHistogram> rows = () -> {
            HistogramCounter counter = new HistogramCounter();
            return counter.histogram(decoder.read("photo", photo, counter));
        };
        Supplier<ImageHistogram> image = () -> ImageHistogram.of(decoder.decode("photo", photo).image());
        ImageHistogram a = rows.get();
        ImageHistogram b = image.get();
        for (var channel : dev.pixelstep.functions.internal.analyser.Channel.values()) {
            if (!Arrays.equals(a.counts(channel), b.counts(channel))) {
                throw new IllegalStateException("the two ways count differently: " + channel);
            }
        }
        if (decoder.read("photo", photo, new HistogramCounter()).image().isPresent()) {
            // ImageIO decodes here (JDK < 25, -Dpixelstep.jpeg.imageio=true or a file pixelstep's decoder declines):
            // the analyser's path did not change (the histogram of ImageIO's RGB bytes); decode() would add an unpacking
            System.out.println("ImageIO decodes " + file + " on " + Runtime.version() + ": the analyser's path is the one it was;"
                    + " run this on JDK 25 with a baseline JPEG");
            return;
        }
        System.out.printf(Locale.ROOT, "%s, %dx%d, %s, %d processor(s) (common pool parallelism %d), GC %s, %d batches of %d after %d"
                        + " warm-up batches, per analysis:%n", file.getFileName(), a.width(), a.height(), Runtime.version(),
                Runtime.getRuntime().availableProcessors(), ForkJoinPool.getCommonPoolParallelism(),
                ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).toList(), runs, BATCH, runs);
        double[][] figures = new double[2 * FIGURES][runs];
        for (int round = -runs; round < runs; round++) {
            double[] r = measure(rows);
            double[] i = measure(image);
            if (round >= 0) {
                for (int k = 0; k < FIGURES; k++) {
                    figures[k][round] = r[k];
                    figures[FIGURES + k][round] = i[k];
                }
            }
        }
        String[] names = {"rows counted as decoded (now)", "image, then ImageHistogram.of (before)"};
        for (int way = 0; way < 2; way++) {
            int at = FIGURES * way;
            System.out.printf(Locale.ROOT, "%-40s process CPU %6.1f ms, thread CPU %6.1f ms, GC %5.1f ms (mean), allocated %6.1f MB%n",
                    names[way], median(figures[at]), median(figures[at + 1]), Arrays.stream(figures[at + 2]).average().orElse(0),
                    median(figures[at + 3]));
        }
        System.out.printf(Locale.ROOT, "now / before: process CPU %.2f, thread CPU %.2f, allocation %.2f%n",
                median(figures[0]) / median(figures[FIGURES]), median(figures[1]) / median(figures[FIGURES + 1]),
                median(figures[3]) / median(figures[FIGURES + 3]));
    }

    /** Process CPU ms, thread CPU ms, ms in garbage collections and MB the thread allocated per call of {@code work}, over a batch of calls. */
    private static double[] measure(Supplier<ImageHistogram> work) {
        long process = OS.getProcessCpuTime();
        long thread = THREADS.getCurrentThreadCpuTime();
        long gc = gcMillis();
        long allocated = THREADS.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < BATCH; i++) {
            sink ^= (int) work.get().pixels();
        }
        return new double[] {(OS.getProcessCpuTime() - process) / 1e6 / BATCH, (THREADS.getCurrentThreadCpuTime() - thread) / 1e6 / BATCH,
                (gcMillis() - gc) / (double) BATCH, (THREADS.getCurrentThreadAllocatedBytes() - allocated) / 1e6 / BATCH};
    }

    private static long gcMillis() {
        long sum = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += gc.getCollectionTime();
        }
        return sum;
    }
}
