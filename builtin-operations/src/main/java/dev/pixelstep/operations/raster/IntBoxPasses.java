package dev.pixelstep.operations.raster;

import static dev.pixelstep.operations.raster.SeparableGaussian.array;

/**
 * The passes of {@link BoxGaussian} on 12-bit channel values (8-bit values with 4 fraction bits)
 * in {@code int}s: for {@link SeparableGaussian.Mode#RGB} and {@link SeparableGaussian.Mode#GRAY}.
 * The plain passes' sums, at most (2r + 1)^2 * 4095, fit an int for every supported sigma, so the
 * column loops work on ints (twice the vector lanes of longs).
 *
 * <p>Three phases: rows filtered along x into one 16-bit plane per channel (parallel bands of
 * rows), the planes filtered along y in place (parallel bands of strips of {@link #STRIP} columns,
 * see {@link StripColumn}), and the planes packed into the target (parallel bands of rows, whole
 * rows at a time). Along a row the running sums are sequential and stay scalar; everything else
 * is written as loops over arrays indexed alike, which the JIT vectorises (the extended box's
 * weighting along the rows in doubles, exactly the 64-bit fixed point; down the strips in 64 bits,
 * split in two loops, each small enough to unroll). On JDKs whose JIT vectorises neither
 * ({@link #weightingVectorises}: JDK 17) the weighting rides in the loops it would follow instead.
 *
 * <p>Working memory ({@link #workingBytes}): the planes, 2 bytes a pixel per channel (6 for RGB,
 * 2 for grey), the only buffer the size of the image; per band of rows one padded line per
 * channel plus two (one the packed row, extended), and a long and three ints per pixel of a row for the extended box; per band of
 * strips the two rings (2 radius + 2 and 2 last + 3 rows of {@link #STRIP} ints, each row of a
 * plain box made from the row before it, no running sum apart) and a few rows; per band of rows packed one row of ints per channel plus one. On 12 MP with sigma 100 that
 * is 6.4 bytes a pixel for RGB with one processor's bands, 6.7 with two, 6 of them the planes.
 */
final class IntBoxPasses {

    /** Bits dropped from the 16-bit channel values of {@link ChannelLines}. */
    private static final int DROP = 4;

    /** Columns per vertical strip: long enough for the vectorised loops, short enough for the rings to stay in the cache. */
    private static final int STRIP = 512;

    /** Whether this JVM's JIT vectorises the extended box's weighting (see {@link #weightingVectorises(int)}). */
    private static final boolean WEIGHTING_VECTORISES = weightingVectorises(Runtime.version().feature());

    /** {@link BoxGaussian#ROUND} and the weights' unit 2^-{@link BoxGaussian#SHIFT} as doubles, for the vectorised weighting. */
    private static final double ROUND = BoxGaussian.ROUND;
    private static final double UNIT = 0x1p-40;

    private IntBoxPasses() {
    }

    static void blur(int[] source, int[] target, int width, int height, BoxGaussian.Passes passes, SeparableGaussian.Mode mode) {
        blur(source, target, width, height, passes, mode, WEIGHTING_VECTORISES);
    }

    /**
     * Whether the JIT of a JDK of this feature version vectorises loops converting ints to doubles
     * and back: from 25 on (18 to 24 are not measured). There the extended box along the rows weights
     * its sums in a loop of doubles of its own; on JDK 17, where that loop (and the 64-bit one before
     * it) stays scalar, the weighting rides in the running sum's scalar loop, and the one down the
     * strips in the loop moving the sum (one loop instead of two, no row of weighted sums).
     */
    static boolean weightingVectorises(int javaFeatureVersion) {
        return javaFeatureVersion >= 25;
    }

    /** {@link #blur} with the weighting of the extended box chosen (see {@link #weightingVectorises}): the same pixels either way. */
    static void blur(int[] source, int[] target, int width, int height, BoxGaussian.Passes passes, SeparableGaussian.Mode mode,
                     boolean vectorised) {
        int channels = ChannelLines.channels(mode);
        char[][] planes = new char[channels][width * height];
        Bands.run(height, (long) width * height, (from, to) -> rows(source, planes, width, from, to, passes, mode, vectorised));
        int strips = (width + STRIP - 1) / STRIP;
        Bands.run(strips, (long) width * height, (from, to) -> {
            Rings rings = new Rings(passes);
            for (int s = from; s < to; s++) {
                int x0 = s * STRIP;
                for (char[] plane : planes) {
                    new StripColumn(plane, width, height, x0, Math.min(width, x0 + STRIP) - x0, passes, rings).run(vectorised);
                }
            }
        });
        Bands.run(height, (long) width * height, (from, to) -> pack(source, planes, target, width, from, to, mode));
    }

    /**
     * What {@link #blur} allocates: the planes, per band of rows the padded lines, per band of
     * columns the rings and sums of {@link Rings}, and per band of rows packed the values of a row
     * (see {@link SeparableGaussian#workingBytes}).
     */
    static long workingBytes(int width, int height, BoxGaussian.Passes passes, SeparableGaussian.Mode mode) {
        int channels = ChannelLines.channels(mode);
        long pixels = (long) width * height;
        long line = width + 2L * passes.reach();
        int strips = (width + STRIP - 1) / STRIP;
        long planes = channels * array(pixels, 2) + array(channels, 8);
        long rows = Bands.bands(height, pixels) * ((channels + 2) * array(line, 4) + 3 * array(width, 4) + array(width, 8)
                + array(channels, 8));
        long columns = Bands.bands(strips, pixels) * Rings.bytes(passes);
        long packed = Bands.bands(height, pixels) * ((channels + 1) * array(width, 4) + array(channels, 8));
        return planes + rows + columns + packed;
    }

    /** Rows {@code [fromRow, toRow)} filtered along x into the planes (12-bit values). */
    private static void rows(int[] source, char[][] planes, int width, int fromRow, int toRow, BoxGaussian.Passes passes,
                             SeparableGaussian.Mode mode, boolean vectorised) {
        int pad = passes.reach();
        int length = width + 2 * pad;
        int channels = planes.length;
        int r = passes.radius();
        int[][] lines = new int[channels][length];
        int[] spare = new int[length];
        int[] scratch = new int[length];
        long[] sums = new long[width];
        int[] middle = new int[width];
        int[] above = new int[width];
        int[] after = new int[width];
        for (int y = fromRow; y < toRow; y++) {
            ChannelLines.unpack(source, y * width, width, pad, lines, scratch, mode);
            for (int c = 0; c < channels; c++) {
                int[] in = lines[c];
                int[] out = spare;
                for (int i = 0; i < length; i++) {
                    in[i] = (in[i] + (1 << (DROP - 1))) >>> DROP;
                }
                boxes(in, out, r, length);
                if (vectorised) {
                    extended(out, planes[c], y * width, width, pad, passes, sums, above, after, middle);
                } else {
                    extended(out, planes[c], y * width, width, pad, passes);
                }
            }
        }
    }

    /**
     * The two plain boxes of radius r along a line of {@code length}, unnormalised, into
     * {@code out[i]} for i in {@code [2 (r + 1), length - 2 (r + 1))}: a triangle of radius 2r, by a
     * second-order running sum. With b the first box's values and t the second's,
     * t(i + 1) = t(i) + d(i), d(i) = b(i + r + 1) - b(i - r), and d(i + 1) = d(i) + line(i + 2r + 2)
     * - 2 line(i + 1) + line(i - 2r): one scalar loop storing one value a place, where two running
     * sums stored two (the first box's row, which the second read back). The same integers.
     */
    private static void boxes(int[] line, int[] out, int r, int length) {
        int from = 2 * (r + 1);
        // the first box's values b(from - r .. from + r + 1), by a plain running sum, for t(from) and d(from)
        int leaving = boxAt(line, from - r, r);
        int b = leaving;
        int t = 0;
        for (int j = from - r; j <= from + r; j++) {
            t += b;
            b += line[j + r + 1] - line[j - r];
        }
        int d = b - leaving; // b(from + r + 1) - b(from - r)
        for (int i = from, end = length - from; i < end; i++) {
            out[i] = t;
            t += d;
            d += line[i + 2 * r + 2] - 2 * line[i + 1] + line[i - 2 * r];
        }
    }

    /** The first box's value at place j: the sum of {@code line[j - r .. j + r]}. */
    private static int boxAt(int[] line, int j, int r) {
        int sum = 0;
        for (int k = j - r; k <= j + r; k++) {
            sum += line[k];
        }
        return sum;
    }

    /**
     * The normalising extended box along a line, rounded into {@code plane[row .. row + width)}:
     * places {@code [from, from + width)} of the line. The running sum is sequential, a scalar loop
     * of additions into a row of longs (converted to doubles in the next loop, in vectors: converting
     * in the scalar loop cost a sigma 100 blur about 6 ms on JDK 25); the weighting that follows is
     * one loop over arrays indexed alike (the pixels
     * either side and in the middle copied into {@code above}, {@code after} and {@code middle} to
     * line them up), which the JIT vectorises, not one loop reading the line at three offsets.
     *
     * <p>It weights in doubles, and gets exactly the 64-bit fixed point of {@link #extended(int[], char[], int, int, int, BoxGaussian.Passes)}:
     * every operand and every partial result is an integer below 2^53 (the weights of a place's
     * window sum to about 2^40, its values are at most 4095 (2r + 1)^2, the weights being divided by
     * (2r + 1)^2 too, so each product and sum stays below 4096 * 2^40 = 2^52), so each product and sum is
     * exact, and the scaling by 2^-40 is too; truncating the non-negative result is the shift
     * right. Doubles rather than longs because a vector of double multiplications is one
     * micro-op where one of 64-bit integers is three (AVX-512DQ's vpmullq, emulated without it), in
     * one loop instead of two (about 5 of 107 ms of a sigma 100 blur's rows on JDK 25).
     */
    private static void extended(int[] in, char[] plane, int row, int width, int from, BoxGaussian.Passes passes,
                                 long[] sums, int[] above, int[] after, int[] middle) {
        int r = passes.last();
        long sum = 0;
        for (int i = from - r; i <= from + r; i++) {
            sum += in[i];
        }
        for (int x = 0; x < width; x++) {
            sums[x] = sum;
            sum += in[from + x + r + 1] - in[from + x - r];
        }
        System.arraycopy(in, from - r - 1, above, 0, width);
        System.arraycopy(in, from + r + 1, after, 0, width);
        System.arraycopy(in, from, middle, 0, width);
        double inner = passes.inner();
        double outer = passes.outer();
        double centre = passes.centre();
        for (int x = 0; x < width; x++) {
            // the two ints added as doubles: at sigma 300 their sum passes 2^31
            plane[row + x] = (char) (int) ((sums[x] * inner + ((double) above[x] + after[x]) * outer + middle[x] * centre + ROUND) * UNIT);
        }
    }

    /**
     * The same extended box where the weighting does not vectorise (JDK 17): weighted in 64-bit fixed
     * point in the running sum's scalar loop, reading the line at the three places, since a loop of
     * its own would stay scalar too and only add a pass over the row.
     */
    private static void extended(int[] in, char[] plane, int row, int width, int from, BoxGaussian.Passes passes) {
        int r = passes.last();
        long inner = passes.inner();
        long outer = passes.outer();
        long centre = passes.centre();
        long sum = 0;
        for (int i = from - r; i <= from + r; i++) {
            sum += in[i];
        }
        for (int x = 0; x < width; x++) {
            int i = from + x;
            plane[row + x] = (char) ((sum * inner + ((long) in[i - r - 1] + in[i + r + 1]) * outer + in[i] * centre
                    + BoxGaussian.ROUND) >>> BoxGaussian.SHIFT);
            sum += in[i + r + 1] - in[i - r];
        }
    }

    /**
     * Rows {@code [fromRow, toRow)} of the planes (filtered both ways) packed into the target: a
     * pass of its own along whole rows after the strips, so that planes, source and target are
     * read and written as long sequential streams rather than a strip's width at a time.
     */
    private static void pack(int[] source, char[][] planes, int[] target, int width, int fromRow, int toRow,
                             SeparableGaussian.Mode mode) {
        int channels = planes.length;
        int[][] values = new int[channels][width];
        int[] scratch = new int[width];
        for (int y = fromRow; y < toRow; y++) {
            int row = y * width;
            for (int c = 0; c < channels; c++) {
                int[] v = values[c];
                char[] plane = planes[c];
                for (int x = 0; x < width; x++) {
                    v[x] = plane[row + x] << DROP;
                }
            }
            ChannelLines.pack(values, 0, source, target, row, width, scratch, mode);
        }
    }

    /**
     * The buffers of one band of strips: the two rings (a plain box's running sum is its ring's
     * row before), the extended box's running and weighted sums, the input rows entering and leaving the first box, and a row of the plane on
     * its way out.
     */
    private static final class Rings {
        final int[][] boxed;
        final int[][] twice;
        final long[] sum3 = new long[STRIP];
        final long[] weighted = new long[STRIP];
        final char[] entering = new char[STRIP];
        final char[] leaving = new char[STRIP];
        final char[] row = new char[STRIP];

        Rings(BoxGaussian.Passes passes) {
            boxed = new int[2 * passes.radius() + 2][STRIP];
            twice = new int[2 * passes.last() + 3][STRIP];
        }

        static long bytes(BoxGaussian.Passes passes) {
            int boxed = 2 * passes.radius() + 2;
            int twice = 2 * passes.last() + 3;
            return 16 + array(boxed, 8) + boxed * array(STRIP, 4) + array(twice, 8) + twice * array(STRIP, 4)
                    + 2 * array(STRIP, 8) + 3 * array(STRIP, 2);
        }
    }

    /**
     * One channel of one strip through the three vertical passes. Rows are numbered in the padded
     * column (row Y is the image's row Y - reach, clamped to the image): the first box's row Y sums
     * input rows Y - r .. Y + r, the second box's row Y sums the first's, and the extended box's row
     * Y, written back to the plane, combines the second's rows Y - last - 1 .. Y + last + 1. Each
     * pass makes its rows in order, from its first row's full sum on by adding the row entering and
     * subtracting the row leaving (exact integer sums, so the same values as the whole-column passes).
     * The passes run down the strip together, each keeping only the rows of its input it still
     * needs in a ring (the plain boxes' 2 radius + 2 rows, the extended box's 2 last + 3): the
     * working set stays in the core's cache whatever the image's height, instead of streaming whole
     * columns through memory three times.
     */
    private static final class StripColumn {
        private final char[] plane;
        private final int width;
        private final int height;
        private final int x0;
        private final int strip;
        private final int pad;
        private final int r;
        private final int last;
        /** The first rows the second and the first box make: what the extended box and then the second box first read. */
        private final int firstTwice;
        private final int firstBoxed;
        private final BoxGaussian.Passes passes;
        private final Rings rings;
        private int boxedNext;
        private int twiceNext;

        StripColumn(char[] plane, int width, int height, int x0, int strip, BoxGaussian.Passes passes, Rings rings) {
            this.plane = plane;
            this.width = width;
            this.height = height;
            this.x0 = x0;
            this.strip = strip;
            this.pad = passes.reach();
            this.r = passes.radius();
            this.last = passes.last();
            this.firstTwice = pad - last - 1;
            this.firstBoxed = firstTwice - r;
            this.passes = passes;
            this.rings = rings;
        }

        void run(boolean vectorised) {
            boxedNext = firstBoxed;
            twiceNext = firstTwice;
            long inner = passes.inner();
            long outer = passes.outer();
            long centre = passes.centre();
            long[] sum = rings.sum3;
            long[] weighted = rings.weighted;
            char[] out = rings.row;
            for (int y = pad; y < pad + height; y++) {
                while (twiceNext <= y + last + 1) {
                    twice();
                }
                int[] above = twiceRow(y - last - 1); // also the row leaving the sum
                int[] below = twiceRow(y + last);
                int[] after = twiceRow(y + last + 1);
                int[] middle = twiceRow(y);
                if (y == pad) { // the sum over the window of the row before, which the loop below moves on
                    java.util.Arrays.fill(sum, 0, strip, 0);
                    for (int k = y - last - 1; k < y + last; k++) {
                        int[] row = twiceRow(k);
                        for (int x = 0; x < strip; x++) {
                            sum[x] += row[x];
                        }
                    }
                }
                if (vectorised) {
                    // two loops, the running sum moved in the first: the JIT vectorises each on JDK 25 (one loop
                    // was too large to unroll), and JDK 17, which vectorises no loop converting int to long, does
                    // not get one loop more than before
                    for (int x = 0; x < strip; x++) {
                        long moved = sum[x] + (below[x] - above[x]);
                        sum[x] = moved;
                        weighted[x] = moved * inner + ((long) above[x] + after[x]) * outer;
                    }
                    for (int x = 0; x < strip; x++) {
                        out[x] = (char) ((weighted[x] + middle[x] * centre + BoxGaussian.ROUND) >>> BoxGaussian.SHIFT);
                    }
                } else { // JDK 17: scalar either way, so one loop and no row of weighted sums
                    for (int x = 0; x < strip; x++) {
                        long moved = sum[x] + (below[x] - above[x]);
                        sum[x] = moved;
                        out[x] = (char) ((moved * inner + ((long) above[x] + after[x]) * outer + middle[x] * centre
                                + BoxGaussian.ROUND) >>> BoxGaussian.SHIFT);
                    }
                }
                // every input row the first box reads from now on lies below this one (beyond y + last): safe in place
                System.arraycopy(out, 0, plane, (y - pad) * width + x0, strip);
            }
        }

        /** Makes the second box's next row from the first box's rows around it. */
        private void twice() {
            int y = twiceNext++;
            while (boxedNext <= y + r) {
                boxed();
            }
            int[] next = twiceRow(y);
            if (y == firstTwice) {
                java.util.Arrays.fill(next, 0, strip, 0);
                for (int k = y - r; k <= y + r; k++) {
                    int[] row = boxedRow(k);
                    for (int x = 0; x < strip; x++) {
                        next[x] += row[x];
                    }
                }
            } else { // the running sum is the row before, still in the ring
                int[] previous = twiceRow(y - 1);
                int[] entering = boxedRow(y + r);
                int[] leaving = boxedRow(y - r - 1);
                for (int x = 0; x < strip; x++) {
                    next[x] = previous[x] + (entering[x] - leaving[x]);
                }
            }
        }

        /** Makes the first box's next row from the input rows around it. */
        private void boxed() {
            int y = boxedNext++;
            int[] next = boxedRow(y);
            char[] entering = rings.entering;
            if (y == firstBoxed) {
                java.util.Arrays.fill(next, 0, strip, 0);
                for (int k = y - r; k <= y + r; k++) {
                    input(k, entering);
                    for (int x = 0; x < strip; x++) {
                        next[x] += entering[x];
                    }
                }
            } else { // the running sum is the row before, still in the ring
                int[] previous = boxedRow(y - 1);
                char[] leaving = rings.leaving;
                input(y + r, entering);
                input(y - r - 1, leaving);
                for (int x = 0; x < strip; x++) {
                    next[x] = previous[x] + (entering[x] - leaving[x]);
                }
            }
        }

        /** Input row Y of the padded column: the plane's row Y - reach, clamped to the image. */
        private void input(int y, char[] into) {
            int row = Math.min(height - 1, Math.max(0, y - pad));
            System.arraycopy(plane, row * width + x0, into, 0, strip);
        }

        private int[] boxedRow(int y) {
            return rings.boxed[Math.floorMod(y, rings.boxed.length)];
        }

        private int[] twiceRow(int y) {
            return rings.twice[Math.floorMod(y, rings.twice.length)];
        }
    }
}
