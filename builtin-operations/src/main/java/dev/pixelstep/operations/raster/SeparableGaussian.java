package dev.pixelstep.operations.raster;

import java.util.stream.IntStream;

/**
 * An exact (not box-approximated) separable Gaussian blur of packed pixels: a horizontal pass into
 * 16-bit planes, then a vertical pass that works row by row (cache-friendly) straight into the
 * output. Integer arithmetic with {@link GaussianKernel} weights; edges are extended (clamped).
 * Rows are split into independent bands that run in parallel; every output value depends only on
 * the input, so the result is the same whatever the number of threads.
 *
 * <p>With {@link Mode#RGB} the colour channels are blurred and each pixel keeps its own alpha
 * bits; with {@link Mode#PREMULTIPLIED} alpha is blurred too and colours are weighted by alpha,
 * so transparent pixels do not bleed their (invisible) colour into visible ones.
 */
public final class SeparableGaussian {

    /** How alpha is treated. */
    public enum Mode {
        /** Blur red, green and blue; keep every pixel's alpha bits. */
        RGB,
        /** Blur alpha too, with colours premultiplied by alpha. */
        PREMULTIPLIED
    }

    private static final int ROUND = 1 << (GaussianKernel.SHIFT - 1);
    private static final int PARALLEL_THRESHOLD = 1 << 16;

    private SeparableGaussian() {
    }

    /**
     * Blurs {@code source} into {@code target} (both {@code width * height} packed pixels; they may
     * not be the same array).
     */
    public static void blur(int[] source, int[] target, int width, int height, GaussianKernel kernel, Mode mode) {
        if (source == target) {
            throw new IllegalArgumentException("source and target must differ");
        }
        int channels = mode == Mode.PREMULTIPLIED ? 4 : 3;
        char[][] planes = new char[channels][width * height];
        int[] w = kernel.weights();
        bands(height, width, (from, to) -> horizontal(source, planes, width, from, to, w, mode));
        bands(height, width, (from, to) -> vertical(source, planes, target, width, height, from, to, w, mode));
    }

    private interface Band {
        void rows(int from, int to);
    }

    private static void bands(int height, int width, Band band) {
        long pixels = (long) width * height;
        int count = pixels < PARALLEL_THRESHOLD ? 1 : Math.min(height, 4 * Runtime.getRuntime().availableProcessors());
        if (count == 1) {
            band.rows(0, height);
            return;
        }
        IntStream.range(0, count).parallel().forEach(b -> band.rows(
                (int) ((long) height * b / count), (int) ((long) height * (b + 1) / count)));
    }

    private static void horizontal(int[] source, char[][] planes, int width, int fromRow, int toRow, int[] w, Mode mode) {
        int half = w.length - 1;
        int channels = planes.length;
        int[][] padded = new int[channels][width + 2 * half];
        for (int y = fromRow; y < toRow; y++) {
            int row = y * width;
            for (int i = 0; i < width + 2 * half; i++) {
                int x = Math.min(width - 1, Math.max(0, i - half));
                int p = source[row + x];
                if (mode == Mode.RGB) {
                    padded[0][i] = ((p >> 16) & 0xff) << 8;
                    padded[1][i] = ((p >> 8) & 0xff) << 8;
                    padded[2][i] = (p & 0xff) << 8;
                } else {
                    int a = p >>> 24;
                    padded[0][i] = premultiply((p >> 16) & 0xff, a);
                    padded[1][i] = premultiply((p >> 8) & 0xff, a);
                    padded[2][i] = premultiply(p & 0xff, a);
                    padded[3][i] = a * 257;
                }
            }
            for (int c = 0; c < channels; c++) {
                int[] in = padded[c];
                char[] out = planes[c];
                for (int x = 0; x < width; x++) {
                    int center = x + half;
                    int acc = w[0] * in[center];
                    for (int k = 1; k <= half; k++) {
                        acc += w[k] * (in[center - k] + in[center + k]);
                    }
                    out[row + x] = (char) ((acc + ROUND) >>> GaussianKernel.SHIFT);
                }
            }
        }
    }

    private static void vertical(int[] source, char[][] planes, int[] target, int width, int height,
                                 int fromRow, int toRow, int[] w, Mode mode) {
        int half = w.length - 1;
        int channels = planes.length;
        int[][] acc = new int[channels][width];
        for (int y = fromRow; y < toRow; y++) {
            for (int c = 0; c < channels; c++) {
                char[] plane = planes[c];
                int[] a = acc[c];
                int w0 = w[0];
                int row = y * width;
                for (int x = 0; x < width; x++) {
                    a[x] = w0 * plane[row + x];
                }
                for (int k = 1; k <= half; k++) {
                    int wk = w[k];
                    int up = Math.max(0, y - k) * width;
                    int down = Math.min(height - 1, y + k) * width;
                    for (int x = 0; x < width; x++) {
                        a[x] += wk * (plane[up + x] + plane[down + x]);
                    }
                }
            }
            int row = y * width;
            if (mode == Mode.RGB) {
                int[] r = acc[0];
                int[] g = acc[1];
                int[] b = acc[2];
                for (int x = 0; x < width; x++) {
                    target[row + x] = (source[row + x] & 0xff000000)
                            | eight(r[x]) << 16 | eight(g[x]) << 8 | eight(b[x]);
                }
            } else {
                for (int x = 0; x < width; x++) {
                    int alpha = sixteen(acc[3][x]);
                    if (alpha == 0) {
                        target[row + x] = 0;
                        continue;
                    }
                    target[row + x] = ((alpha * 255 + 32767) / 65535) << 24
                            | unpremultiply(sixteen(acc[0][x]), alpha) << 16
                            | unpremultiply(sixteen(acc[1][x]), alpha) << 8
                            | unpremultiply(sixteen(acc[2][x]), alpha);
                }
            }
        }
    }

    /** A 16-bit plane value from a vertical sum. */
    private static int sixteen(int sum) {
        return (sum + ROUND) >>> GaussianKernel.SHIFT;
    }

    /** An 8-bit channel from a vertical sum of values scaled by 256. */
    private static int eight(int sum) {
        return Math.min(255, (sixteen(sum) + 128) >> 8);
    }

    /** Colour c premultiplied by alpha a, scaled to 0..65535. */
    private static int premultiply(int c, int a) {
        return (c * a * 257 + 127) / 255;
    }

    private static int unpremultiply(int premultiplied, int alpha) {
        return Math.min(255, (premultiplied * 255 + alpha / 2) / alpha);
    }
}
