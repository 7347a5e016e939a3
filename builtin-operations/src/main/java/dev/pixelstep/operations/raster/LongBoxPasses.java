package dev.pixelstep.operations.raster;

import static dev.pixelstep.operations.raster.SeparableGaussian.array;

/**
 * The passes of {@link BoxGaussian} on the full 16-bit channel values in {@code long}s: for
 * {@link SeparableGaussian.Mode#PREMULTIPLIED}, where colours premultiplied by a faint alpha need
 * all 16 bits to come back exactly (a flat image stays flat, faint pixels included).
 */
final class LongBoxPasses {

    /** Columns per vertical strip: long enough for the vectorised loops, short enough to stream through the cache. */
    private static final int STRIP = 256;

    private LongBoxPasses() {
    }

    static void blur(int[] source, int[] target, int width, int height, BoxGaussian.Passes passes, SeparableGaussian.Mode mode) {
        int channels = ChannelLines.channels(mode);
        char[][] planes = new char[channels][width * height];
        Bands.run(height, (long) width * height, (from, to) -> rows(source, planes, width, from, to, passes, mode));
        int strips = (width + STRIP - 1) / STRIP;
        Bands.run(strips, (long) width * height, (from, to) -> {
            int length = height + 2 * passes.reach();
            long[][] a = new long[length][STRIP];
            long[][] b = new long[length][STRIP];
            for (int s = from; s < to; s++) {
                int x0 = s * STRIP;
                columns(source, planes, target, width, height, x0, Math.min(width, x0 + STRIP), passes, mode, a, b);
            }
        });
    }

    /**
     * What {@link #blur} allocates: the planes, per band of rows the padded lines, per band of
     * columns the two padded strips, and per strip its sums and values (see
     * {@link SeparableGaussian#workingBytes}).
     */
    static long workingBytes(int width, int height, BoxGaussian.Passes passes, SeparableGaussian.Mode mode) {
        int channels = ChannelLines.channels(mode);
        long pixels = (long) width * height;
        long line = width + 2L * passes.reach();
        long length = height + 2L * passes.reach();
        int strips = (width + STRIP - 1) / STRIP;
        long planes = channels * array(pixels, 2) + array(channels, 8);
        long rows = Bands.bands(height, pixels) * ((channels + 1) * array(line, 4) + 2 * array(line, 8) + array(channels, 8));
        long columns = Bands.bands(strips, pixels) * 2L * (length * array(STRIP, 8) + array(length, 8))
                + (long) strips * (array(STRIP, 8) + (channels + 1) * array(STRIP, 4) + array(channels, 8));
        return planes + rows + columns;
    }

    /** Rows {@code [fromRow, toRow)} filtered along x into the planes (16-bit values). */
    private static void rows(int[] source, char[][] planes, int width, int fromRow, int toRow, BoxGaussian.Passes passes,
                             SeparableGaussian.Mode mode) {
        int pad = passes.reach();
        int length = width + 2 * pad;
        int channels = planes.length;
        int r = passes.radius();
        int[][] lines = new int[channels][length];
        long[] a = new long[length];
        long[] b = new long[length];
        int[] scratch = new int[length];
        for (int y = fromRow; y < toRow; y++) {
            ChannelLines.unpack(source, y * width, width, pad, lines, scratch, mode);
            for (int c = 0; c < channels; c++) {
                int[] in = lines[c];
                int[] out = lines[c];
                box(in, a, r, r + 1, length - r - 1);
                box(a, b, r, 2 * (r + 1), length - 2 * (r + 1));
                extended(b, out, passes, pad, pad + width);
                char[] plane = planes[c];
                int row = y * width;
                for (int x = 0; x < width; x++) {
                    plane[row + x] = (char) out[pad + x];
                }
            }
        }
    }

    /** A plain box of radius r along a line, unnormalised: {@code out[i]} for i in {@code [from, to)}. */
    private static void box(int[] in, long[] out, int r, int from, int to) {
        long sum = 0;
        for (int i = from - r; i <= from + r; i++) {
            sum += in[i];
        }
        for (int i = from; i < to; i++) {
            out[i] = sum;
            sum += in[i + r + 1] - in[i - r];
        }
    }

    /** The second plain box along a line. */
    private static void box(long[] in, long[] out, int r, int from, int to) {
        long sum = 0;
        for (int i = from - r; i <= from + r; i++) {
            sum += in[i];
        }
        for (int i = from; i < to; i++) {
            out[i] = sum;
            sum += in[i + r + 1] - in[i - r];
        }
    }

    /** The normalising extended box along a line: {@code out[i]} for i in {@code [from, to)}. */
    private static void extended(long[] in, int[] out, BoxGaussian.Passes passes, int from, int to) {
        int r = passes.last();
        long inner = passes.inner();
        long outer = passes.outer();
        long centre = passes.centre();
        long sum = 0;
        for (int i = from - r; i <= from + r; i++) {
            sum += in[i];
        }
        for (int i = from; i < to; i++) {
            out[i] = (int) ((sum * inner + (in[i - r - 1] + in[i + r + 1]) * outer + in[i] * centre + BoxGaussian.ROUND) >>> BoxGaussian.SHIFT);
            sum += in[i + r + 1] - in[i - r];
        }
    }

    /** Columns {@code [x0, x1)}: filtered along y (in place in the planes), then packed into the target. */
    private static void columns(int[] source, char[][] planes, int[] target, int width, int height, int x0, int x1,
                                BoxGaussian.Passes passes, SeparableGaussian.Mode mode, long[][] a, long[][] b) {
        int strip = x1 - x0;
        int pad = passes.reach();
        int length = height + 2 * pad;
        int channels = planes.length;
        int r = passes.radius();
        long[] sum = new long[strip];
        for (char[] plane : planes) {
            for (int y = 0; y < length; y++) {
                int row = Math.min(height - 1, Math.max(0, y - pad)) * width + x0;
                long[] into = a[y];
                for (int x = 0; x < strip; x++) {
                    into[x] = plane[row + x];
                }
            }
            columnBox(a, b, sum, strip, r, r + 1, length - r - 1);
            columnBox(b, a, sum, strip, r, 2 * (r + 1), length - 2 * (r + 1));
            columnExtended(a, b, sum, strip, passes, pad, pad + height);
            for (int y = 0; y < height; y++) {
                long[] from = b[pad + y];
                int row = y * width + x0;
                for (int x = 0; x < strip; x++) {
                    plane[row + x] = (char) from[x];
                }
            }
        }
        int[][] values = new int[channels][strip];
        int[] scratch = new int[strip];
        for (int y = 0; y < height; y++) {
            int row = y * width + x0;
            for (int c = 0; c < channels; c++) {
                char[] plane = planes[c];
                int[] v = values[c];
                for (int x = 0; x < strip; x++) {
                    v[x] = plane[row + x];
                }
            }
            ChannelLines.pack(values, 0, source, target, row, strip, scratch, mode);
        }
    }

    /** A plain box of radius r down the columns of a strip, unnormalised: rows {@code [from, to)} of {@code out}. */
    private static void columnBox(long[][] in, long[][] out, long[] sum, int strip, int r, int from, int to) {
        java.util.Arrays.fill(sum, 0);
        for (int y = from - r; y <= from + r; y++) {
            long[] row = in[y];
            for (int x = 0; x < strip; x++) {
                sum[x] += row[x];
            }
        }
        for (int y = from; y < to; y++) {
            long[] entering = in[y + r + 1];
            long[] leaving = in[y - r];
            long[] o = out[y];
            for (int x = 0; x < strip; x++) {
                long s = sum[x];
                o[x] = s;
                sum[x] = s + entering[x] - leaving[x];
            }
        }
    }

    /** The normalising extended box down the columns of a strip: rows {@code [from, to)} of {@code out}. */
    private static void columnExtended(long[][] in, long[][] out, long[] sum, int strip, BoxGaussian.Passes passes, int from, int to) {
        int r = passes.last();
        long inner = passes.inner();
        long outer = passes.outer();
        long centre = passes.centre();
        java.util.Arrays.fill(sum, 0);
        for (int y = from - r; y <= from + r; y++) {
            long[] row = in[y];
            for (int x = 0; x < strip; x++) {
                sum[x] += row[x];
            }
        }
        for (int y = from; y < to; y++) {
            long[] above = in[y - r - 1];
            long[] below = in[y + r + 1];
            long[] middle = in[y];
            long[] leaving = in[y - r];
            long[] o = out[y];
            for (int x = 0; x < strip; x++) {
                long s = sum[x];
                o[x] = (s * inner + (above[x] + below[x]) * outer + middle[x] * centre + BoxGaussian.ROUND) >>> BoxGaussian.SHIFT;
                sum[x] = s + below[x] - leaving[x];
            }
        }
    }
}
