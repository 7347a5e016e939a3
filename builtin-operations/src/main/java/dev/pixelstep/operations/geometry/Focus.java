package dev.pixelstep.operations.geometry;

import dev.pixelstep.operations.raster.Bands;

/**
 * Where a window of a given size shows the most of an image: the position behind
 * {@code smart-crop} and {@code resize(fit=cover, position=entropy|attention)}.
 *
 * <p>Method. The image is reduced by box averaging to a grid whose longer side has at most
 * {@value #GRID} cells (one pass over the source). On that grid:
 * <ul>
 *   <li><b>entropy</b>: every window position's luma histogram (BT.601 luma in 32 bins, from one
 *       summed-area table per bin) gives its Shannon entropy {@code -sum p log2 p}; the window with
 *       the most entropy (the most varied tones: detail, not flat sky or wall) wins. The criterion
 *       of sharp's {@code entropy} strategy, searched over every position instead of by trimming
 *       edges.</li>
 *   <li><b>attention</b>: each cell scores its local contrast (luma against the mean of its 3x3
 *       neighbourhood), its saturation ({@code max - min} of r, g, b) and a skin-tone bonus (the
 *       features sharp's {@code attention} strategy names); the window with the largest sum
 *       (summed-area table) wins.</li>
 * </ul>
 * Equal scores go to the window nearest the centre, so a flat image gives a centred window.
 * Cost: one read of every source pixel plus at most {@code GRID^2 x 32} steps, independent of the
 * window.
 */
final class Focus {

    /** The longer side of the analysis grid, in cells. */
    static final int GRID = 128;
    private static final int BINS = 32;

    private Focus() {
    }

    /**
     * The top-left corner {x, y} of the {@code cw x ch} window of the {@code width x height} image
     * that shows the most, by {@code method} ("entropy" or "attention").
     */
    static int[] best(int[] pixels, int width, int height, int cw, int ch, String method) {
        if (cw >= width && ch >= height) {
            return new int[] {0, 0};
        }
        int k = Math.max(1, (Math.max(width, height) + GRID - 1) / GRID);
        int gw = (width + k - 1) / k;
        int gh = (height + k - 1) / k;
        int[] grid = reduce(pixels, width, height, k, gw, gh);
        int ww = Math.max(1, Math.min(gw, (int) Math.round((double) cw / k)));
        int wh = Math.max(1, Math.min(gh, (int) Math.round((double) ch / k)));
        double[] scores = "attention".equals(method) ? attention(grid, gw, gh, ww, wh) : entropy(grid, gw, gh, ww, wh);
        int nx = gw - ww + 1;
        int ny = gh - wh + 1;
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                double s = scores[y * nx + x];
                double distance = Math.abs(x - (nx - 1) / 2.0) + Math.abs(y - (ny - 1) / 2.0);
                if (s > bestScore + 1e-9 || (Math.abs(s - bestScore) <= 1e-9 && distance < bestDistance)) {
                    best = y * nx + x;
                    bestScore = s;
                    bestDistance = distance;
                }
            }
        }
        int gx = best % nx;
        int gy = best / nx;
        // the window's centre on the grid, mapped back to pixels
        int x = place((gx + ww / 2.0) * k, cw, width);
        int y = place((gy + wh / 2.0) * k, ch, height);
        return new int[] {x, y};
    }

    /**
     * An upper bound of the bytes {@link #best} allocates for an image of this size: the grid, the
     * summed-area tables, the scores and the bands' row sums.
     */
    static long workingBytes(int width, int height) {
        int k = Math.max(1, (Math.max(width, height) + GRID - 1) / GRID);
        long gw = ((long) width + k - 1) / k;
        long gh = ((long) height + k - 1) / k;
        long cells = (gw + 1) * (gh + 1);
        return 4 * cells + (long) BINS * (4 * cells + 16) + 8 * cells + 8 * cells
                + (long) Bands.bands((int) gh, (long) width * height) * (24 * gw + 16) + 4096;
    }

    private static int place(double centre, int window, int length) {
        if (window >= length) {
            return 0;
        }
        return (int) Math.max(0, Math.min(length - window, Math.round(centre - window / 2.0)));
    }

    /** Box-averaged grid of k x k cells (opaque colours, alpha ignored). */
    private static int[] reduce(int[] pixels, int width, int height, int k, int gw, int gh) {
        int[] grid = new int[gw * gh];
        Bands.run(gh, (long) width * height, (from, to) -> {
            long[] sums = new long[gw * 3];
            for (int gy = from; gy < to; gy++) {
                java.util.Arrays.fill(sums, 0);
                int y1 = Math.min(height, (gy + 1) * k);
                for (int y = gy * k; y < y1; y++) {
                    for (int x = 0, row = y * width; x < width; x++) {
                        int p = pixels[row + x];
                        int c = x / k * 3;
                        sums[c] += (p >> 16) & 0xff;
                        sums[c + 1] += (p >> 8) & 0xff;
                        sums[c + 2] += p & 0xff;
                    }
                }
                for (int gx = 0; gx < gw; gx++) {
                    long n = (long) (Math.min(width, (gx + 1) * k) - gx * k) * (y1 - gy * k);
                    grid[gy * gw + gx] = (int) (sums[gx * 3] / n) << 16 | (int) (sums[gx * 3 + 1] / n) << 8 | (int) (sums[gx * 3 + 2] / n);
                }
            }
        });
        return grid;
    }

    private static int luma(int p) {
        return (299 * ((p >> 16) & 0xff) + 587 * ((p >> 8) & 0xff) + 114 * (p & 0xff) + 500) / 1000;
    }

    private static double[] entropy(int[] grid, int gw, int gh, int ww, int wh) {
        int sw = gw + 1;
        int[][] tables = new int[BINS][(gw + 1) * (gh + 1)];
        for (int y = 0; y < gh; y++) {
            for (int x = 0; x < gw; x++) {
                int bin = luma(grid[y * gw + x]) * BINS / 256;
                for (int b = 0; b < BINS; b++) {
                    int[] t = tables[b];
                    t[(y + 1) * sw + x + 1] = t[y * sw + x + 1] + t[(y + 1) * sw + x] - t[y * sw + x] + (b == bin ? 1 : 0);
                }
            }
        }
        int nx = gw - ww + 1;
        int ny = gh - wh + 1;
        double n = (double) ww * wh;
        double[] scores = new double[nx * ny];
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                double e = 0;
                for (int b = 0; b < BINS; b++) {
                    int[] t = tables[b];
                    int count = t[(y + wh) * sw + x + ww] - t[y * sw + x + ww] - t[(y + wh) * sw + x] + t[y * sw + x];
                    if (count > 0) {
                        double p = count / n;
                        e -= p * Math.log(p);
                    }
                }
                scores[y * nx + x] = e / Math.log(2);
            }
        }
        return scores;
    }

    private static double[] attention(int[] grid, int gw, int gh, int ww, int wh) {
        int sw = gw + 1;
        long[] table = new long[(gw + 1) * (gh + 1)];
        for (int y = 0; y < gh; y++) {
            for (int x = 0; x < gw; x++) {
                int p = grid[y * gw + x];
                int r = (p >> 16) & 0xff;
                int g = (p >> 8) & 0xff;
                int b = p & 0xff;
                double sum = 0;
                int count = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int xx = x + dx;
                        int yy = y + dy;
                        if (xx >= 0 && yy >= 0 && xx < gw && yy < gh) {
                            sum += luma(grid[yy * gw + xx]);
                            count++;
                        }
                    }
                }
                double contrast = Math.abs(luma(p) - sum / count);
                double saturation = Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b));
                boolean skin = r > 95 && g > 40 && b > 20 && r > g && r > b && r - Math.min(g, b) > 15 && Math.abs(r - g) > 15;
                long score = Math.round(2 * contrast) + (long) saturation + (skin ? 64 : 0);
                table[(y + 1) * sw + x + 1] = table[y * sw + x + 1] + table[(y + 1) * sw + x] - table[y * sw + x] + score;
            }
        }
        int nx = gw - ww + 1;
        int ny = gh - wh + 1;
        double[] scores = new double[nx * ny];
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                scores[y * nx + x] = table[(y + wh) * sw + x + ww] - table[y * sw + x + ww] - table[(y + wh) * sw + x] + table[y * sw + x];
            }
        }
        return scores;
    }
}
