package dev.pixelstep.functions.internal.image;

/**
 * The 8x8 forward DCT of JPEG in floating point, by the factorisation of Arai, Agui and Nakajima
 * (5 multiplications and 29 additions per 8 samples), over many blocks at once: the samples are
 * laid out with the blocks across, {@code planes[base + n][i]} being sample (or coefficient) n of
 * block i in natural order (n = 8 row + column), so that every step is one loop along the blocks
 * on arrays at the same index, which the JIT vectorises. {@link #columns} is the vertical half,
 * {@link #rows} the horizontal half. The outputs are the DCT coefficients times
 * {@code 8 s(u) s(v)}, with {@code s(0) = 1} and {@code s(k) = sqrt(2) cos(k pi / 16)};
 * {@link #quantisers} folds that scale into the quantisation, so each coefficient costs one
 * multiplication more.
 */
final class ForwardDct {

    private static final float C4 = 0.707106781f;   // cos(4 pi / 16)
    private static final float C6 = 0.382683433f;   // cos(6 pi / 16)
    private static final float C2MC6 = 0.541196100f; // cos(2 pi / 16) - cos(6 pi / 16)
    private static final float C2PC6 = 1.306562965f; // cos(2 pi / 16) + cos(6 pi / 16)

    private ForwardDct() {
    }

    /** The vertical half of the transform of blocks {@code 0..count - 1} of {@code planes[base .. base + 63]}, in place. */
    static void columns(float[][] planes, int base, int count) {
        for (int u = 0; u < 8; u++) {
            pass(planes[base + u], planes[base + 8 + u], planes[base + 16 + u], planes[base + 24 + u], planes[base + 32 + u],
                    planes[base + 40 + u], planes[base + 48 + u], planes[base + 56 + u], count);
        }
    }

    /** The horizontal half: after {@link #columns}, the coefficients of the same blocks, in place. */
    static void rows(float[][] planes, int base, int count) {
        for (int v = base; v < base + 64; v += 8) {
            pass(planes[v], planes[v + 1], planes[v + 2], planes[v + 3], planes[v + 4], planes[v + 5], planes[v + 6],
                    planes[v + 7], count);
        }
    }

    /**
     * One 8-point transform of {@code p0[i] .. p7[i]} for every {@code i < count}, in place, in
     * four loops small enough for the JIT to unroll and vectorise (one loop of the whole transform
     * is too large for it): the sums and differences of the mirrored pairs, then the even outputs
     * from the sums, then the odd ones from the differences.
     */
    private static void pass(float[] p0, float[] p1, float[] p2, float[] p3, float[] p4, float[] p5, float[] p6, float[] p7,
            int count) {
        // sums into the arrays of the even outputs, differences into those of the odd ones
        butterflies(p0, p7, p6, p1, count);
        butterflies(p2, p5, p4, p3, count);
        even(p0, p6, p2, p4, count);
        odd(p7, p1, p5, p3, count);
    }

    /** {@code (a, b) <- (a + b, a - b)} and {@code (c, d) <- (d + c, d - c)}. */
    private static void butterflies(float[] a, float[] b, float[] c, float[] d, int count) {
        for (int i = 0; i < count; i++) {
            float x = a[i];
            float y = b[i];
            a[i] = x + y;
            b[i] = x - y;
            float z = d[i];
            float w = c[i];
            c[i] = z + w;
            d[i] = z - w;
        }
    }

    /** From the sums {@code s07, s16, s25, s34} (in {@code p0, p6, p2, p4}) the outputs 0, 2, 4 and 6 (in their own arrays). */
    private static void even(float[] p0, float[] p6, float[] p2, float[] p4, int count) {
        for (int i = 0; i < count; i++) {
            float s07 = p0[i];
            float s16 = p6[i];
            float s25 = p2[i];
            float s34 = p4[i];
            float e0 = s07 + s34;
            float e3 = s07 - s34;
            float e1 = s16 + s25;
            float e2 = s16 - s25;
            p0[i] = e0 + e1;
            p4[i] = e0 - e1;
            float rotated = (e2 + e3) * C4;
            p2[i] = e3 + rotated;
            p6[i] = e3 - rotated;
        }
    }

    /** From the differences {@code d07, d16, d25, d34} (in {@code p7, p1, p5, p3}) the outputs 1, 3, 5 and 7. */
    private static void odd(float[] p7, float[] p1, float[] p5, float[] p3, int count) {
        for (int i = 0; i < count; i++) {
            float d07 = p7[i];
            float d16 = p1[i];
            float d25 = p5[i];
            float d34 = p3[i];
            float o0 = d34 + d25;
            float o1 = d25 + d16;
            float o2 = d16 + d07;
            float z5 = (o0 - o2) * C6;
            float z2 = C2MC6 * o0 + z5;
            float z4 = C2PC6 * o2 + z5;
            float z3 = o1 * C4;
            float z11 = d07 + z3;
            float z13 = d07 - z3;
            p5[i] = z13 + z2;
            p3[i] = z13 - z2;
            p1[i] = z11 + z4;
            p7[i] = z11 - z4;
        }
    }

    /**
     * The factors that turn the transform's outputs into quantised coefficients: per natural
     * index n = 8v + u, {@code 1 / (quant[n] * 8 s(u) s(v))}.
     */
    static float[] quantisers(int[] quant) {
        double[] s = new double[8];
        for (int k = 0; k < 8; k++) {
            s[k] = k == 0 ? 1 : Math.sqrt(2) * Math.cos(k * Math.PI / 16);
        }
        float[] out = new float[64];
        for (int n = 0; n < 64; n++) {
            out[n] = (float) (1.0 / (quant[n] * 8 * s[n >> 3] * s[n & 7]));
        }
        return out;
    }
}
