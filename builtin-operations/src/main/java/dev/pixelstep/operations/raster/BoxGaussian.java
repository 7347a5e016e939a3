package dev.pixelstep.operations.raster;

/**
 * A Gaussian of any sigma as three stacked box filters per direction: two plain boxes of 2r + 1
 * pixels, then one <em>extended</em> box (Gwosdek, Grewenig, Bruhn and Weickert, "Theoretical
 * foundations of Gaussian convolution by extended box filtering", 2011: a box plus a fractional
 * weight alpha on the pixel just outside it on either side) whose radius and alpha make the
 * three variances add up to exactly sigma squared. A pass is a running sum, so a pixel costs the
 * same for any sigma.
 *
 * <p>Integer arithmetic on 12-bit channel values (8-bit values with 4 fraction bits): the two
 * plain passes keep their sums unnormalised (exact integers, at most (2r + 1)^2 * 4095), and the
 * extended pass divides by everything at once with symmetric 40-bit fixed-point weights, so a flat
 * image stays exactly flat. The image is extended once by its edge pixels, far enough for all
 * passes, so edges behave as with the exact kernel. Rows are filtered in parallel bands into one
 * 12-bit plane per channel, then columns in parallel strips; each strip keeps its rows as
 * separate arrays, so that the loops along a row are plain indexed loops the JIT vectorises.
 *
 * <p>Against the exact Gaussian (the kernel of {@link GaussianKernel}, which reaches 3 sigma):
 * the combined kernel has the same variance, a slightly flatter top and shorter tails, within 3%
 * of the Gaussian's peak height everywhere. On 8-bit images that is at most 8 levels per channel
 * on full-contrast hard edges near sigma 5 and a fraction of a level on average;
 * {@code BoxGaussianTest} bounds both against the previous exact kernel.
 */
final class BoxGaussian {

    /** Box passes per direction. */
    static final int PASSES = 3;

    /** The largest sigma: two plain passes' sums, at most (2r + 1)^2 * 4096, must fit an int. */
    static final double MAX_SIGMA = 300;

    /** Fixed-point bits of the last pass's weights. */
    private static final int SHIFT = 40;
    private static final long ROUND = 1L << (SHIFT - 1);

    /** Bits dropped from the 16-bit channel values of {@link ChannelLines}. */
    private static final int DROP = 4;

    /** Columns per vertical strip: long enough for the vectorised loops, short enough to stream through the cache. */
    private static final int STRIP = 512;

    private BoxGaussian() {
    }

    /**
     * The three passes of one direction: two plain boxes of radius {@code radius}, then an
     * extended box of radius {@code last} with weights {@code inner} (each of its 2 last + 1
     * pixels, {@code centre} added in the middle) and {@code outer} (the two pixels at distance
     * last + 1), which also divide by (2 radius + 1)^2 and sum to 2^40 / (2 radius + 1)^2 within rounding.
     */
    record Passes(int radius, int last, long inner, long outer, long centre) {

        static Passes of(double sigma) {
            if (!(sigma > 0) || sigma > MAX_SIGMA) {
                throw new IllegalArgumentException("sigma must be in (0, " + MAX_SIGMA + "], got " + sigma);
            }
            double variance = sigma * sigma;
            int r = plainRadius(variance / PASSES);
            double rest = variance - (PASSES - 1) * r * (r + 1) / 3.0; // at least variance / 3
            int last = plainRadius(rest);
            double alpha = (2 * last + 1) * (rest - last * (last + 1) / 3.0) / (2 * ((last + 1) * (double) (last + 1) - rest));
            double width = 2 * last + 1 + 2 * alpha;
            double gain = (2 * r + 1) * (double) (2 * r + 1);
            double one = Math.pow(2, SHIFT) / gain;
            long inner = Math.round(one / width);
            long outer = Math.round(alpha * one / width);
            long centre = Math.round(one) - (2L * last + 1) * inner - 2 * outer;
            return new Passes(r, last, inner, outer, centre);
        }

        /** The largest r whose plain box (variance r (r + 1) / 3) does not exceed {@code variance}. */
        private static int plainRadius(double variance) {
            return (int) Math.floor((Math.sqrt(1 + 12 * variance) - 1) / 2);
        }

        /** How far the three passes reach together. */
        int reach() {
            return 2 * (radius + 1) + last + 1;
        }

        /** The combined kernel of the three passes (weights summing to 1), index 0 at {@code -reach()}. */
        double[] kernel() {
            double[] box = new double[2 * radius + 1];
            java.util.Arrays.fill(box, 1.0 / box.length);
            double[] ext = new double[2 * last + 3];
            double total = 0;
            for (int i = 0; i < ext.length; i++) {
                ext[i] = i == 0 || i == ext.length - 1 ? outer : inner + (i == last + 1 ? centre : 0);
                total += ext[i];
            }
            for (int i = 0; i < ext.length; i++) {
                ext[i] /= total;
            }
            return convolve(convolve(box, box), ext);
        }

        private static double[] convolve(double[] a, double[] b) {
            double[] out = new double[a.length + b.length - 1];
            for (int i = 0; i < a.length; i++) {
                for (int j = 0; j < b.length; j++) {
                    out[i + j] += a[i] * b[j];
                }
            }
            return out;
        }
    }

    static void blur(int[] source, int[] target, int width, int height, double sigma, SeparableGaussian.Mode mode) {
        Passes passes = Passes.of(sigma);
        int channels = ChannelLines.channels(mode);
        char[][] planes = new char[channels][width * height];
        Bands.run(height, (long) width * height, (from, to) -> rows(source, planes, width, from, to, passes, mode));
        int strips = (width + STRIP - 1) / STRIP;
        Bands.run(strips, (long) width * height, (from, to) -> {
            for (int s = from; s < to; s++) {
                int x0 = s * STRIP;
                columns(source, planes, target, width, height, x0, Math.min(width, x0 + STRIP), passes, mode);
            }
        });
    }

    /** Rows {@code [fromRow, toRow)} filtered along x into the planes (12-bit values). */
    private static void rows(int[] source, char[][] planes, int width, int fromRow, int toRow, Passes passes,
                             SeparableGaussian.Mode mode) {
        int pad = passes.reach();
        int length = width + 2 * pad;
        int channels = planes.length;
        int r = passes.radius();
        int[][] lines = new int[channels][length];
        int[] spare = new int[length];
        for (int y = fromRow; y < toRow; y++) {
            ChannelLines.unpack(source, y * width, width, pad, lines, mode);
            for (int c = 0; c < channels; c++) {
                int[] in = lines[c];
                int[] out = spare;
                for (int i = 0; i < length; i++) {
                    in[i] = (in[i] + (1 << (DROP - 1))) >>> DROP;
                }
                box(in, out, r, r + 1, length - r - 1);
                box(out, in, r, 2 * (r + 1), length - 2 * (r + 1));
                extended(in, out, passes, pad, pad + width);
                char[] plane = planes[c];
                int row = y * width;
                for (int x = 0; x < width; x++) {
                    plane[row + x] = (char) out[pad + x];
                }
            }
        }
    }

    /** A plain box of radius r along a line, unnormalised: {@code out[i]} for i in {@code [from, to)}. */
    private static void box(int[] in, int[] out, int r, int from, int to) {
        int sum = 0;
        for (int i = from - r; i <= from + r; i++) {
            sum += in[i];
        }
        for (int i = from; i < to; i++) {
            out[i] = sum;
            sum += in[i + r + 1] - in[i - r];
        }
    }

    /** The normalising extended box along a line: {@code out[i]} for i in {@code [from, to)}. */
    private static void extended(int[] in, int[] out, Passes passes, int from, int to) {
        int r = passes.last();
        long inner = passes.inner();
        long outer = passes.outer();
        long centre = passes.centre();
        long sum = 0;
        for (int i = from - r; i <= from + r; i++) {
            sum += in[i];
        }
        for (int i = from; i < to; i++) {
            out[i] = (int) ((sum * inner + ((long) in[i - r - 1] + in[i + r + 1]) * outer + in[i] * centre + ROUND) >>> SHIFT);
            sum += in[i + r + 1] - in[i - r];
        }
    }

    /** Columns {@code [x0, x1)}: filtered along y (in place in the planes), then packed into the target. */
    private static void columns(int[] source, char[][] planes, int[] target, int width, int height, int x0, int x1,
                                Passes passes, SeparableGaussian.Mode mode) {
        int strip = x1 - x0;
        int pad = passes.reach();
        int length = height + 2 * pad;
        int channels = planes.length;
        int r = passes.radius();
        int[][] a = new int[length][strip];
        int[][] b = new int[length][strip];
        int[] sum = new int[strip];
        long[] longSum = new long[strip];
        for (char[] plane : planes) {
            for (int y = 0; y < length; y++) {
                int row = Math.min(height - 1, Math.max(0, y - pad)) * width + x0;
                int[] into = a[y];
                for (int x = 0; x < strip; x++) {
                    into[x] = plane[row + x];
                }
            }
            columnBox(a, b, sum, strip, r, r + 1, length - r - 1);
            columnBox(b, a, sum, strip, r, 2 * (r + 1), length - 2 * (r + 1));
            columnExtended(a, b, longSum, strip, passes, pad, pad + height);
            for (int y = 0; y < height; y++) {
                int[] from = b[pad + y];
                int row = y * width + x0;
                for (int x = 0; x < strip; x++) {
                    plane[row + x] = (char) from[x];
                }
            }
        }
        int[][] values = new int[channels][strip];
        for (int y = 0; y < height; y++) {
            int row = y * width + x0;
            for (int c = 0; c < channels; c++) {
                char[] plane = planes[c];
                int[] v = values[c];
                for (int x = 0; x < strip; x++) {
                    v[x] = plane[row + x] << DROP;
                }
            }
            ChannelLines.pack(values, 0, source, target, row, strip, mode);
        }
    }

    /** A plain box of radius r down the columns of a strip, unnormalised: rows {@code [from, to)} of {@code out}. */
    private static void columnBox(int[][] in, int[][] out, int[] sum, int strip, int r, int from, int to) {
        java.util.Arrays.fill(sum, 0);
        for (int y = from - r; y <= from + r; y++) {
            int[] row = in[y];
            for (int x = 0; x < strip; x++) {
                sum[x] += row[x];
            }
        }
        for (int y = from; y < to; y++) {
            int[] entering = in[y + r + 1];
            int[] leaving = in[y - r];
            int[] o = out[y];
            for (int x = 0; x < strip; x++) {
                int s = sum[x];
                o[x] = s;
                sum[x] = s + entering[x] - leaving[x];
            }
        }
    }

    /** The normalising extended box down the columns of a strip: rows {@code [from, to)} of {@code out}. */
    private static void columnExtended(int[][] in, int[][] out, long[] sum, int strip, Passes passes, int from, int to) {
        int r = passes.last();
        long inner = passes.inner();
        long outer = passes.outer();
        long centre = passes.centre();
        java.util.Arrays.fill(sum, 0);
        for (int y = from - r; y <= from + r; y++) {
            int[] row = in[y];
            for (int x = 0; x < strip; x++) {
                sum[x] += row[x];
            }
        }
        for (int y = from; y < to; y++) {
            int[] above = in[y - r - 1];
            int[] below = in[y + r + 1];
            int[] middle = in[y];
            int[] leaving = in[y - r];
            int[] o = out[y];
            for (int x = 0; x < strip; x++) {
                long s = sum[x];
                o[x] = (int) ((s * inner + ((long) above[x] + below[x]) * outer + middle[x] * centre + ROUND) >>> SHIFT);
                sum[x] = s + below[x] - leaving[x];
            }
        }
    }
}
