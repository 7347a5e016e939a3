package dev.pixelstep.operations.reference;

/**
 * The reference oracle for {@code blur} and {@code sharpen}: the exact separable Gaussian as it was
 * before issue 13 (whole-image intermediate planes, every sigma with its full 2 ceil(3 sigma) + 1
 * taps), kept verbatim in test scope. The kernels that replaced it are tested against it.
 *
 * <p>Original description: an exact (not box-approximated) separable Gaussian blur of packed pixels: a horizontal pass into
 * one plane per channel (16-bit values in {@code int[]}s), then a vertical pass straight into the
 * output. Integer arithmetic; edges are extended (clamped). With {@link Mode#RGB} the colour
 * channels are blurred and each pixel keeps its own alpha bits; with {@link Mode#PREMULTIPLIED}
 * alpha is blurred too and colours are weighted by alpha.
 */
public final class ReferenceGaussian {

    /** How alpha is treated. */
    public enum Mode {
        /** Blur red, green and blue; keep every pixel's alpha bits. */
        RGB,
        /** Blur alpha too, with colours premultiplied by alpha. */
        PREMULTIPLIED
    }

    private static final int SHIFT = 15;
    private static final int ROUND = 1 << (SHIFT - 1);

    /** The kernel of the blur before issue 13 (GaussianKernel.of): half weights in 15-bit fixed point, reaching ceil(3 sigma). */
    public static int[] weights(double sigma) {
        int half = Math.max(1, (int) Math.ceil(3 * sigma));
        double[] g = new double[half + 1];
        double total = 0;
        for (int k = 0; k <= half; k++) {
            g[k] = Math.exp(-(k * (double) k) / (2 * sigma * sigma));
            total += k == 0 ? g[k] : 2 * g[k];
        }
        int[] w = new int[half + 1];
        int sum = 0;
        for (int k = 0; k <= half; k++) {
            w[k] = (int) Math.round(g[k] / total * (1 << SHIFT));
            sum += k == 0 ? w[k] : 2 * w[k];
        }
        w[0] += (1 << SHIFT) - sum;
        return w;
    }

    private ReferenceGaussian() {
    }

    /**
     * Blurs {@code source} into {@code target} (both {@code width * height} packed pixels; they may
     * not be the same array).
     */
    public static void blur(int[] source, int[] target, int width, int height, double sigma, Mode mode) {
        if (source == target) {
            throw new IllegalArgumentException("source and target must differ");
        }
        int channels = mode == Mode.PREMULTIPLIED ? 4 : 3;
        int[][] planes = new int[channels][width * height];
        int[] w = weights(sigma);
        dev.pixelstep.operations.raster.Bands.run(height, (long) width * height, (from, to) -> horizontal(source, planes, width, from, to, w, mode));
        dev.pixelstep.operations.raster.Bands.run(height, (long) width * height, (from, to) -> vertical(source, planes, target, width, height, from, to, w, mode));
    }

    private static void horizontal(int[] source, int[][] planes, int width, int fromRow, int toRow, int[] w, Mode mode) {
        int half = w.length - 1;
        int channels = planes.length;
        int padded = width + 2 * half;
        int[][] in = new int[channels][padded];
        int[] acc = new int[width];
        for (int y = fromRow; y < toRow; y++) {
            int row = y * width;
            unpack(source, row, width, half, in, mode);
            for (int c = 0; c < channels; c++) {
                int[] line = in[c];
                int w0 = w[0];
                for (int x = 0; x < width; x++) {
                    acc[x] = w0 * line[x + half];
                }
                for (int k = 1; k <= half; k++) {
                    int wk = w[k];
                    int left = half - k;
                    int right = half + k;
                    for (int x = 0; x < width; x++) {
                        acc[x] += wk * (line[left + x] + line[right + x]);
                    }
                }
                int[] out = planes[c];
                for (int x = 0; x < width; x++) {
                    out[row + x] = ((acc[x] + ROUND) >>> SHIFT);
                }
            }
        }
    }

    /** One row as 16-bit channel values, extended by {@code half} edge pixels on both sides. */
    private static void unpack(int[] source, int row, int width, int half, int[][] in, Mode mode) {
        int padded = width + 2 * half;
        if (mode == Mode.RGB) {
            int[] r = in[0];
            int[] g = in[1];
            int[] b = in[2];
            for (int i = 0; i < padded; i++) {
                int p = source[row + Math.min(width - 1, Math.max(0, i - half))];
                r[i] = (p >> 8) & 0xff00;
                g[i] = p & 0xff00;
                b[i] = (p & 0xff) << 8;
            }
        } else {
            for (int i = 0; i < padded; i++) {
                int p = source[row + Math.min(width - 1, Math.max(0, i - half))];
                int a = p >>> 24;
                in[0][i] = premultiply((p >> 16) & 0xff, a);
                in[1][i] = premultiply((p >> 8) & 0xff, a);
                in[2][i] = premultiply(p & 0xff, a);
                in[3][i] = a * 257;
            }
        }
    }

    private static void vertical(int[] source, int[][] planes, int[] target, int width, int height,
                                 int fromRow, int toRow, int[] w, Mode mode) {
        int half = w.length - 1;
        int channels = planes.length;
        int[][] acc = new int[channels][width];
        for (int y = fromRow; y < toRow; y++) {
            for (int c = 0; c < channels; c++) {
                int[] plane = planes[c];
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
        return (sum + ROUND) >>> SHIFT;
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
