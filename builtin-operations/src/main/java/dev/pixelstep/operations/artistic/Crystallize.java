package dev.pixelstep.operations.artistic;

import dev.pixelstep.operations.raster.Bands;
import dev.pixelstep.operations.raster.IntImage;
import dev.pixelstep.operations.raster.SplitMix64;
import dev.pixelstep.spi.ImageOperation;
import dev.pixelstep.spi.ImageSize;
import dev.pixelstep.spi.OperationCost;
import dev.pixelstep.spi.param.IntParameter;
import dev.pixelstep.spi.param.Parameter;
import dev.pixelstep.spi.param.Parameters;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * {@code crystallize(size=16, seed=0)}: a mosaic of irregular polygons (Voronoi cells). The image is
 * cut into size x size squares; each holds one point at a place drawn from the seed and the
 * square's position (SplitMix64, so the same seed gives the same cells on any thread count); each
 * pixel takes the colour (and alpha) of the source at the nearest point among the nine squares
 * around its own (Euclidean distance; ties go to the first in row order).
 */
public final class Crystallize implements ImageOperation {

    /** The cells' size. */
    public static final IntParameter SIZE = IntParameter.of("size", 16, 2, 512, "px", "average width of the cells");
    /** The cells' layout. */
    public static final IntParameter SEED = IntParameter.of("seed", 0, 0, Integer.MAX_VALUE, "", "another seed gives other cells");

    @Override
    public String name() {
        return "crystallize";
    }

    @Override
    public String description() {
        return "Turns the image into irregular crystal-like cells of flat colour (Voronoi mosaic).";
    }

    /** Nine squared distances per pixel whatever the size: declared 36 units (measured 28-34); the result and one point per square. */
    @Override
    public OperationCost cost(ImageSize source, Parameters parameters) {
        int size = parameters.get(SIZE);
        double squares = (double) (source.width() / size + 3) * (source.height() / size + 3);
        return new OperationCost(36, 4 + (squares * 8 + 1024) / source.pixels());
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(SIZE, SEED);
    }

    @Override
    public BufferedImage apply(BufferedImage source, Parameters parameters) {
        int size = parameters.get(SIZE);
        long seed = parameters.get(SEED);
        int[] in = IntImage.readable(source);
        IntImage out = IntImage.blankLike(source, true);
        int[] px = out.pixels();
        int w = out.width();
        int h = out.height();
        int cols = (w + size - 1) / size + 2;
        int rows = (h + size - 1) / size + 2;
        // the point of square (i - 1, j - 1), with a ring of squares outside the image
        int[] pointX = new int[cols * rows];
        int[] pointY = new int[cols * rows];
        for (int j = 0; j < rows; j++) {
            for (int i = 0; i < cols; i++) {
                long hash = SplitMix64.of(seed, i, j);
                pointX[j * cols + i] = (i - 1) * size + (int) ((hash & 0xffffffffL) * size >>> 32);
                pointY[j * cols + i] = (j - 1) * size + (int) ((hash >>> 32) * size >>> 32);
            }
        }
        Bands.run(h, (long) w * h, (from, to) -> {
            for (int y = from; y < to; y++) {
                int cj = y / size + 1;
                for (int x = 0; x < w; x++) {
                    int ci = x / size + 1;
                    long best = Long.MAX_VALUE;
                    int bx = x;
                    int by = y;
                    for (int j = cj - 1; j <= cj + 1; j++) {
                        for (int i = ci - 1; i <= ci + 1; i++) {
                            int k = j * cols + i;
                            long ddx = (long) pointX[k] - x;
                            long ddy = (long) pointY[k] - y;
                            long d = ddx * ddx + ddy * ddy;
                            if (d < best) {
                                best = d;
                                bx = pointX[k];
                                by = pointY[k];
                            }
                        }
                    }
                    px[y * w + x] = in[Math.min(h - 1, Math.max(0, by)) * w + Math.min(w - 1, Math.max(0, bx))];
                }
            }
        });
        return out.image();
    }
}
