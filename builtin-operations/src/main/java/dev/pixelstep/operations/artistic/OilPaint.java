package dev.pixelstep.operations.artistic;

import dev.pixelstep.operations.raster.Bands;
import dev.pixelstep.operations.raster.IntImage;
import dev.pixelstep.spi.ImageOperation;
import dev.pixelstep.spi.ImageSize;
import dev.pixelstep.spi.OperationCost;
import dev.pixelstep.spi.param.IntParameter;
import dev.pixelstep.spi.param.Parameter;
import dev.pixelstep.spi.param.Parameters;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * {@code oil-paint(radius=4, levels=20)}: the classic oil-paint filter. The pixels of the
 * (2 radius + 1)-square window around each pixel are sorted into {@code levels} bins by their
 * intensity (the mean of red, green and blue); the pixel becomes the mean colour of the fullest bin
 * (ties go to the darker), so areas flatten into strokes of one colour while edges stay. Edges are
 * extended; every pixel keeps its alpha.
 *
 * <p>Method: the window's bins (counts and colour sums) slide along each row, adding the entering
 * column and removing the leaving one (2 (2 radius + 1) updates per pixel, as Huang's median), then
 * the fullest of the bins is found: O(radius + levels) per pixel instead of O(radius^2).
 */
public final class OilPaint implements ImageOperation {

    /** The brush size. */
    public static final IntParameter RADIUS = IntParameter.of("radius", 4, 1, 15, "px", "size of the brush (half the window's side)");
    /** The intensity bins. */
    public static final IntParameter LEVELS = IntParameter.of("levels", 20, 2, 64, "", "number of intensity levels: fewer gives broader strokes");

    @Override
    public String name() {
        return "oil-paint";
    }

    @Override
    public String description() {
        return "Makes the image look painted in oils: each area takes the most common colour around it.";
    }

    /** Per pixel 2 (2 radius + 1) bin updates of four sums and a scan of the bins: declared 20 + 9 (2 radius + 1) + levels units. */
    @Override
    public OperationCost cost(ImageSize source, Parameters parameters) {
        int side = 2 * parameters.get(RADIUS) + 1;
        return new OperationCost(20 + 9.0 * side + parameters.get(LEVELS), 4 + (Bands.bands(source.height(), source.pixels()) * 1200.0 + 1024) / source.pixels());
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(RADIUS, LEVELS);
    }

    @Override
    public BufferedImage apply(BufferedImage source, Parameters parameters) {
        int r = parameters.get(RADIUS);
        int levels = parameters.get(LEVELS);
        int[] in = IntImage.readable(source);
        IntImage out = IntImage.blankLike(source, true);
        int[] px = out.pixels();
        int w = out.width();
        int h = out.height();
        // the bin of every intensity sum 0..765
        int[] binOf = new int[766];
        for (int s = 0; s < binOf.length; s++) {
            binOf[s] = s * levels / 766;
        }
        Bands.run(h, (long) w * h * r, (from, to) -> {
            int[] count = new int[levels];
            int[] red = new int[levels];
            int[] green = new int[levels];
            int[] blue = new int[levels];
            int[] rowStart = new int[2 * r + 1];
            for (int y = from; y < to; y++) {
                for (int k = -r; k <= r; k++) {
                    rowStart[k + r] = Math.min(h - 1, Math.max(0, y + k)) * w;
                }
                java.util.Arrays.fill(count, 0);
                java.util.Arrays.fill(red, 0);
                java.util.Arrays.fill(green, 0);
                java.util.Arrays.fill(blue, 0);
                for (int dx = -r; dx <= r; dx++) {
                    int x = Math.min(w - 1, Math.max(0, dx));
                    for (int start : rowStart) {
                        add(in[start + x], 1, binOf, count, red, green, blue);
                    }
                }
                for (int x = 0; x < w; x++) {
                    if (x > 0) {
                        int leaving = Math.max(0, x - r - 1);
                        int entering = Math.min(w - 1, x + r);
                        if (leaving != entering) {
                            for (int start : rowStart) {
                                add(in[start + leaving], -1, binOf, count, red, green, blue);
                                add(in[start + entering], 1, binOf, count, red, green, blue);
                            }
                        }
                    }
                    int best = 0;
                    for (int b = 1; b < levels; b++) {
                        if (count[b] > count[best]) {
                            best = b;
                        }
                    }
                    int n = count[best];
                    int half = n / 2;
                    px[y * w + x] = (in[y * w + x] & 0xff000000) | (red[best] + half) / n << 16 | (green[best] + half) / n << 8
                            | (blue[best] + half) / n;
                }
            }
        });
        return out.image();
    }

    private static void add(int p, int sign, int[] binOf, int[] count, int[] red, int[] green, int[] blue) {
        int r = (p >> 16) & 0xff;
        int g = (p >> 8) & 0xff;
        int b = p & 0xff;
        int bin = binOf[r + g + b];
        count[bin] += sign;
        red[bin] += sign * r;
        green[bin] += sign * g;
        blue[bin] += sign * b;
    }
}
