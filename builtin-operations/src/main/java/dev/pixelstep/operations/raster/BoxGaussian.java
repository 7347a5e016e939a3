package dev.pixelstep.operations.raster;

/**
 * A Gaussian of any sigma as three stacked box filters per direction: two plain boxes of 2r + 1
 * pixels, then one <em>extended</em> box (Gwosdek, Grewenig, Bruhn and Weickert, "Theoretical
 * foundations of Gaussian convolution by extended box filtering", 2011: a box plus a fractional
 * weight alpha on the pixel just outside it on either side) whose radius and alpha make the
 * three variances add up to exactly sigma squared. A pass is a running sum, so a pixel costs the
 * same for any sigma.
 *
 * <p>Integer arithmetic: the two plain passes keep their sums unnormalised (exact integers), and
 * the extended pass divides by everything at once with symmetric 40-bit fixed-point weights, so a
 * flat image stays exactly flat. Colour channels work on 12-bit values in ints
 * ({@link IntBoxPasses}); premultiplied alpha images on 16-bit values in longs
 * ({@link LongBoxPasses}), so that colours under a faint alpha come back exactly. The image is extended once by its edge
 * pixels, far enough for all passes, so edges behave as with the exact kernel. Rows are filtered in
 * parallel bands into one plane per channel, then columns in parallel strips; each strip
 * keeps its rows as separate arrays, so that the loops along a row are plain indexed loops the JIT
 * vectorises.
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

    /** The largest sigma (the weights of the last pass keep at least 10 significant bits). */
    static final double MAX_SIGMA = 300;

    /** Fixed-point bits of the last pass's weights. */
    static final int SHIFT = 40;
    static final long ROUND = 1L << (SHIFT - 1);

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
        if (mode == SeparableGaussian.Mode.PREMULTIPLIED) {
            LongBoxPasses.blur(source, target, width, height, passes, mode);
        } else {
            IntBoxPasses.blur(source, target, width, height, passes, mode);
        }
    }
}
