package dev.pixelstep.benchmarks;

import dev.pixelstep.spi.chain.OperationChain;
import dev.pixelstep.spi.registry.OperationRegistry;
import dev.pixelstep.testkit.photos.BenchmarkImages;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * CPU time per core of single operations on the 12 MP photo, against the {@code int[]} copy floor:
 * the CPU time of every Java thread ({@link ThreadMXBean}: the calling thread and the common pool's
 * workers that run the kernels' bands), not wall-clock time, so that other processes on the machine
 * barely move the figures; the JIT's and the collector's threads are not counted. Run it with
 * {@code -XX:ActiveProcessorCount=1} for figures per core. Until 2026-11-27 it counted the calling
 * thread alone, which is about half of a banded kernel even on one processor (the common pool keeps
 * one worker, and the bands are split between it and the caller).
 *
 * <pre>
 * java -XX:ActiveProcessorCount=1 -cp benchmarks/target/benchmarks.jar dev.pixelstep.benchmarks.KernelCpuTimes 15 "blur(radius=2)" "blur(radius=100)"
 * </pre>
 * Prints one line per chain: the median of the measured runs in ms, and the ratio to the floor.
 */
public final class KernelCpuTimes {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private KernelCpuTimes() {
    }

    public static void main(String[] args) {
        int runs = Integer.parseInt(args[0]);
        BufferedImage photo = BenchmarkImages.twelveMegapixels();
        int[] pixels = ((DataBufferInt) photo.getRaster().getDataBuffer()).getData();
        OperationRegistry registry = OperationRegistry.load(KernelCpuTimes.class.getClassLoader());
        System.out.printf(Locale.ROOT, "12 MP photo, %d processors, %s, %d runs after %d warm-ups, medians of CPU time of every Java thread%n",
                Runtime.getRuntime().availableProcessors(), Runtime.version(), runs, runs);
        double floor = measure(runs, () -> pixels.clone());
        System.out.printf(Locale.ROOT, "%-40s %8.1f ms  %6.2fx floor%n", "int[] copy floor", floor, 1.0);
        for (int i = 1; i < args.length; i++) {
            OperationChain chain = registry.parse(args[i]);
            double ms = measure(runs, () -> chain.apply(photo));
            System.out.printf(Locale.ROOT, "%-40s %8.1f ms  %6.2fx floor%n", args[i], ms, ms / floor);
        }
    }

    /** Where warm-up results go: written, never read, so that the JIT keeps the work. */
    @SuppressWarnings("unused")
    private static volatile int sink;

    /** Median CPU milliseconds (every Java thread's) of {@code runs} calls after as many warm-up calls. */
    public static double measure(int runs, Supplier<Object> work) {
        for (int i = 0; i < runs; i++) {
            sink ^= System.identityHashCode(work.get()); // warm-up results are kept somewhere, so the JIT cannot drop the work
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = javaThreadsCpuNanos();
            Object result = work.get();
            ms[i] = (javaThreadsCpuNanos() - start) / 1e6;
            if (result == null) {
                throw new IllegalStateException("no result");
            }
        }
        return median(ms);
    }

    /** The median of {@code values} (for an even count the upper of the two middle ones); {@code values} is not changed. */
    public static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** The CPU time of every live Java thread, in nanoseconds (a thread that ended in between is not counted). */
    private static long javaThreadsCpuNanos() {
        long sum = 0;
        for (long id : THREADS.getAllThreadIds()) {
            long nanos = THREADS.getThreadCpuTime(id);
            if (nanos > 0) {
                sum += nanos;
            }
        }
        return sum;
    }
}
