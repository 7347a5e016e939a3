package dev.pixelstep.operations.raster;

import java.util.function.IntUnaryOperator;

/**
 * A lookup table applied to the red, green and blue channel of every pixel, alpha kept: the one
 * loop behind every per-channel point operation (brightness, contrast, posterize, solarize, gamma,
 * levels, curves, temperature, negate, equalize, normalize). One pass over the {@code int[]}, no
 * per-pixel calls; large images in parallel bands of pixels (each pixel independently, so
 * deterministic).
 *
 * <p>Two shapes, the same values. When every channel's table is a clamped line, that is
 * {@code table[v] == clamp((slope * v + intercept) >> 16, 0, 255)} for integers found from the
 * table itself ({@link #line}) and checked on all 256 entries (brightness, contrast, temperature,
 * negate, linear levels and normalize), and the JVM is JDK 25 or later ({@link #linesPay}), the
 * pixels are computed with that arithmetic, in a loop the JIT vectorises (a table lookup per channel
 * is a scattered load it cannot); otherwise through the tables, shifted in advance to their
 * channel's place.
 */
public final class ChannelTable {

    /** The fixed-point shift of a clamped line's slope and intercept. */
    static final int SHIFT = 16;
    /** Slopes are limited to +-64 (and intercepts accordingly) so that {@code slope * v + intercept} fits an int. */
    private static final long MAX_SLOPE = 64L << SHIFT;

    /** Whether clamped lines are computed rather than looked up in this JVM (see {@link #linesPay(int)}). */
    private static final boolean LINES_PAY = linesPay(Runtime.version().feature());

    private final int[] table;
    private final int[] red;
    private final int[] green;
    private final int[] blue;
    /** Slope and intercept of red, green and blue, or null when some channel is not a clamped line. */
    private final int[] lines;

    private ChannelTable(int[] red, int[] green, int[] blue) {
        this.table = red;
        this.red = shifted(red, 16);
        this.green = shifted(green, 8);
        this.blue = blue;
        int[] r = line(red);
        int[] g = r != null ? line(green) : null;
        int[] b = g != null ? line(blue) : null;
        this.lines = b == null ? null : new int[] {r[0], r[1], g[0], g[1], b[0], b[1]};
    }

    /** A table from a function of one channel value 0..255; results are clamped to 0..255. */
    public static ChannelTable of(IntUnaryOperator function) {
        int[] table = table(function);
        return new ChannelTable(table, table, table);
    }

    /** A table per channel (red, green, blue), each from a function of one value 0..255; results clamped to 0..255. */
    public static ChannelTable of(IntUnaryOperator red, IntUnaryOperator green, IntUnaryOperator blue) {
        return new ChannelTable(table(red), table(green), table(blue));
    }

    private static int[] table(IntUnaryOperator function) {
        int[] table = new int[256];
        for (int v = 0; v < 256; v++) {
            table[v] = Math.max(0, Math.min(255, function.applyAsInt(v)));
        }
        return table;
    }

    private static int[] shifted(int[] table, int shift) {
        int[] out = new int[256];
        for (int v = 0; v < 256; v++) {
            out[v] = table[v] << shift;
        }
        return out;
    }

    /**
     * Integers {slope, intercept} such that {@code clamp((slope * v + intercept) >> 16)} is
     * {@code table[v]} for every v 0..255, or null when there are none within the slope limit. Each
     * entry bounds the line's value at v (from {@code table[v] << 16} to the next value's, below
     * {@code 1 << 16} for a 0 and from {@code 255 << 16} for a 255); for a slope a the intercepts
     * that fit all bounds are an interval whose width, min(upper - a v) - max(lower - a v), is
     * concave in a, so its largest value is found by ternary search. The line found is checked on
     * every entry with the kernel's own expression.
     */
    static int[] line(int[] table) {
        long[] lower = new long[256];
        long[] upper = new long[256];
        long none = 1L << 40;
        for (int v = 0; v < 256; v++) {
            int t = table[v];
            lower[v] = t == 0 ? -none : (long) t << SHIFT;
            upper[v] = t == 255 ? none : ((long) t << SHIFT) + (1 << SHIFT) - 1;
        }
        long lo = -MAX_SLOPE;
        long hi = MAX_SLOPE;
        while (hi - lo > 2) {
            long third = (hi - lo) / 3;
            long m1 = lo + third;
            long m2 = hi - third;
            long g1 = width(lower, upper, m1);
            long g2 = width(lower, upper, m2);
            if (g1 < g2) {
                lo = m1 + 1;
            } else if (g1 > g2) {
                hi = m2 - 1;
            } else {
                lo = m1;
                hi = m2;
            }
        }
        for (long a = lo; a <= hi; a++) {
            long[] fitting = intercepts(lower, upper, a);
            if (fitting[1] >= fitting[0]) {
                long c = Math.max(fitting[0], Math.min(fitting[1], 0)); // the fitting intercept nearest 0
                if (Math.abs(c) + Math.abs(a) * 255 >= Integer.MAX_VALUE) {
                    return null;
                }
                int slope = (int) a;
                int intercept = (int) c;
                for (int v = 0; v < 256; v++) {
                    if (onLine(slope, intercept, v) != table[v]) {
                        return null;
                    }
                }
                return new int[] {slope, intercept};
            }
        }
        return null;
    }

    /** How wide the interval of intercepts that fit every bound with slope {@code a} is (negative when none fits). */
    private static long width(long[] lower, long[] upper, long a) {
        long[] fitting = intercepts(lower, upper, a);
        return fitting[1] - fitting[0];
    }

    /** The least and the greatest intercept that fit every bound with slope {@code a} (the least above the greatest when none fits). */
    private static long[] intercepts(long[] lower, long[] upper, long a) {
        long from = Long.MIN_VALUE;
        long to = Long.MAX_VALUE;
        for (int v = 0; v < 256; v++) {
            from = Math.max(from, lower[v] - a * v);
            to = Math.min(to, upper[v] - a * v);
        }
        return new long[] {from, to};
    }

    /** A channel value on a clamped line, exactly as {@link #applyLines} computes it. */
    private static int onLine(int slope, int intercept, int v) {
        return Math.min(255, Math.max(0, slope * v + intercept) >> SHIFT);
    }

    /**
     * Whether computing a clamped line beats looking it up on a JDK of this feature version: from 25
     * on, whose JIT vectorises the loop (brightness 27 against 14 ms per core at 12 MP); not on
     * older ones (on JDK 17 the loop stays scalar, three multiplications and four comparisons a pixel
     * more than the lookups: 28 against 46 ms; 18 to 24 are not measured).
     */
    static boolean linesPay(int javaFeatureVersion) {
        return javaFeatureVersion >= 25;
    }

    /** Whether every channel's table is a clamped line (for tests). */
    boolean isLines() {
        return lines != null;
    }

    /**
     * Writes every pixel of {@code in} with the table applied to {@code out} (alpha bits kept): one
     * pass, reading and writing once; {@code out} may be {@code in}.
     */
    public void apply(int[] in, int[] out) {
        apply(in, out, LINES_PAY);
    }

    /** {@link #apply(int[], int[])} computing clamped lines when there are and {@code computeLines} (both ways under test on any JDK). */
    void apply(int[] in, int[] out, boolean computeLines) {
        if (lines != null && computeLines) {
            Bands.run(in.length, in.length, (from, to) -> applyLines(in, out, from, to));
        } else {
            Bands.run(in.length, in.length, (from, to) -> applyTables(in, out, from, to));
        }
    }

    private void applyTables(int[] in, int[] out, int from, int to) {
        int[] r = red;
        int[] g = green;
        int[] b = blue;
        for (int i = from; i < to; i++) {
            int p = in[i];
            out[i] = (p & 0xff000000) | r[(p >> 16) & 0xff] | g[(p >> 8) & 0xff] | b[p & 0xff];
        }
    }

    private void applyLines(int[] in, int[] out, int from, int to) {
        int ar = lines[0];
        int cr = lines[1];
        int ag = lines[2];
        int cg = lines[3];
        int ab = lines[4];
        int cb = lines[5];
        // clamped below zero before the shift and above 255 after it, as ColorMatrix (the order C2 vectorises best)
        for (int i = from; i < to; i++) {
            int p = in[i];
            int r = Math.min(255, Math.max(0, ar * ((p >>> 16) & 0xff) + cr) >> SHIFT);
            int g = Math.min(255, Math.max(0, ag * ((p >>> 8) & 0xff) + cg) >> SHIFT);
            int b = Math.min(255, Math.max(0, ab * (p & 0xff) + cb) >> SHIFT);
            out[i] = (p & 0xff000000) | r << 16 | g << 8 | b;
        }
    }

    /** The mapped value of one channel value (the red table's, the only one unless made per channel). */
    public int map(int value) {
        return table[value];
    }
}
