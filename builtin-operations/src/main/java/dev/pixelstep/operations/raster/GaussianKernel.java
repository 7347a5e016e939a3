package dev.pixelstep.operations.raster;

/**
 * One half of a symmetric, normalised 1-D Gaussian kernel in 15-bit fixed point: weight k applies
 * to the pixels at distance k, the weights of the whole kernel sum to exactly 32768, so a flat
 * signal stays exactly flat. The kernel reaches out to ceil(3 sigma), where the Gaussian falls
 * below 1.1% of its peak.
 */
public final class GaussianKernel {

    /** The fixed-point scale: weights sum to {@code 1 << SHIFT}. */
    public static final int SHIFT = 15;

    private final int[] weights;

    private GaussianKernel(int[] weights) {
        this.weights = weights;
    }

    /**
     * The kernel of standard deviation {@code sigma} pixels.
     *
     * @throws IllegalArgumentException if sigma is not positive and finite
     */
    public static GaussianKernel of(double sigma) {
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma must be positive, got " + sigma);
        }
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
        return new GaussianKernel(w);
    }

    /** The largest distance with a weight. */
    public int half() {
        return weights.length - 1;
    }

    /** The weight at distance {@code k}, 0..half. */
    public int weight(int k) {
        return weights[k];
    }

    /** A copy of the weights by distance. */
    public int[] weights() {
        return weights.clone();
    }
}
