package dev.pixelstep.functions.internal.image;

/**
 * The 8x8 inverse DCT of {@link JpegDecoder}: the integer Loeffler-Ligtenberg-Moschytz
 * factorisation with 13-bit constants and two extra bits of precision between the column and the
 * row pass, the "islow" method libjpeg uses by default (and so the JDK's reader and Pillow), so
 * that the decoded samples match theirs. Columns and rows whose AC coefficients are all zero
 * take a shortcut with the same result. Stateless; the workspace is the caller's.
 */
final class InverseDct {

    private static final int CONST_BITS = 13;
    private static final int PASS1_BITS = 2;
    private static final int FIX_0_298631336 = 2446;
    private static final int FIX_0_390180644 = 3196;
    private static final int FIX_0_541196100 = 4433;
    private static final int FIX_0_765366865 = 6270;
    private static final int FIX_0_899976223 = 7373;
    private static final int FIX_1_175875602 = 9633;
    private static final int FIX_1_501321110 = 12299;
    private static final int FIX_1_847759065 = 15137;
    private static final int FIX_1_961570560 = 16069;
    private static final int FIX_2_053119869 = 16819;
    private static final int FIX_2_562915447 = 20995;
    private static final int FIX_3_072711026 = 25172;

    private InverseDct() {
    }

    /** The sample of a block whose only non-zero coefficient is the dequantised DC {@code dc}. */
    static byte flat(int dc) {
        return clamp(((dc << PASS1_BITS) + 16 >> PASS1_BITS + 3) + 128);
    }

    /**
     * Transforms the dequantised coefficients {@code c} (natural order; used as the workspace, left
     * undefined) into 8x8 samples at {@code out[offset + row * stride + column]}.
     */
    static void transform(int[] c, byte[] out, int offset, int stride) {
        for (int col = 0; col < 8; col++) {
            int c1 = c[8 + col];
            int c2 = c[16 + col];
            int c3 = c[24 + col];
            int c4 = c[32 + col];
            int c5 = c[40 + col];
            int c6 = c[48 + col];
            int c7 = c[56 + col];
            if ((c1 | c2 | c3 | c4 | c5 | c6 | c7) == 0) {
                int dc = c[col] << PASS1_BITS;
                for (int row = 0; row < 64; row += 8) {
                    c[row + col] = dc;
                }
                continue;
            }
            int z1 = (c2 + c6) * FIX_0_541196100;
            int t2 = z1 - c6 * FIX_1_847759065;
            int t3 = z1 + c2 * FIX_0_765366865;
            int t0 = c[col] + c4 << CONST_BITS;
            int t1 = c[col] - c4 << CONST_BITS;
            int e10 = t0 + t3;
            int e13 = t0 - t3;
            int e11 = t1 + t2;
            int e12 = t1 - t2;

            int o0 = c7;
            int o1 = c5;
            int o2 = c3;
            int o3 = c1;
            int s1 = o0 + o3;
            int s2 = o1 + o2;
            int s3 = o0 + o2;
            int s4 = o1 + o3;
            int s5 = (s3 + s4) * FIX_1_175875602;
            o0 *= FIX_0_298631336;
            o1 *= FIX_2_053119869;
            o2 *= FIX_3_072711026;
            o3 *= FIX_1_501321110;
            s1 *= -FIX_0_899976223;
            s2 *= -FIX_2_562915447;
            s3 = s3 * -FIX_1_961570560 + s5;
            s4 = s4 * -FIX_0_390180644 + s5;
            o0 += s1 + s3;
            o1 += s2 + s4;
            o2 += s2 + s3;
            o3 += s1 + s4;

            int shift = CONST_BITS - PASS1_BITS;
            int round = 1 << shift - 1;
            c[col] = e10 + o3 + round >> shift;
            c[56 + col] = e10 - o3 + round >> shift;
            c[8 + col] = e11 + o2 + round >> shift;
            c[48 + col] = e11 - o2 + round >> shift;
            c[16 + col] = e12 + o1 + round >> shift;
            c[40 + col] = e12 - o1 + round >> shift;
            c[24 + col] = e13 + o0 + round >> shift;
            c[32 + col] = e13 - o0 + round >> shift;
        }
        for (int row = 0; row < 64; row += 8) {
            int at = offset + (row >> 3) * stride;
            int c1 = c[row + 1];
            int c2 = c[row + 2];
            int c3 = c[row + 3];
            int c4 = c[row + 4];
            int c5 = c[row + 5];
            int c6 = c[row + 6];
            int c7 = c[row + 7];
            if ((c1 | c2 | c3 | c4 | c5 | c6 | c7) == 0) {
                byte v = clamp((c[row] + 16 >> PASS1_BITS + 3) + 128);
                for (int i = 0; i < 8; i++) {
                    out[at + i] = v;
                }
                continue;
            }
            int z1 = (c2 + c6) * FIX_0_541196100;
            int t2 = z1 - c6 * FIX_1_847759065;
            int t3 = z1 + c2 * FIX_0_765366865;
            int t0 = c[row] + c4 << CONST_BITS;
            int t1 = c[row] - c4 << CONST_BITS;
            int e10 = t0 + t3;
            int e13 = t0 - t3;
            int e11 = t1 + t2;
            int e12 = t1 - t2;

            int o0 = c7;
            int o1 = c5;
            int o2 = c3;
            int o3 = c1;
            int s1 = o0 + o3;
            int s2 = o1 + o2;
            int s3 = o0 + o2;
            int s4 = o1 + o3;
            int s5 = (s3 + s4) * FIX_1_175875602;
            o0 *= FIX_0_298631336;
            o1 *= FIX_2_053119869;
            o2 *= FIX_3_072711026;
            o3 *= FIX_1_501321110;
            s1 *= -FIX_0_899976223;
            s2 *= -FIX_2_562915447;
            s3 = s3 * -FIX_1_961570560 + s5;
            s4 = s4 * -FIX_0_390180644 + s5;
            o0 += s1 + s3;
            o1 += s2 + s4;
            o2 += s2 + s3;
            o3 += s1 + s4;

            int shift = CONST_BITS + PASS1_BITS + 3;
            int round = 1 << shift - 1;
            out[at] = clamp((e10 + o3 + round >> shift) + 128);
            out[at + 7] = clamp((e10 - o3 + round >> shift) + 128);
            out[at + 1] = clamp((e11 + o2 + round >> shift) + 128);
            out[at + 6] = clamp((e11 - o2 + round >> shift) + 128);
            out[at + 2] = clamp((e12 + o1 + round >> shift) + 128);
            out[at + 5] = clamp((e12 - o1 + round >> shift) + 128);
            out[at + 3] = clamp((e13 + o0 + round >> shift) + 128);
            out[at + 4] = clamp((e13 - o0 + round >> shift) + 128);
        }
    }

    private static byte clamp(int v) {
        return (byte) (v < 0 ? 0 : v > 255 ? 255 : v);
    }
}
