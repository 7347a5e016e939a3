package dev.pixelstep.operations.raster;

/**
 * A 3x3 matrix applied to the (red, green, blue) of every pixel, alpha kept, in 12-bit fixed
 * point with results clamped to 0..255: the one loop behind sepia, saturation and hue rotation. Large
 * images are processed in parallel bands of pixels (each pixel independently, so deterministic).
 */
public final class ColorMatrix {

    private static final int SHIFT = 12;
    private static final int ONE = 1 << SHIFT;

    private final int[] m;

    private ColorMatrix(int[] m) {
        this.m = m;
    }

    /**
     * A matrix from nine entries, row by row (row 0 gives red). With {@code keepGrays} the
     * diagonal absorbs rounding so that every row sums to exactly 1 and grays map to themselves.
     */
    public static ColorMatrix of(double[] entries, boolean keepGrays) {
        if (entries.length != 9) {
            throw new IllegalArgumentException("a colour matrix has 9 entries, got " + entries.length);
        }
        int[] m = new int[9];
        for (int row = 0; row < 3; row++) {
            int sum = 0;
            for (int col = 0; col < 3; col++) {
                m[row * 3 + col] = (int) Math.round(entries[row * 3 + col] * ONE);
                sum += m[row * 3 + col];
            }
            if (keepGrays) {
                m[row * 3 + row] += ONE - sum;
            }
        }
        return new ColorMatrix(m);
    }

    /** {@code (1 - t) * identity + t * matrix}: the matrix applied with strength t. */
    public static double[] mix(double[] matrix, double t) {
        double[] out = new double[9];
        for (int i = 0; i < 9; i++) {
            out[i] = t * matrix[i] + (i % 4 == 0 ? 1 - t : 0);
        }
        return out;
    }

    /**
     * Writes every pixel of {@code in} with the matrix applied to {@code out} (alpha bits kept):
     * one pass, reading and writing once; {@code out} may be {@code in}.
     */
    public void apply(int[] in, int[] out) {
        int[] grays = grays();
        Bands.run(in.length, in.length, (from, to) -> {
            if (GrayPixels.all(in, from, to)) {
                lookUp(grays, in, out, from, to);
            } else {
                apply(in, out, from, to);
            }
        });
    }

    /** The result of every grey (0 to 255), packed RGB: {@link #apply(int[], int[], int, int)}'s arithmetic with r = g = b. */
    private int[] grays() {
        int[] table = new int[256];
        for (int v = 0; v < 256; v++) {
            table[v] = v * 0x010101;
        }
        apply(table, table, 0, 256);
        return table;
    }

    /**
     * A band of grey pixels (the input after {@code grayscale}): one table read a pixel, about 12
     * against 67 ms per core at 12 MP on JDK 17, whose JIT leaves the matrix loop scalar, and 14
     * against 25 ms on JDK 25 (this module's README, *How the kernels work*).
     */
    private static void lookUp(int[] grays, int[] in, int[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            int p = in[i];
            out[i] = (p & 0xff000000) | grays[p & 0xff];
        }
    }

    private void apply(int[] in, int[] out, int from, int to) {
        int m0 = m[0], m1 = m[1], m2 = m[2], m3 = m[3], m4 = m[4], m5 = m[5], m6 = m[6], m7 = m[7], m8 = m[8];
        int round = ONE / 2;
        // clamped below zero before the shift and above 255 after it: the same values as clamping the
        // shifted sum to 0..255, in the order C2 vectorises into fewer instructions (1.7x faster on JDK 25)
        for (int i = from; i < to; i++) {
            int p = in[i];
            int r = (p >>> 16) & 0xff;
            int g = (p >>> 8) & 0xff;
            int b = p & 0xff;
            int nr = Math.min(255, Math.max(0, m0 * r + m1 * g + m2 * b + round) >> SHIFT);
            int ng = Math.min(255, Math.max(0, m3 * r + m4 * g + m5 * b + round) >> SHIFT);
            int nb = Math.min(255, Math.max(0, m6 * r + m7 * g + m8 * b + round) >> SHIFT);
            out[i] = (p & 0xff000000) | nr << 16 | ng << 8 | nb;
        }
    }
}
