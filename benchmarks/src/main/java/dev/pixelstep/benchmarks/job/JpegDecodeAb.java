package dev.pixelstep.benchmarks.job;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import static dev.pixelstep.benchmarks.KernelCpuTimes.median;

/**
 * Two builds of pixelstep's JPEG decoder side by side in one JVM: the {@code functions} classes of
 * each (a {@code target/classes} directory, e.g. the one before a change copied aside) in its own
 * class loader, decoding the same files in turn, decode after decode, the order swapped every
 * round, so that the machine's load hits both alike; medians of thread CPU time and their ratio.
 * It checks first that both give the same pixels. Run with {@code -XX:ActiveProcessorCount=1}
 * (everything on the calling thread, per core):
 *
 * <pre>
 * cp -r functions/target/classes /tmp/decoder-before   # before the change, then build the change
 * java -XX:ActiveProcessorCount=1 -cp benchmarks/target/classes dev.pixelstep.benchmarks.job.JpegDecodeAb \
 *   /tmp/decoder-before functions/target/classes 21 benchmarks/target/job-photos/13mp.jpg [more files]
 * </pre>
 */
public final class JpegDecodeAb {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final long MAX_PIXELS = 50_000_000L;
    @SuppressWarnings("unused")
    private static volatile int sink;

    private JpegDecodeAb() {
    }

    public static void main(String[] args) throws Throwable {
        MethodHandle before = decoder(Path.of(args[0]));
        MethodHandle after = decoder(Path.of(args[1]));
        int runs = Integer.parseInt(args[2]);
        System.out.printf(Locale.ROOT, "%s, %d processor(s); before %s, after %s; medians of %d decodes each, alternating%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), args[0], args[1], runs);
        for (int f = 3; f < args.length; f++) {
            byte[] jpeg = Files.readAllBytes(Path.of(args[f]));
            boolean same = Arrays.equals(pixels(before, jpeg), pixels(after, jpeg));
            double[] beforeMs = new double[runs];
            double[] afterMs = new double[runs];
            for (int round = -runs; round < runs; round++) { // the first runs warm up
                boolean beforeFirst = (round & 1) == 0;
                double first = cpuMillis(beforeFirst ? before : after, jpeg);
                double second = cpuMillis(beforeFirst ? after : before, jpeg);
                if (round >= 0) {
                    beforeMs[round] = beforeFirst ? first : second;
                    afterMs[round] = beforeFirst ? second : first;
                }
            }
            double b = median(beforeMs);
            double a = median(afterMs);
            System.out.printf(Locale.ROOT, "%s: before %.1f ms, after %.1f ms, before/after %.3f; same pixels: %s%n",
                    Path.of(args[f]).getFileName(), b, a, b / a, same);
        }
    }

    /** {@code JpegDecoder.decode(byte[], long)} of the classes in {@code classes}, loaded on their own. */
    private static MethodHandle decoder(Path classes) throws Exception {
        URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        Class<?> decoder = loader.loadClass("dev.pixelstep.functions.internal.image.JpegDecoder");
        return MethodHandles.publicLookup().findStatic(decoder, "decode",
                MethodType.methodType(Optional.class, byte[].class, long.class));
    }

    private static int[] pixels(MethodHandle decoder, byte[] jpeg) throws Throwable {
        BufferedImage image = (BufferedImage) ((Optional<?>) decoder.invoke(jpeg, MAX_PIXELS)).orElseThrow();
        return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    }

    private static double cpuMillis(MethodHandle decoder, byte[] jpeg) throws Throwable {
        long start = THREADS.getCurrentThreadCpuTime();
        Object image = decoder.invoke(jpeg, MAX_PIXELS);
        sink ^= System.identityHashCode(image);
        return (THREADS.getCurrentThreadCpuTime() - start) / 1e6;
    }
}
