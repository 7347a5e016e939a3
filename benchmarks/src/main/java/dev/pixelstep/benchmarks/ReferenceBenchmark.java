package dev.pixelstep.benchmarks;

import com.jhlabs.image.GaussianFilter;
import com.jhlabs.image.GrayscaleFilter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

import java.awt.image.BufferedImage;
import java.util.concurrent.TimeUnit;

/**
 * The yardsticks: copying the 12 MP {@code int[]} (the memory-bandwidth floor any operation that
 * writes a new image pays), and the JHLabs filters the built-ins replace.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-Djava.awt.headless=true"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class ReferenceBenchmark {

    /** Copies the 12 MP pixel array: read 48 MB, write 48 MB. */
    @Benchmark
    public int[] copyPixels(TwelveMegapixelPhoto photo) {
        return photo.pixels.clone();
    }

    /** JHLabs {@code GrayscaleFilter}, for comparison with {@code grayscale}. */
    @Benchmark
    public BufferedImage jhlabsGrayscale(TwelveMegapixelPhoto photo) {
        return new GrayscaleFilter().filter(photo.image, null);
    }

    /**
     * JHLabs {@code GaussianFilter} with radius 9, which JHLabs turns into sigma = 9 / 3 = 3: the
     * same Gaussian as {@code blur} (radius = sigma = 3).
     */
    @Benchmark
    public BufferedImage jhlabsGaussianSigma3(TwelveMegapixelPhoto photo) {
        return new GaussianFilter(9).filter(photo.image, null);
    }
}
