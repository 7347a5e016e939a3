package dev.pixelstep.operations.raster;

import static dev.pixelstep.operations.raster.SeparableGaussian.array;

/**
 * The exact separable Gaussian of {@link GaussianKernel} (2 ceil(3 sigma) + 1 taps, 15-bit integer
 * weights), both passes fused: each band of rows keeps the horizontally blurred rows it needs in a
 * ring of {@code taps} rows per channel and writes every output row as soon as its last input row
 * is in the ring. Reads the source once and writes the target once; the working set (the ring) is
 * {@code channels x taps x width} ints per thread, which stays in the core's cache for the sigmas this
 * is used for, and no whole-image intermediate exists. Inner loops run along rows, three taps per
 * pass, and read every array at the same index, the form HotSpot's JIT vectorises: the vertical
 * taps are the ring's rows, the horizontal ones copies of the line moved by each tap's offset (the
 * JIT leaves a loop scalar when it reads one array at several offsets, or at an offset that is not a
 * constant). Edges are extended; the results are bit-identical to a plain two-pass implementation
 * with the same kernel.
 */
final class ExactGaussian {

    /** Rows per unit of parallel work, so that every band spans several kernels' height. */
    private static final int ROWS_PER_CHUNK = 32;

    private static final int ROUND = 1 << (GaussianKernel.SHIFT - 1);

    private ExactGaussian() {
    }

    static void blur(int[] source, int[] target, int width, int height, GaussianKernel kernel, SeparableGaussian.Mode mode) {
        int[] w = kernel.weights();
        int chunks = (height + ROWS_PER_CHUNK - 1) / ROWS_PER_CHUNK;
        Bands.run(chunks, (long) width * height, (from, to) ->
                band(source, target, width, height, from * ROWS_PER_CHUNK, Math.min(height, to * ROWS_PER_CHUNK), w, mode));
    }

    /**
     * What {@link #blur} allocates: per band of rows the ring, the shifted lines, the sums, a row
     * of pixels and the row tables (see {@link SeparableGaussian#workingBytes}).
     */
    static long workingBytes(int width, int height, int half, SeparableGaussian.Mode mode) {
        int taps = 2 * half + 1;
        int channels = ChannelLines.channels(mode);
        long band = channels * (taps * array(width, 4) + array(taps, 8) + 2 * array(width, 4))
                + (taps + 2) * array(width, 4) + array(taps, 8) + 4 * array(half + 1, 8) + 3 * array(channels, 8);
        int chunks = (height + ROWS_PER_CHUNK - 1) / ROWS_PER_CHUNK;
        return Bands.bands(chunks, (long) width * height) * band;
    }

    private static void band(int[] source, int[] target, int width, int height, int fromRow, int toRow, int[] w,
                             SeparableGaussian.Mode mode) {
        int half = w.length - 1;
        int taps = 2 * half + 1;
        int channels = ChannelLines.channels(mode);
        int[][][] ring = new int[channels][taps][width];
        int[][] lines = new int[channels][width];
        int[][] sums = new int[channels][width];
        int[] pixels = new int[width];
        int[] acc = new int[width];
        // shifted[j][x] = line[x + j - half], the image extended: the horizontal taps as separate
        // arrays read at the same index, which the JIT vectorises (one line read at several offsets it does not)
        int[][] shifted = new int[taps][width];
        int[][] left = new int[half + 1][];
        int[][] right = new int[half + 1][];
        for (int k = 0; k <= half; k++) {
            left[k] = shifted[half - k];
            right[k] = shifted[half + k];
        }
        int[][] up = new int[half + 1][];
        int[][] down = new int[half + 1][];
        int next = fromRow - half; // the next row to blur horizontally into the ring
        for (int y = fromRow; y < toRow; y++) {
            for (; next <= y + half; next++) {
                System.arraycopy(source, Math.min(height - 1, Math.max(0, next)) * width, pixels, 0, width);
                ChannelLines.split(pixels, lines, width, mode);
                int slot = Math.floorMod(next, taps);
                for (int c = 0; c < channels; c++) {
                    shift(lines[c], shifted, width, half);
                    symmetricSums(left, right, acc, width, w);
                    int[] out = ring[c][slot];
                    for (int x = 0; x < width; x++) {
                        out[x] = (acc[x] + ROUND) >>> GaussianKernel.SHIFT;
                    }
                }
            }
            for (int c = 0; c < channels; c++) {
                int[][] rows = ring[c];
                for (int k = 0; k <= half; k++) {
                    up[k] = rows[Math.floorMod(y - k, taps)];
                    down[k] = rows[Math.floorMod(y + k, taps)];
                }
                symmetricSums(up, down, sums[c], width, w);
            }
            System.arraycopy(source, y * width, pixels, 0, width);
            ChannelLines.join(sums, GaussianKernel.SHIFT, pixels, width, mode);
            System.arraycopy(pixels, 0, target, y * width, width);
        }
    }

    /** {@code shifted[j][x] = line[clamp(x + j - half)]} for every x in the line: the line moved by j - half, edges extended. */
    private static void shift(int[] line, int[][] shifted, int width, int half) {
        int first = line[0];
        int last = line[width - 1];
        for (int j = 0; j < shifted.length; j++) {
            int d = j - half;
            int[] s = shifted[j];
            int from = Math.min(width, Math.max(0, -d)); // x below this read before the first pixel
            int to = Math.max(from, Math.min(width, width - d)); // x from this on read after the last
            java.util.Arrays.fill(s, 0, from, first);
            if (to > from) {
                System.arraycopy(line, from + d, s, from, to - from);
            }
            java.util.Arrays.fill(s, to, width, last);
        }
    }

    /**
     * The kernel's sums (unrounded, scaled by 2^15) of one row: {@code sum[x] = w[0] up[0][x] +
     * sum over k of w[k] (up[k][x] + down[k][x])}, where up and down are the rows (or shifted lines)
     * k places before and after; three taps per pass, every array read at the same index.
     */
    private static void symmetricSums(int[][] up, int[][] down, int[] sum, int width, int[] w) {
        int half = w.length - 1;
        int w0 = w[0];
        int[] centre = up[0];
        for (int k = 1; k <= half; k += 3) {
            int w1 = w[k];
            int w2 = k + 1 <= half ? w[k + 1] : 0;
            int w3 = k + 2 <= half ? w[k + 2] : 0;
            int[] u1 = up[k];
            int[] d1 = down[k];
            int[] u2 = up[Math.min(k + 1, half)];
            int[] d2 = down[Math.min(k + 1, half)];
            int[] u3 = up[Math.min(k + 2, half)];
            int[] d3 = down[Math.min(k + 2, half)];
            if (k == 1) {
                for (int x = 0; x < width; x++) {
                    sum[x] = w0 * centre[x] + w1 * (u1[x] + d1[x]) + w2 * (u2[x] + d2[x]) + w3 * (u3[x] + d3[x]);
                }
            } else {
                for (int x = 0; x < width; x++) {
                    sum[x] += w1 * (u1[x] + d1[x]) + w2 * (u2[x] + d2[x]) + w3 * (u3[x] + d3[x]);
                }
            }
        }
    }
}
