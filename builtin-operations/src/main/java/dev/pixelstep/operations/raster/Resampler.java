package dev.pixelstep.operations.raster;

/**
 * Separable resampling of packed pixels with a triangle (bilinear) filter that widens when
 * shrinking, so every source pixel contributes (antialiased, like Pillow's {@code BILINEAR}).
 * Colours are premultiplied by alpha when the image has alpha. Deterministic float arithmetic.
 */
public final class Resampler {

    private Resampler() {
    }

    /** Resamples {@code source} (sw x sh) to dw x dh. */
    public static int[] resample(int[] source, int sw, int sh, int dw, int dh, boolean alpha) {
        Weights horizontal = Weights.of(sw, dw);
        Weights vertical = Weights.of(sh, dh);
        // horizontal pass: sh rows of dw pixels, four float channels (premultiplied)
        float[] mid = new float[dw * sh * 4];
        for (int y = 0; y < sh; y++) {
            for (int x = 0; x < dw; x++) {
                float a = 0;
                float r = 0;
                float g = 0;
                float b = 0;
                int first = horizontal.first[x];
                float[] w = horizontal.weights[x];
                for (int k = 0; k < w.length; k++) {
                    int p = source[y * sw + first + k];
                    float pa = alpha ? (p >>> 24) : 255f;
                    float wa = w[k] * pa;
                    a += wa;
                    r += wa * ((p >> 16) & 0xff);
                    g += wa * ((p >> 8) & 0xff);
                    b += wa * (p & 0xff);
                }
                int o = (y * dw + x) * 4;
                mid[o] = a;
                mid[o + 1] = r;
                mid[o + 2] = g;
                mid[o + 3] = b;
            }
        }
        int[] out = new int[dw * dh];
        for (int y = 0; y < dh; y++) {
            int first = vertical.first[y];
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
                if (a <= 0) {
                    out[y * dw + x] = alpha ? 0 : 0xff000000;
                    continue;
                }
                int outAlpha = alpha ? Clamp.channel(Math.round(a)) : 255;
                out[y * dw + x] = outAlpha << 24 | Clamp.channel(Math.round(r / a)) << 16
                        | Clamp.channel(Math.round(g / a)) << 8 | Clamp.channel(Math.round(b / a));
            }
        }
        return out;
    }

    /** For each output coordinate: the first source index and the normalised weights from there on. */
    private static final class Weights {
        final int[] first;
        final float[][] weights;

        private Weights(int[] first, float[][] weights) {
            this.first = first;
            this.weights = weights;
        }

        static Weights of(int sourceLength, int targetLength) {
            double scale = (double) sourceLength / targetLength;
            double support = Math.max(1.0, scale);
            int[] first = new int[targetLength];
            float[][] weights = new float[targetLength][];
            for (int i = 0; i < targetLength; i++) {
                double center = (i + 0.5) * scale;
                int lo = Math.max(0, (int) Math.floor(center - support));
                int hi = Math.min(sourceLength, (int) Math.ceil(center + support));
                double[] w = new double[Math.max(1, hi - lo)];
                double total = 0;
                for (int k = 0; k < hi - lo; k++) {
                    double distance = Math.abs(lo + k + 0.5 - center) / support;
                    w[k] = Math.max(0, 1 - distance);
                    total += w[k];
                }
                if (total <= 0) { // cannot happen for lengths >= 1, but never divide by zero
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
