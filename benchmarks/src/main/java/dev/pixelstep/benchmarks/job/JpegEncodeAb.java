package dev.pixelstep.benchmarks.job;

import dev.pixelstep.functions.internal.image.IntRgb;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import static dev.pixelstep.benchmarks.KernelCpuTimes.median;

/**
 * pixelstep's JPEG encoder against another build of it, side by side in one JVM: the
 * {@code functions} classes of each build (a jar or a class directory, with the {@code spi} jar
 * they need) in a class loader of their own, encodes of the same photo alternating between the
 * two, so that the machine's load falls on both alike. Prints each side's median thread CPU time
 * per encode (q90, colour and grey, on the calling thread: one worker, as on a 1769 MB Lambda)
 * and the ratio old / new, round by round, and checks that both wrote the same bytes.
 *
 * <pre>
 * java -cp "benchmarks/target/classes:$(cat benchmarks/target/job-classpath.txt)" dev.pixelstep.benchmarks.job.JpegEncodeAb \
 *   benchmarks/target/job-photos/13mp.jpg /tmp/old/pixelstep-functions.jar functions/target/classes spi/target/classes 4 15
 * </pre>
 * Arguments: the photo, the old and the new {@code functions} classes, the {@code spi} classes, rounds, encodes per side a
 * round, and optionally {@code colour} or {@code grey} for one of the two images only.
 */
public final class JpegEncodeAb {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private JpegEncodeAb() {
    }

    /** One build's {@code JpegWriter(90).write(pixels, width, height, alpha, workers)}, by reflection (it is package-private). */
    private record Writer(Object writer, Method write) {

        static Writer load(Path functions, Path spi) throws Exception {
            URLClassLoader loader = new URLClassLoader(new URL[] {functions.toUri().toURL(), spi.toUri().toURL()},
                    ClassLoader.getPlatformClassLoader());
            Class<?> type = loader.loadClass("dev.pixelstep.functions.internal.image.JpegWriter");
            Constructor<?> constructor = type.getDeclaredConstructor(int.class);
            constructor.setAccessible(true);
            Method write = type.getDeclaredMethod("write", int[].class, int.class, int.class, boolean.class, int.class);
            write.setAccessible(true);
            return new Writer(constructor.newInstance(90), write);
        }

        byte[] encode(int[] pixels, int width, int height) throws Exception {
            return (byte[]) write.invoke(writer, pixels, width, height, false, 1);
        }
    }

    public static void main(String[] args) throws Exception {
        BufferedImage photo = IntRgb.of(ImageIO.read(new File(args[0])));
        Writer old = Writer.load(Path.of(args[1]), Path.of(args[3]));
        Writer neu = Writer.load(Path.of(args[2]), Path.of(args[3]));
        int rounds = Integer.parseInt(args[4]);
        int runs = Integer.parseInt(args[5]);
        int width = photo.getWidth();
        int height = photo.getHeight();
        int[] colour = ((DataBufferInt) photo.getRaster().getDataBuffer()).getData();
        int[] grey = new int[colour.length];
        for (int i = 0; i < grey.length; i++) {
            int p = colour[i];
            int y = (299 * ((p >> 16) & 0xff) + 587 * ((p >> 8) & 0xff) + 114 * (p & 0xff) + 500) / 1000;
            grey[i] = y << 16 | y << 8 | y;
        }
        System.out.printf(Locale.ROOT, "%s, %dx%d, %s, %d processor(s), load average %.1f; old %s, new %s%n", args[0], width, height,
                Runtime.version(), Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), args[1], args[2]);
        String[] kinds = args.length > 6 ? new String[] {args[6]} : new String[] {"colour", "grey"};
        for (String kind : kinds) {
            int[] pixels = kind.equals("colour") ? colour : grey;
            byte[] a = old.encode(pixels, width, height);
            byte[] b = neu.encode(pixels, width, height);
            System.out.printf(Locale.ROOT, "%s: %d bytes old, %d new, %s%n", kind, a.length, b.length,
                    Arrays.equals(a, b) ? "the same bytes" : "DIFFERENT BYTES");
            for (int i = 0; i < runs; i++) { // warm-up
                old.encode(pixels, width, height);
                neu.encode(pixels, width, height);
            }
            for (int round = 1; round <= rounds; round++) {
                double[] o = new double[runs];
                double[] n = new double[runs];
                for (int i = 0; i < runs; i++) {
                    boolean oldFirst = i % 2 == 0;
                    double first = cpuMillis(oldFirst ? old : neu, pixels, width, height);
                    double second = cpuMillis(oldFirst ? neu : old, pixels, width, height);
                    o[i] = oldFirst ? first : second;
                    n[i] = oldFirst ? second : first;
                }
                double om = median(o);
                double nm = median(n);
                System.out.printf(Locale.ROOT, "%s round %d: old %.1f ms, new %.1f ms, old/new %.3f%n", kind, round, om, nm, om / nm);
            }
        }
    }

    private static double cpuMillis(Writer writer, int[] pixels, int width, int height) throws Exception {
        long start = THREADS.getCurrentThreadCpuTime();
        byte[] bytes = writer.encode(pixels, width, height);
        double ms = (THREADS.getCurrentThreadCpuTime() - start) / 1e6;
        if (bytes.length == 0) {
            throw new IllegalStateException("no bytes");
        }
        return ms;
    }
}
