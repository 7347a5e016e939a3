package dev.pixelstep.operations.effect;

import dev.pixelstep.operations.raster.Bands;
import dev.pixelstep.operations.raster.IntImage;
import dev.pixelstep.spi.ImageOperation;
import dev.pixelstep.spi.ImageSize;
import dev.pixelstep.spi.OperationCost;
import dev.pixelstep.spi.param.DoubleParameter;
import dev.pixelstep.spi.param.Parameter;
import dev.pixelstep.spi.param.Parameters;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * {@code vignette(strength=0.5, start=0.5)}: darkens the image towards its corners. With d the
 * distance from the centre over the half-diagonal (0 at the centre, 1 in the corners), pixels
 * with d up to {@code start} are untouched and beyond it are scaled by
 * 1 - strength * smoothstep((d - start) / (1 - start)). Alpha is kept.
 */
public final class Vignette implements ImageOperation {

    /** How dark the corners get. */
    public static final DoubleParameter STRENGTH = DoubleParameter.of("strength", 0.5, 0, 1, "",
            "how dark the corners get: 0 changes nothing, 1 makes them black");
    /** Where the darkening begins. */
    public static final DoubleParameter START = DoubleParameter.of("start", 0.5, 0, 1, "",
            "where the darkening begins, as a fraction of the distance from the centre to a corner");

    @Override
    public String name() {
        return "vignette";
    }

    @Override
    public String description() {
        return "Darkens the edges and corners, drawing the eye to the centre.";
    }

    /**
     * A square root and a smoothstep per pixel of the left end of half the rows into a row of
     * factors (a row and its mirror share them, the right end mirrors the left, the middle span
     * within {@code start} is copied), then one pass from the source into the result, in parallel
     * bands (8.5-8.8 units measured when every pixel had its square root; an upper bound now: on
     * JDK 17 31 ms per core at 12 MP with the defaults against invert's 13.5, KernelCpuTimes); the result, the distances of a row and one row
     * of factors and one row of pixels per band.
     */
    @Override
    public OperationCost cost(ImageSize source, Parameters parameters) {
        double rows = 8 + 8 * Bands.bands((source.height() + 1) / 2, source.pixels()); // doubles of distances; per band, ints of factors and of a row
        return new OperationCost(9, 4 + (rows * source.width() + 256) / source.pixels());
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(STRENGTH, START);
    }

    @Override
    public BufferedImage apply(BufferedImage source, Parameters parameters) {
        double strength = parameters.get(STRENGTH);
        double start = parameters.get(START);
        int[] in = IntImage.readable(source);
        IntImage out = IntImage.blankLike(source, true);
        int[] px = out.pixels();
        int width = out.width();
        int height = out.height();
        double cx = width / 2.0;
        double cy = height / 2.0;
        double halfDiagonal = Math.sqrt(cx * cx + cy * cy);
        double[] dx2 = new double[width];
        for (int x = 0; x < width; x++) {
            double dx = (x + 0.5 - cx) / halfDiagonal;
            dx2[x] = dx * dx;
        }
        // rows y and height - 1 - y are as far from the centre (their offsets are exact negations), so one row of
        // factors serves both: the bands run over those pairs of rows
        dev.pixelstep.operations.raster.Bands.run((height + 1) / 2, (long) width * height,
                (from, to) -> darken(in, px, width, height, from, to, cy, halfDiagonal, dx2, strength, start));
        return out.image();
    }

    /**
     * Darkens the pairs of rows {@code [fromPair, toPair)}: rows y and height - 1 - y for each y there. Of each row
     * only the two ends are computed: the pixels no farther from the centre than {@code start} (t = 0, factor 256,
     * unchanged) are one span around the middle column, since the distance only falls towards it, found by bisection.
     */
    private static void darken(int[] in, int[] px, int width, int height, int fromPair, int toPair, double cy, double halfDiagonal,
                               double[] dx2, double strength, double start) {
        double over = start >= 1 ? 0 : 1 / (1 - start);
        int[] k = new int[width];
        int[] row = new int[width];
        int half = (width + 1) / 2;
        for (int y = fromPair; y < toPair; y++) {
            double dy = (y + 0.5 - cy) / halfDiagonal;
            double dy2 = dy * dy;
            // columns [ends, width - ends) are unchanged: the first column of the left half whose t is 0
            int lo = 0;
            int hi = half;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (t(dx2[mid], dy2, start, over) == 0) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            int ends = lo;
            // the factor of every pixel of the left end (256 = unchanged), in a loop without branches; the right end
            // mirrors it (columns x and width - 1 - x have exactly negated offsets, so equal dx2)
            for (int x = 0; x < ends; x++) {
                double t = t(dx2[x], dy2, start, over);
                k[x] = (int) ((1 - strength * t * t * (3 - 2 * t)) * 256 + 0.5); // Math.round of a non-negative value
            }
            for (int x = width - ends; x < width; x++) {
                k[x] = k[width - 1 - x];
            }
            apply(in, px, y * width, k, row, ends);
            if (height - 1 - y != y) {
                apply(in, px, (height - 1 - y) * width, k, row, ends);
            }
        }
    }

    /** The smoothstep's argument at a pixel: 0 up to {@code start}, 1 in the corners (at d = 1). */
    private static double t(double dx2, double dy2, double start, double over) {
        return Math.max(0, Math.min(1, (Math.sqrt(dx2 + dy2) - start) * over));
    }

    /**
     * One row from {@code offset} with the factors {@code k} on its first and last {@code ends} pixels (the rest
     * copied), through a copy of the row: a loop reading the image at the row's offset (not a constant) stays scalar.
     */
    private static void apply(int[] in, int[] px, int offset, int[] k, int[] row, int ends) {
        int width = row.length;
        System.arraycopy(in, offset, row, 0, width);
        scale(row, k, 0, ends);
        scale(row, k, Math.max(ends, width - ends), width); // an odd row's middle column belongs to the left end
        System.arraycopy(row, 0, px, offset, width);
    }

    private static void scale(int[] row, int[] k, int from, int to) {
        for (int x = from; x < to; x++) {
            int p = row[x];
            int f = k[x];
            row[x] = (p & 0xff000000)
                    | ((((p >> 16) & 0xff) * f + 128) >> 8) << 16
                    | ((((p >> 8) & 0xff) * f + 128) >> 8) << 8
                    | (((p & 0xff) * f + 128) >> 8);
        }
    }
}
