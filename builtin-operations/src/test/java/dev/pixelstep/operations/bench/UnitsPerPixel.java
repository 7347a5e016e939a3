package dev.pixelstep.operations.bench;

import dev.pixelstep.spi.ImageSize;
import dev.pixelstep.spi.chain.ChainStep;
import dev.pixelstep.spi.chain.OperationChain;
import dev.pixelstep.spi.registry.OperationRegistry;
import dev.pixelstep.testkit.photos.BenchmarkImages;

import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Measures chains on the 12 MP benchmark photo (with {@code -Dalpha=true} as {@code TYPE_INT_ARGB},
 * alpha falling from 255 to 64): the smallest of {@code -Druns} (3) runs, after three warm-ups, of
 * the CPU time of all threads per output pixel in units of {@code invert}'s (measured in the same
 * run, at the start and the end), against the first step's declared work, and the bytes allocated
 * per output pixel. Not a test: run by hand, see the README's part B cost table.
 */
public final class UnitsPerPixel {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private UnitsPerPixel() {
    }

    /** Arguments: chain texts. */
    public static void main(String[] args) {
        OperationRegistry registry = OperationRegistry.load(UnitsPerPixel.class.getClassLoader());
        BufferedImage image = BenchmarkImages.twelveMegapixels();
        if (Boolean.getBoolean("alpha")) {
            image = withAlpha(image);
        }
        int runs = Integer.getInteger("runs", 3);
        double unit = measure(registry.parse("invert"), image, runs)[0];
        System.out.printf(Locale.ROOT, "unit (invert) %.3f ns per pixel, %s%n", unit, image.getColorModel().hasAlpha() ? "alpha" : "opaque");
        for (String text : args) {
            OperationChain chain = registry.parse(text);
            double[] m = measure(chain, image, runs);
            ChainStep first = chain.steps().get(0);
            double declared = first.operation().cost(ImageSize.of(image), first.parameters()).work();
            System.out.printf(Locale.ROOT, "%-60s %8.1f units (declared %7.1f, ratio %.2f) %7.1f B/px%n",
                    text, m[0] / unit, declared, m[0] / unit / declared, m[1]);
        }
        System.out.printf(Locale.ROOT, "unit at the end %.3f ns per pixel%n", measure(registry.parse("invert"), image, runs)[0]);
    }

    private static double[] measure(OperationChain chain, BufferedImage image, int runs) {
        for (int i = 0; i < 3; i++) {
            chain.apply(image);
        }
        double nanos = Double.MAX_VALUE;
        double bytes = Double.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            long a0 = allocated();
            long t0 = cpu();
            BufferedImage out = chain.apply(image);
            long t1 = cpu();
            long a1 = allocated();
            double pixels = (double) out.getWidth() * out.getHeight();
            nanos = Math.min(nanos, (t1 - t0) / pixels);
            bytes = Math.min(bytes, (a1 - a0) / pixels);
        }
        return new double[] {nanos, bytes};
    }

    private static BufferedImage withAlpha(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] px = image.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < px.length; i++) {
            px[i] = (px[i] & 0xffffff) | (255 - 191 * (i / w) / h) << 24;
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, w, h, px, 0, w);
        return out;
    }

    private static long cpu() {
        long sum = 0;
        for (long v : THREADS.getThreadCpuTime(THREADS.getAllThreadIds())) {
            sum += Math.max(0, v);
        }
        return sum;
    }

    private static long allocated() {
        long sum = 0;
        for (long v : THREADS.getThreadAllocatedBytes(THREADS.getAllThreadIds())) {
            sum += Math.max(0, v);
        }
        return sum;
    }
}
