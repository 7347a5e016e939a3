package dev.pixelstep.functions.internal.image;

/**
 * The 8x8 forward DCT of JPEG in fixed point, by the factorisation of Arai, Agui and Nakajima
 * (5 multiplications and 29 additions per 8 samples), over many blocks at once: the samples are
 * laid out with the blocks across, {@code planes[base + n][i]} being sample (or coefficient) n of
 * block i in natural order (n = 8 row + column), so that every step is one loop along the blocks
 * on {@code int} arrays at the same index, which the JIT vectorises (on JDK 17 as on JDK 25: the
 * float form needed int/float conversions, which JDK 17's C2 leaves scalar). {@link #columns} is
 * the vertical half, {@link #rows} the horizontal half.
 *
 * <p>The samples carry {@link #SAMPLE_BITS} fraction bits (a sample of -128..127 is
 * {@code -2048..2047}); the four constant multiplications are by {@link #CONSTANT_BITS}-bit
 * fixed-point constants, rounded to nearest. The outputs are the DCT coefficients times
 * {@code 8 s(u) s(v) 2^SAMPLE_BITS}, with {@code s(0) = 1} and {@code s(k) = sqrt(2) cos(k pi / 16)};
 * {@link #quantisers} folds that scale into the quantisation, a multiplication and a shift per
 * coefficient. Every intermediate value fits an {@code int} for samples in range: the largest is
 * a sum of products in the odd half of the second pass, at most 20,600 (the largest output of the
 * first) x (4 x 10,703 + 8 x 3,135) = 1.40 x 10^9 < 2^31.
 */
final class ForwardDct {

    /** Fraction bits of the samples: the colour conversion keeps 1/16 of a level. */
    static final int SAMPLE_BITS = 4;
    /** Fraction bits of the multiplication constants. */
    static final int CONSTANT_BITS = 13;

    private static final int HALF = 1 << (CONSTANT_BITS - 1);
    private static final int C4 = constant(Math.cos(4 * Math.PI / 16));
    private static final int C6 = constant(Math.cos(6 * Math.PI / 16));
    private static final int C2MC6 = constant(Math.cos(2 * Math.PI / 16) - Math.cos(6 * Math.PI / 16));
    private static final int C2PC6 = constant(Math.cos(2 * Math.PI / 16) + Math.cos(6 * Math.PI / 16));
    /** A bound on |coefficient| for samples in range (1024 for the exact transform), with room for rounding. */
    private static final double LARGEST_COEFFICIENT = 1040;

    private ForwardDct() {
    }

    private static int constant(double c) {
        return (int) Math.round(c * (1 << CONSTANT_BITS));
    }

    /** The vertical half of the transform of blocks {@code 0..count - 1} of {@code planes[base .. base + 63]}, in place. */
    static void columns(int[][] planes, int base, int count) {
        for (int u = 0; u < 8; u++) {
            pass(planes[base + u], planes[base + 8 + u], planes[base + 16 + u], planes[base + 24 + u], planes[base + 32 + u],
                    planes[base + 40 + u], planes[base + 48 + u], planes[base + 56 + u], count);
        }
    }

    /** The horizontal half: after {@link #columns}, the coefficients of the same blocks, in place. */
    static void rows(int[][] planes, int base, int count) {
        for (int v = base; v < base + 64; v += 8) {
            row(planes, v, count);
        }
    }

    /** One row of the horizontal half: after {@link #columns}, coefficients {@code 8v .. 8v + 7} of the blocks of {@code planes[first ..]}, first = base + 8v, in place. */
    static void row(int[][] planes, int first, int count) {
        int v = first;
        pass(planes[v], planes[v + 1], planes[v + 2], planes[v + 3], planes[v + 4], planes[v + 5], planes[v + 6], planes[v + 7], count);
    }

    /**
     * One 8-point transform of {@code p0[i] .. p7[i]} for every {@code i < count}, in place, in
     * four loops small enough for the JIT to unroll and vectorise (one loop of the whole transform
     * is too large for it): the sums and differences of the mirrored pairs, then the even outputs
     * from the sums, then the odd ones from the differences.
     */
    private static void pass(int[] p0, int[] p1, int[] p2, int[] p3, int[] p4, int[] p5, int[] p6, int[] p7, int count) {
        // sums into the arrays of the even outputs, differences into those of the odd ones
        butterflies(p0, p7, p6, p1, count);
        butterflies(p2, p5, p4, p3, count);
        even(p0, p6, p2, p4, count);
        odd(p7, p1, p5, p3, count);
    }

    /** {@code (a, b) <- (a + b, a - b)} and {@code (c, d) <- (d + c, d - c)}. */
    private static void butterflies(int[] a, int[] b, int[] c, int[] d, int count) {
        for (int i = 0; i < count; i++) {
            int x = a[i];
            int y = b[i];
            a[i] = x + y;
            b[i] = x - y;
            int z = d[i];
            int w = c[i];
            c[i] = z + w;
            d[i] = z - w;
        }
    }

    /** From the sums {@code s07, s16, s25, s34} (in {@code p0, p6, p2, p4}) the outputs 0, 2, 4 and 6 (in their own arrays). */
    private static void even(int[] p0, int[] p6, int[] p2, int[] p4, int count) {
        for (int i = 0; i < count; i++) {
            int s07 = p0[i];
            int s16 = p6[i];
            int s25 = p2[i];
            int s34 = p4[i];
            int e0 = s07 + s34;
            int e3 = s07 - s34;
            int e1 = s16 + s25;
            int e2 = s16 - s25;
            p0[i] = e0 + e1;
            p4[i] = e0 - e1;
            int rotated = ((e2 + e3) * C4 + HALF) >> CONSTANT_BITS;
            p2[i] = e3 + rotated;
            p6[i] = e3 - rotated;
        }
    }

    /** From the differences {@code d07, d16, d25, d34} (in {@code p7, p1, p5, p3}) the outputs 1, 3, 5 and 7. */
    private static void odd(int[] p7, int[] p1, int[] p5, int[] p3, int count) {
        for (int i = 0; i < count; i++) {
            int d07 = p7[i];
            int d16 = p1[i];
            int d25 = p5[i];
            int d34 = p3[i];
            int o0 = d34 + d25;
            int o1 = d25 + d16;
            int o2 = d16 + d07;
            int z5 = (o0 - o2) * C6;
            int z2 = (C2MC6 * o0 + z5 + HALF) >> CONSTANT_BITS;
            int z4 = (C2PC6 * o2 + z5 + HALF) >> CONSTANT_BITS;
            int z3 = (o1 * C4 + HALF) >> CONSTANT_BITS;
            int z11 = d07 + z3;
            int z13 = d07 - z3;
            p5[i] = z13 + z2;
            p3[i] = z13 - z2;
            p1[i] = z11 + z4;
            p7[i] = z11 - z4;
        }
    }

    /**
     * Quantisation by multiplication: per natural index n = 8v + u, the coefficient is
     * {@code (x * multiplier[n] + (1 << shift[n] - 1)) >> shift[n]} of the transform's output x,
     * i.e. x / (quant[n] x 8 s(u) s(v) 2^SAMPLE_BITS) rounded half up, like libjpeg. Each shift is
     * the largest for which the product cannot overflow an {@code int} for samples in range, so the
     * multiplier keeps at least 12 significant bits.
     */
    record Quantisers(int[] multiplier, int[] shift) {

        static Quantisers of(int[] quant) {
            double[] s = new double[8];
            for (int k = 0; k < 8; k++) {
                s[k] = k == 0 ? 1 : Math.sqrt(2) * Math.cos(k * Math.PI / 16);
            }
            int[] multiplier = new int[64];
            int[] shift = new int[64];
            for (int n = 0; n < 64; n++) {
                double divisor = quant[n] * 8 * s[n >> 3] * s[n & 7] * (1 << SAMPLE_BITS);
                double largest = LARGEST_COEFFICIENT * 8 * s[n >> 3] * s[n & 7] * (1 << SAMPLE_BITS);
                int bits = 30;
                long m;
                while (true) {
                    m = Math.round((1L << bits) / divisor);
                    if ((long) Math.ceil(largest) * m + (1L << (bits - 1)) <= Integer.MAX_VALUE) {
                        break;
                    }
                    bits--;
                }
                multiplier[n] = (int) m;
                shift[n] = bits;
            }
            return new Quantisers(multiplier, shift);
        }
    }
}
