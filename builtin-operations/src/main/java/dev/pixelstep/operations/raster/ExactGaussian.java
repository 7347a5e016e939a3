package dev.pixelstep.operations.raster;

import static dev.pixelstep.operations.raster.SeparableGaussian.array;

/**
 * The exact separable Gaussian of {@link GaussianKernel} (2 ceil(3 sigma) + 1 taps, 15-bit integer
 * weights), both passes fused: each band of rows keeps the horizontally blurred rows it needs in a
 * ring of {@code taps} rows per channel and writes every output row as soon as its last input row
 * is in the ring. Reads the source once and writes the target once; the working set (the ring) is
 * {@code channels x taps x width} ints per thread, which stays in the core's cache for the sigmas this
 * is used for, and no whole-image intermediate exists. Inner loops run along rows over contiguous
 * arrays, three taps per pass: the vertical ones (separate row arrays) are vectorised by the JIT;
 * the horizontal ones read one line at several offsets, which JDK 17's JIT leaves scalar. Edges
 * are extended; the results are bit-identical to a plain two-pass implementation with the same
 * kernel.
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
     * What {@link #blur} allocates: per band of rows the ring, the padded lines, the sums and the
     * row tables (see {@link SeparableGaussian#workingBytes}).
     */
    static long workingBytes(int width, int height, int half, SeparableGaussian.Mode mode) {
        int taps = 2 * half + 1;
        int channels = ChannelLines.channels(mode);
        long band = channels * (taps * array(width, 4) + array(taps, 8) + array(width + 2L * half, 4) + array(width, 4))
                + array(width, 4) + 2 * array(half + 1, 8) + 3 * array(channels, 8);
        int chunks = (height + ROWS_PER_CHUNK - 1) / ROWS_PER_CHUNK;
        return Bands.bands(chunks, (long) width * height) * band;
    }

    private static void band(int[] source, int[] target, int width, int height, int fromRow, int toRow, int[] w,
                             SeparableGaussian.Mode mode) {
        int half = w.length - 1;
        int taps = 2 * half + 1;
        int channels = ChannelLines.channels(mode);
        int[][][] ring = new int[channels][taps][width];
        int[][] lines = new int[channels][width + 2 * half];
        int[] acc = new int[width];
        int[][] sums = new int[channels][width];
        int[][] up = new int[half + 1][];
        int[][] down = new int[half + 1][];
        int next = fromRow - half; // the next row to blur horizontally into the ring
        for (int y = fromRow; y < toRow; y++) {
            for (; next <= y + half; next++) {
                int sourceRow = Math.min(height - 1, Math.max(0, next)) * width;
                ChannelLines.unpack(source, sourceRow, width, half, lines, mode);
                int slot = Math.floorMod(next, taps);
                for (int c = 0; c < channels; c++) {
                    horizontal(lines[c], acc, ring[c][slot], width, w);
                }
            }
            for (int c = 0; c < channels; c++) {
                int[][] rows = ring[c];
                for (int k = 0; k <= half; k++) {
                    up[k] = rows[Math.floorMod(y - k, taps)];
                    down[k] = rows[Math.floorMod(y + k, taps)];
                }
                vertical(up, down, sums[c], width, w);
            }
            ChannelLines.pack(sums, GaussianKernel.SHIFT, source, target, y * width, width, mode);
        }
    }

    /** One padded line (pad = half) convolved into {@code out}, rounded to 16 bits. */
    private static void horizontal(int[] line, int[] acc, int[] out, int width, int[] w) {
        int half = w.length - 1;
        int w0 = w[0];
        for (int k = 1; k <= half; k += 3) {
            int w1 = w[k];
            int w2 = k + 1 <= half ? w[k + 1] : 0;
            int w3 = k + 2 <= half ? w[k + 2] : 0;
            int l1 = half - k;
            int r1 = half + k;
            int l2 = half - Math.min(k + 1, half);
            int r2 = half + Math.min(k + 1, half);
            int l3 = half - Math.min(k + 2, half);
            int r3 = half + Math.min(k + 2, half);
            boolean first = k == 1;
            boolean last = k + 3 > half;
            if (first && last) {
                for (int x = 0; x < width; x++) {
                    out[x] = (w0 * line[half + x] + w1 * (line[l1 + x] + line[r1 + x]) + w2 * (line[l2 + x] + line[r2 + x])
                            + w3 * (line[l3 + x] + line[r3 + x]) + ROUND) >>> GaussianKernel.SHIFT;
                }
            } else if (first) {
                for (int x = 0; x < width; x++) {
                    acc[x] = w0 * line[half + x] + w1 * (line[l1 + x] + line[r1 + x]) + w2 * (line[l2 + x] + line[r2 + x])
                            + w3 * (line[l3 + x] + line[r3 + x]);
                }
            } else if (last) {
                for (int x = 0; x < width; x++) {
                    out[x] = (acc[x] + w1 * (line[l1 + x] + line[r1 + x]) + w2 * (line[l2 + x] + line[r2 + x])
                            + w3 * (line[l3 + x] + line[r3 + x]) + ROUND) >>> GaussianKernel.SHIFT;
                }
            } else {
                for (int x = 0; x < width; x++) {
                    acc[x] += w1 * (line[l1 + x] + line[r1 + x]) + w2 * (line[l2 + x] + line[r2 + x])
                            + w3 * (line[l3 + x] + line[r3 + x]);
                }
            }
        }
    }

    /** The vertical sums (unrounded, scaled by 2^15) of one output row from the ring rows above ({@code up[k]}) and below. */
    private static void vertical(int[][] up, int[][] down, int[] sum, int width, int[] w) {
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
