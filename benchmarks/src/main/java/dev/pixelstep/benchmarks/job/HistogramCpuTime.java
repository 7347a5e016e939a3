package dev.pixelstep.benchmarks.job;

import dev.pixelstep.benchmarks.KernelCpuTimes;
import dev.pixelstep.functions.internal.analyser.ImageHistogram;
import dev.pixelstep.testkit.photos.BenchmarkImages;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Locale;

/**
 * CPU time per core of the analyser's histogram of the 12 MP photo against the {@code int[]} copy
 * floor, like {@link KernelCpuTimes} (run with {@code -XX:ActiveProcessorCount=1}, on the class
 * path of {@code target/job-classpath.txt}, since the functions are not in the JMH jar):
 *
 * <pre>
 * java -XX:ActiveProcessorCount=1 -cp "benchmarks/target/classes:$(cat benchmarks/target/job-classpath.txt)" \
 *   dev.pixelstep.benchmarks.job.HistogramCpuTime 15
 * </pre>
 */
public final class HistogramCpuTime {

    private HistogramCpuTime() {
    }

    public static void main(String[] args) {
        int runs = Integer.parseInt(args[0]);
        BufferedImage photo = BenchmarkImages.twelveMegapixels();
        int[] pixels = ((DataBufferInt) photo.getRaster().getDataBuffer()).getData();
        double floor = KernelCpuTimes.measure(runs, () -> pixels.clone());
        double histogram = KernelCpuTimes.measure(runs, () -> ImageHistogram.of(photo));
        System.out.printf(Locale.ROOT, "12 MP, %s: int[] copy floor %.1f ms, histogram %.1f ms, %.2fx the floor%n", Runtime.version(),
                floor, histogram, histogram / floor);
    }
}
