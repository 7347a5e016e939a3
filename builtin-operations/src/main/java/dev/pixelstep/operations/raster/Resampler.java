package dev.pixelstep.operations.raster;

/**
 * Separable resampling of packed pixels with a choice of {@link Filter}, in parallel bands of rows.
 *
 * <p>Method: when shrinking, the filter is widened by the scale (every source pixel contributes:
 * antialiased, like Pillow and libvips). To keep the taps bounded when shrinking a lot, a side
 * shrunk by a scale {@code s >= 4} is first reduced by the integer factor {@code f = floor(s / 2)}
 * with a box filter (each source pixel read once, as libvips' {@code shrink} does before its
 * {@code reduce}), leaving a residual scale in [2, 3) for the filter (below 4 without a box
 * reduction): at most {@code 2 ceil(4 r) + 1} taps per pass for a filter of radius {@code r} (25 for
 * lanczos3), whatever the scale. Then a
 * horizontal pass into a plane of premultiplied floats ({@code dw x sh'}) and a vertical pass into
 * the result; colours are premultiplied by alpha when the image has alpha. Deterministic float
 * arithmetic; each band writes only its own rows.
 */
public final class Resampler {

    /** A side is box-reduced first when it shrinks by at least this scale. */
    static final double BOX_FROM = 4;

    /** The interpolation filters, by their usual names. */
    public enum Filter {
        /** The source pixel under the output pixel's centre, no averaging. */
        NEAREST(0.5),
        /** The triangle filter (linear interpolation), radius 1. */
        BILINEAR(1),
        /** Catmull-Rom cubic (a = -0.5, what sharp calls cubic), radius 2. */
        BICUBIC(2),
        /** sinc(x) sinc(x / 3) for |x| < 3, radius 3: the sharpest, libvips' and sharp's default. */
        LANCZOS3(3);

        private final double radius;

        Filter(double radius) {
            this.radius = radius;
        }

        /** The filter's radius in source pixels at scale 1. */
        public double radius() {
            return radius;
        }

        double weight(double x) {
            double t = Math.abs(x);
            switch (this) {
                case BILINEAR:
                    return Math.max(0, 1 - t);
                case BICUBIC:
                    if (t < 1) {
                        return 1.5 * t * t * t - 2.5 * t * t + 1;
                    }
                    return t < 2 ? -0.5 * t * t * t + 2.5 * t * t - 4 * t + 2 : 0;
                case LANCZOS3:
                    if (t < 1e-9) {
                        return 1;
                    }
                    return t < 3 ? 3 * Math.sin(Math.PI * t) * Math.sin(Math.PI * t / 3) / (Math.PI * Math.PI * t * t) : 0;
                default:
                    return t < 0.5 ? 1 : 0;
            }
        }
    }

    private Resampler() {
    }

    /** The box factor a side shrunk from {@code source} to {@code target} pixels is first reduced by (1: none). */
    public static int boxFactor(int source, int target) {
        double scale = (double) source / target;
        // at most 32767, so that a block column's premultiplied sums fit in an int (sides over 65534 px
        // shrunk to a pixel or two then leave the filter a residual scale above 4)
        return scale >= BOX_FROM ? (int) Math.min(32767, Math.floor(scale / 2)) : 1;
    }

    /** The filter taps of one output pixel along a side scaled from {@code source} to {@code target} (after any box reduction). */
    public static double taps(int source, int target, Filter filter) {
        if (filter == Filter.NEAREST) {
            return 1;
        }
        double scale = (double) ceilDiv(source, boxFactor(source, target)) / target;
        return 2 * Math.ceil(filter.radius * Math.max(1, scale)) + 1;
    }

    /**
     * Resamples {@code source} (sw x sh) to the whole of {@code out} (dw x dh), alpha kept when
     * {@code alpha} (otherwise every result pixel is opaque).
     */
    public static void resample(int[] source, int sw, int sh, int[] out, int dw, int dh, boolean alpha, Filter filter) {
        resample(source, sw, sh, dw, dh, 0, 0, out, dw, dh, alpha, filter);
    }

    /**
     * Computes the {@code dw x dh} window at ({@code x0}, {@code y0}) of {@code source} (sw x sh)
     * resampled to tw x th, into {@code out}: only the window's pixels, and only the source rows
     * they need, are computed, so a crop of a large enlargement costs what the window costs.
     */
    public static void resample(int[] source, int sw, int sh, int tw, int th, int x0, int y0, int[] out, int dw, int dh,
                                boolean alpha, Filter filter) {
        int fx = boxFactor(sw, tw);
        int fy = boxFactor(sh, th);
        int[] in = source;
        int w = sw;
        int h = sh;
        if (fx > 1 || fy > 1) {
            w = ceilDiv(sw, fx);
            h = ceilDiv(sh, fy);
            in = boxReduce(source, sw, sh, fx, fy, w, h, alpha);
        }
        Weights horizontal = Weights.of(w, tw, filter, x0, dw);
        Weights vertical = Weights.of(h, th, filter, y0, dh);
        int rowFrom = vertical.first[0];
        int rowTo = rowFrom;
        for (int i = 0; i < dh; i++) {
            rowTo = Math.max(rowTo, vertical.first[i] + vertical.weights[i].length);
        }
        int rows = rowTo - rowFrom;
        float[] mid = new float[dw * rows * 4];
        int[] src = in;
        int srcWidth = w;
        Bands.run(rows, (long) dw * rows, (from, to) -> horizontal(src, srcWidth, rowFrom + from, rowFrom + to, rowFrom, horizontal, mid, dw, alpha));
        Bands.run(dh, (long) dw * dh, (from, to) -> vertical(mid, dw, rowFrom, from, to, vertical, out, alpha));
    }

    /** The source rows the horizontal pass computes for the window, after any box reduction (for the cost). */
    public static double rowsPerOutputRow(int sh, int th, int dh, Filter filter) {
        int h = ceilDiv(sh, boxFactor(sh, th));
        double scale = (double) h / th;
        double rows = Math.min(h, dh * scale + 2 * Math.ceil(filter.radius * Math.max(1, scale)) + 2);
        return rows / dh;
    }

    /**
     * Work units per output pixel of {@link #resample} for a window of dw x dh of sw x sh scaled to
     * tw x th, as measured by {@code CostCalibration} on the 12 MP photo with alpha (the costlier
     * case; opaque photos run at 0.5-0.9 of it): 15 units a pixel, 4 units a filter tap (3.4-4.0 measured; the
     * taps of the horizontal pass for every row it computes per output row, and those of the
     * vertical pass), and when a side is box-reduced first, for every source pixel per output pixel
     * 1.5 units plus 10 per block of the horizontal factor {@code fx} (summing the columns of a block
     * costs by the block as much as by the pixel: 6 units a source pixel at fx = 2, 2.5 at fx = 8).
     */
    public static double work(int sw, int sh, int tw, int th, int dw, int dh, Filter filter) {
        double taps = rowsPerOutputRow(sh, th, dh, filter) * taps(sw, tw, filter) + taps(sh, th, filter);
        int fx = boxFactor(sw, tw);
        double box = fx > 1 || boxFactor(sh, th) > 1
                ? sw * (double) sh / ((double) dw * dh) * (1.5 + 10.0 / fx) : 0;
        return 15 + 4 * taps + box;
    }

    /**
     * Heap bytes {@link #resample} allocates besides {@code out}, per output pixel: the box-reduced
     * copy (4 a reduced pixel, plus four int planes of a source row per band), the plane of four floats per window
     * column and computed row, and the weights of every window column and row.
     */
    public static double bytes(int sw, int sh, int tw, int th, int dw, int dh, Filter filter) {
        int fx = boxFactor(sw, tw);
        int fy = boxFactor(sh, th);
        double total = 0;
        if (fx > 1 || fy > 1) {
            long w = ceilDiv(sw, fx);
            long h = ceilDiv(sh, fy);
            total += 4.0 * w * h + Bands.bands((int) h, (long) sw * sh) * (16.0 * sw + 64);
        }
        total += 16.0 * dw * rowsPerOutputRow(sh, th, dh, filter) * dh;
        total += dw * (64 + 16 * taps(sw, tw, filter)) + dh * (64 + 16 * taps(sh, th, filter));
        return total / ((double) dw * dh);
    }

    private static void horizontal(int[] source, int sw, int from, int to, int rowFrom, Weights horizontal, float[] mid, int dw,
                                   boolean alpha) {
        for (int y = from; y < to; y++) {
            int row = y * sw;
            for (int x = 0; x < dw; x++) {
                float a = 0;
                float r = 0;
                float g = 0;
                float b = 0;
                int first = row + horizontal.first[x];
                float[] w = horizontal.weights[x];
                for (int k = 0; k < w.length; k++) {
                    int p = source[first + k];
                    float wa = alpha ? w[k] * (p >>> 24) : w[k] * 255f;
                    a += wa;
                    r += wa * ((p >> 16) & 0xff);
                    g += wa * ((p >> 8) & 0xff);
                    b += wa * (p & 0xff);
                }
                int o = ((y - rowFrom) * dw + x) * 4;
                mid[o] = a;
                mid[o + 1] = r;
                mid[o + 2] = g;
                mid[o + 3] = b;
            }
        }
    }

    private static void vertical(float[] mid, int dw, int rowFrom, int from, int to, Weights vertical, int[] out, boolean alpha) {
        for (int y = from; y < to; y++) {
            int first = vertical.first[y] - rowFrom;
            float[] w = vertical.weights[y];
            for (int x = 0; x < dw; x++) {
                float a = 0;
                float r = 0;
                float g = 0;
                float b = 0;
                for (int k = 0; k < w.length; k++) {
                    int o = ((first + k) * dw + x) * 4;
                    a += w[k] * mid[o];
                    r += w[k] * mid[o + 1];
                    g += w[k] * mid[o + 2];
                    b += w[k] * mid[o + 3];
                }
                if (a <= 0.5f) {
                    out[y * dw + x] = alpha ? 0 : 0xff000000;
                    continue;
                }
                int outAlpha = alpha ? Clamp.channel(Math.round(a)) : 255;
                out[y * dw + x] = outAlpha << 24 | Clamp.channel(Math.round(r / a)) << 16
                        | Clamp.channel(Math.round(g / a)) << 8 | Clamp.channel(Math.round(b / a));
            }
        }
    }

    /**
     * Averages blocks of fx x fy source pixels (premultiplied; the last blocks of a row or column
     * may be smaller): per band of output rows, the fy source rows of a block row are first summed
     * column by column into int planes (one sequential pass over the source, no per-block work),
     * then each plane row is summed fx columns at a time. Ints hold the column sums: at most
     * 255 x 255 x fy, below 2^31 for fy <= 32767 (sides are at most 65535, so fy is too).
     */
    private static int[] boxReduce(int[] source, int sw, int sh, int fx, int fy, int w, int h, boolean alpha) {
        int[] out = new int[w * h];
        Bands.run(h, (long) sw * sh, (from, to) -> {
            int[] sa = new int[sw];
            int[] sr = new int[sw];
            int[] sg = new int[sw];
            int[] sb = new int[sw];
            for (int y = from; y < to; y++) {
                java.util.Arrays.fill(sa, 0);
                java.util.Arrays.fill(sr, 0);
                java.util.Arrays.fill(sg, 0);
                java.util.Arrays.fill(sb, 0);
                int y1 = Math.min(sh, (y + 1) * fy);
                for (int row = y * fy * sw; row < y1 * sw; row += sw) {
                    if (alpha) {
                        for (int x = 0; x < sw; x++) {
                            int p = source[row + x];
                            int pa = p >>> 24;
                            sa[x] += pa;
                            sr[x] += pa * ((p >> 16) & 0xff);
                            sg[x] += pa * ((p >> 8) & 0xff);
                            sb[x] += pa * (p & 0xff);
                        }
                    } else {
                        for (int x = 0; x < sw; x++) {
                            int p = source[row + x];
                            sr[x] += (p >> 16) & 0xff;
                            sg[x] += (p >> 8) & 0xff;
                            sb[x] += p & 0xff;
                        }
                    }
                }
                int rows = y1 - y * fy;
                for (int x = 0; x < w; x++) {
                    int x0 = x * fx;
                    int x1 = Math.min(sw, x0 + fx);
                    long a = 0;
                    long r = 0;
                    long g = 0;
                    long b = 0;
                    for (int i = x0; i < x1; i++) {
                        a += sa[i];
                        r += sr[i];
                        g += sg[i];
                        b += sb[i];
                    }
                    long n = (long) (x1 - x0) * rows;
                    if (!alpha) {
                        out[y * w + x] = 0xff000000 | (int) ((r + n / 2) / n) << 16 | (int) ((g + n / 2) / n) << 8 | (int) ((b + n / 2) / n);
                    } else if (a == 0) {
                        out[y * w + x] = 0;
                    } else {
                        out[y * w + x] = (int) ((a + n / 2) / n) << 24 | (int) ((r + a / 2) / a) << 16
                                | (int) ((g + a / 2) / a) << 8 | (int) ((b + a / 2) / a);
                    }
                }
            }
        });
        return out;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    /** For each output coordinate: the first source index and the normalised weights from there on. */
    private static final class Weights {
        final int[] first;
        final float[][] weights;

        private Weights(int[] first, float[][] weights) {
            this.first = first;
            this.weights = weights;
        }

        /** Weights of the output coordinates {@code from .. from + count - 1} of a side scaled to {@code targetLength}. */
        static Weights of(int sourceLength, int targetLength, Filter filter, int from, int count) {
            double scale = (double) sourceLength / targetLength;
            double stretch = Math.max(1.0, scale);
            double support = filter.radius * stretch;
            int[] first = new int[count];
            float[][] weights = new float[count][];
            for (int i = 0; i < count; i++) {
                double center = (from + i + 0.5) * scale;
                if (filter == Filter.NEAREST) {
                    first[i] = Math.min(sourceLength - 1, (int) Math.floor(center));
                    weights[i] = new float[] {1};
                    continue;
                }
                int lo = Math.max(0, (int) Math.floor(center - support));
                int hi = Math.min(sourceLength, (int) Math.ceil(center + support));
                double[] w = new double[Math.max(1, hi - lo)];
                double total = 0;
                for (int k = 0; k < hi - lo; k++) {
                    w[k] = filter.weight((lo + k + 0.5 - center) / stretch);
                    total += w[k];
                }
                if (Math.abs(total) < 1e-9) { // not for lengths >= 1, but never divide by zero
                    lo = Math.min(sourceLength - 1, Math.max(0, (int) Math.floor(center)));
                    w = new double[] {1};
                    total = 1;
                }
                first[i] = lo;
                weights[i] = new float[w.length];
                for (int k = 0; k < w.length; k++) {
                    weights[i][k] = (float) (w[k] / total);
                }
            }
            return new Weights(first, weights);
        }
    }
}
