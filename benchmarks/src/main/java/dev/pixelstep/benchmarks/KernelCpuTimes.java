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
 * the thread's own CPU time ({@link ThreadMXBean}), not wall-clock time, so that other processes on
 * the machine barely move the figures. Run it with {@code -XX:ActiveProcessorCount=1}: the kernels
 * then run on the calling thread alone (one band) and the figure is per core.
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
        System.out.printf(Locale.ROOT, "12 MP photo, %d processors, %s, %d runs after %d warm-ups, medians of thread CPU time%n",
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

    /** Median thread CPU milliseconds of {@code runs} calls after as many warm-up calls. */
    public static double measure(int runs, Supplier<Object> work) {
        for (int i = 0; i < runs; i++) {
            sink ^= System.identityHashCode(work.get()); // warm-up results are kept somewhere, so the JIT cannot drop the work
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = THREADS.getCurrentThreadCpuTime();
            Object result = work.get();
            ms[i] = (THREADS.getCurrentThreadCpuTime() - start) / 1e6;
            if (result == null) {
                throw new IllegalStateException("no result");
            }
        }
        Arrays.sort(ms);
        return ms[runs / 2];
    }
}
