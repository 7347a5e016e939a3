package dev.pixelstep.functions.internal.image;

/**
 * The 8x8 forward DCT of JPEG in floating point, by the factorisation of Arai, Agui and Nakajima
 * (5 multiplications and 29 additions per 8 samples): {@link #columns} down every column of an
 * 8-row band of samples, then {@link #rows} along each block's rows. Its outputs are the DCT
 * coefficients times {@code 8 s(u) s(v)}, with {@code s(0) = 1} and {@code s(k) = sqrt(2) cos(k pi / 16)};
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

    /**
     * The vertical half of the transform for every column of an 8-row band: {@code count} columns
     * of {@code plane} from {@code offset}, rows {@code stride} apart, in place. One loop along the
     * band, which the JIT can vectorise; {@link #rows} does the rest of each block.
     */
    static void columns(float[] plane, int offset, int stride, int count) {
        for (int x = offset; x < offset + count; x++) {
            float d0 = plane[x];
            float d1 = plane[x + stride];
            float d2 = plane[x + 2 * stride];
            float d3 = plane[x + 3 * stride];
            float d4 = plane[x + 4 * stride];
            float d5 = plane[x + 5 * stride];
            float d6 = plane[x + 6 * stride];
            float d7 = plane[x + 7 * stride];
            pass(d0, d1, d2, d3, d4, d5, d6, d7, plane, x, stride);
        }
    }

    /** The horizontal half: the 8 rows of the block at {@code offset} of a band {@link #columns} transformed, into {@code block}. */
    static void rows(float[] plane, int offset, int stride, float[] block) {
        for (int row = 0, in = offset, out = 0; row < 8; row++, in += stride, out += 8) {
            pass(plane[in], plane[in + 1], plane[in + 2], plane[in + 3], plane[in + 4], plane[in + 5], plane[in + 6],
                    plane[in + 7], block, out, 1);
        }
    }

    /** One 8-point transform of {@code d0..d7} into {@code out[at + k * step]}. */
    private static void pass(float d0, float d1, float d2, float d3, float d4, float d5, float d6, float d7,
            float[] out, int at, int step) {
        float s07 = d0 + d7;
        float d07 = d0 - d7;
        float s16 = d1 + d6;
        float d16 = d1 - d6;
        float s25 = d2 + d5;
        float d25 = d2 - d5;
        float s34 = d3 + d4;
        float d34 = d3 - d4;

        // even part
        float e0 = s07 + s34;
        float e3 = s07 - s34;
        float e1 = s16 + s25;
        float e2 = s16 - s25;
        out[at] = e0 + e1;
        out[at + 4 * step] = e0 - e1;
        float rotated = (e2 + e3) * C4;
        out[at + 2 * step] = e3 + rotated;
        out[at + 6 * step] = e3 - rotated;

        // odd part
        float o0 = d34 + d25;
        float o1 = d25 + d16;
        float o2 = d16 + d07;
        float z5 = (o0 - o2) * C6;
        float z2 = C2MC6 * o0 + z5;
        float z4 = C2PC6 * o2 + z5;
        float z3 = o1 * C4;
        float z11 = d07 + z3;
        float z13 = d07 - z3;
        out[at + 5 * step] = z13 + z2;
        out[at + 3 * step] = z13 - z2;
        out[at + step] = z11 + z4;
        out[at + 7 * step] = z11 - z4;
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
