package dev.pixelstep.operations.raster;

import static dev.pixelstep.operations.raster.SeparableGaussian.array;

/**
 * The exact separable Gaussian of {@link GaussianKernel} (2 ceil(3 sigma) + 1 taps, 15-bit integer
 * weights), both passes fused: each band of rows goes down the image in strips of {@link #STRIP}
 * columns, keeps the horizontally blurred rows of the strip it needs in a ring of {@code taps} rows
 * per channel and writes every output row of the strip as soon as its last input row is in the
 * ring. Reads the source once (and the kernel's reach either side of each strip) and writes the
 * target once; the working set (the ring, {@code channels x taps x STRIP} ints per thread, and the
 * shifted lines) stays in the core's L2 cache whatever the image's width, and no whole-image
 * intermediate exists. Inner loops run along a strip's rows and read every array at the same
 * index, the form HotSpot's JIT vectorises: the vertical taps are the ring's rows, the horizontal
 * ones copies of the line moved by each tap's offset (the JIT leaves a loop scalar when it reads
 * one array at several offsets, constant ones included, or at an offset that is not a constant).
 * No loop touches more than seven arrays: JDK 17's JIT leaves a loop over eight scalar (the centre
 * and three pairs of taps in one loop made the whole blur 1.4 times slower there). Edges are
 * extended; the results are bit-identical to a plain two-pass implementation with the same kernel.
 */
final class ExactGaussian {

    /** Rows per unit of parallel work, so that every band spans several kernels' height. */
    private static final int ROWS_PER_CHUNK = 32;

    /**
     * Columns per strip: the ring of a strip (RGB, sigma 2: 3 x 13 x 512 ints, 78 KB) and its
     * shifted lines stay in L2; narrower strips pay more for their loops' start and end than they
     * gain (12 MP, JDK 25: 256 columns about as slow as whole rows, 1,024 between those and 512).
     */
    static final int STRIP = 512;

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
     * What {@link #blur} allocates: per band of rows the ring, the strip's padded lines, the sums,
     * the shifted lines, a padded row of pixels and the row tables (see
     * {@link SeparableGaussian#workingBytes}).
     */
    static long workingBytes(int width, int height, int half, SeparableGaussian.Mode mode) {
        int taps = 2 * half + 1;
        int channels = ChannelLines.channels(mode);
        int strip = Math.min(width, STRIP);
        long padded = array(strip + 2L * half, 4);
        long band = channels * (taps * array(strip, 4) + array(taps, 8) + padded + array(strip, 4))
                + (taps + 1) * array(strip, 4) + padded + array(taps, 8) + 4 * array(half + 1, 8) + 3 * array(channels, 8);
        int chunks = (height + ROWS_PER_CHUNK - 1) / ROWS_PER_CHUNK;
        return Bands.bands(chunks, (long) width * height) * band;
    }

    private static void band(int[] source, int[] target, int width, int height, int fromRow, int toRow, int[] w,
                             SeparableGaussian.Mode mode) {
        int half = w.length - 1;
        int taps = 2 * half + 1;
        int channels = ChannelLines.channels(mode);
        int strip = Math.min(width, STRIP);
        int[][][] ring = new int[channels][taps][strip];
        int[][] lines = new int[channels][strip + 2 * half]; // a strip's row and the kernel's reach either side
        int[][] sums = new int[channels][strip];
        int[] pixels = new int[strip + 2 * half];
        int[] acc = new int[strip];
        // shifted[j][i] = line[i + j], the strip's line moved by j - half: the horizontal taps as separate
        // arrays read at the same index, which the JIT vectorises (one line read at several offsets it does not)
        int[][] shifted = new int[taps][strip];
        int[][] left = new int[half + 1][];
        int[][] right = new int[half + 1][];
        for (int k = 0; k <= half; k++) {
            left[k] = shifted[half - k];
            right[k] = shifted[half + k];
        }
        int[][] up = new int[half + 1][];
        int[][] down = new int[half + 1][];
        for (int x0 = 0; x0 < width; x0 += strip) {
            int n = Math.min(strip, width - x0);
            int next = fromRow - half; // the next row to blur horizontally into the ring
            for (int y = fromRow; y < toRow; y++) {
                for (; next <= y + half; next++) {
                    ChannelLines.extend(source, Math.min(height - 1, Math.max(0, next)) * width, width, x0 - half, n + 2 * half, pixels);
                    ChannelLines.split(pixels, lines, n + 2 * half, mode);
                    int slot = Math.floorMod(next, taps);
                    for (int c = 0; c < channels; c++) {
                        for (int j = 0; j < taps; j++) {
                            System.arraycopy(lines[c], j, shifted[j], 0, n);
                        }
                        symmetricSums(left, right, acc, n, w);
                        int[] out = ring[c][slot];
                        for (int x = 0; x < n; x++) {
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
                    symmetricSums(up, down, sums[c], n, w);
                }
                System.arraycopy(source, y * width + x0, pixels, 0, n);
                ChannelLines.join(sums, GaussianKernel.SHIFT, pixels, n, mode);
                System.arraycopy(pixels, 0, target, y * width + x0, n);
            }
        }
    }

    /**
     * The kernel's sums (unrounded, scaled by 2^15) of one row: {@code sum[x] = w[0] up[0][x] +
     * sum over k of w[k] (up[k][x] + down[k][x])}, where up and down are the rows (or shifted lines)
     * k places before and after: the centre and two pairs of taps in the first pass, then three
     * pairs per pass (two and two when four are left), every array read at the same index and at
     * most seven arrays per loop (see the class comment).
     */
    private static void symmetricSums(int[][] up, int[][] down, int[] sum, int width, int[] w) {
        int half = w.length - 1;
        int w0 = w[0];
        int w1 = w[1];
        int w2 = half >= 2 ? w[2] : 0;
        int[] centre = up[0];
        int[] u1 = up[1];
        int[] d1 = down[1];
        int[] u2 = up[Math.min(2, half)];
        int[] d2 = down[Math.min(2, half)];
        for (int x = 0; x < width; x++) {
            sum[x] = w0 * centre[x] + w1 * (u1[x] + d1[x]) + w2 * (u2[x] + d2[x]);
        }
        int k = 3;
        while (k <= half) {
            int pairs = half - k + 1;
            int[] ua = up[k];
            int[] da = down[k];
            int wa = w[k];
            if (pairs == 3 || pairs > 4) {
                int[] ub = up[k + 1];
                int[] db = down[k + 1];
                int[] uc = up[k + 2];
                int[] dc = down[k + 2];
                int wb = w[k + 1];
                int wc = w[k + 2];
                for (int x = 0; x < width; x++) {
                    sum[x] += wa * (ua[x] + da[x]) + wb * (ub[x] + db[x]) + wc * (uc[x] + dc[x]);
                }
                k += 3;
            } else if (pairs >= 2) {
                int[] ub = up[k + 1];
                int[] db = down[k + 1];
                int wb = w[k + 1];
                for (int x = 0; x < width; x++) {
                    sum[x] += wa * (ua[x] + da[x]) + wb * (ub[x] + db[x]);
                }
                k += 2;
            } else {
                for (int x = 0; x < width; x++) {
                    sum[x] += wa * (ua[x] + da[x]);
                }
                k++;
            }
        }
    }
}
