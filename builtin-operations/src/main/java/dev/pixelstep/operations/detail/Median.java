package dev.pixelstep.operations.detail;

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
 * {@code median(size=3)}: every channel of every pixel becomes the median of that channel over
 * the square window of side {@code s} centred on it, s = size rounded up to an odd number, edges
 * extended (clamped). Removes salt-and-pepper noise and keeps edges, unlike a blur. Alpha, when
 * present, is filtered the same way.
 *
 * <p>Method: Huang's sliding histogram (Huang, Yang, Tang 1979). Each row starts with the 256-bin
 * histograms of its first window; moving one pixel right removes the window's leftmost column and
 * adds a new rightmost one ({@code 2 s} updates per channel), and the median is found by walking
 * from the previous one while counting the values below it, so a pixel costs O(s), not the
 * O(s^2 log s) of sorting its window. Rows are independent, so bands of rows run in parallel and
 * the result does not depend on the number of threads.
 */
public final class Median implements ImageOperation {

    /** The side of the square window. */
    public static final IntParameter SIZE = IntParameter.of("size", 3, 2, 25, "px",
            "side of the square window (an even size is rounded up to the next odd one)");

    @Override
    public String name() {
        return "median";
    }

    @Override
    public String description() {
        return "Removes speckle noise, keeping edges: each pixel becomes the median of its neighbourhood.";
    }

    /**
     * Linear in the window side s (Huang's method): per pixel and channel 2 s histogram updates
     * and a short walk, channel by channel: declared as 30 + 12.5 s units (what four channels,
     * an image with alpha, measured: 63 at s = 3, 333 at s = 25; opaque images about 0.7 of it),
     * at most 343 units at the largest size. Bytes: the result, a 256-bin histogram and the window's row offsets per band.
     */
    @Override
    public OperationCost cost(ImageSize source, Parameters parameters) {
        int side = side(parameters.get(SIZE));
        return new OperationCost(30 + 12.5 * side, 4 + (Bands.bands(source.height(), source.pixels()) * (1040.0 + 16 + 4 * 26) + 4096) / source.pixels());
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(SIZE);
    }

    @Override
    public BufferedImage apply(BufferedImage source, Parameters parameters) {
        int side = side(parameters.get(SIZE));
        int[] in = IntImage.readable(source);
        IntImage out = IntImage.blankLike(source, true);
        int[] px = out.pixels();
        int width = out.width();
        int height = out.height();
        boolean alpha = out.hasAlpha();
        Bands.run(height, (long) width * height * side / 3,
                (from, to) -> rows(in, px, width, height, side / 2, alpha, from, to));
        return out.image();
    }

    static int side(int size) {
        return size | 1;
    }

    private static void rows(int[] in, int[] px, int width, int height, int r, boolean alpha, int fromRow, int toRow) {
        int[] hist = new int[256];
        int[] rowStart = new int[2 * r + 1];
        int half = (2 * r + 1) * (2 * r + 1) / 2;
        for (int y = fromRow; y < toRow; y++) {
            for (int k = -r; k <= r; k++) {
                rowStart[k + r] = Math.min(height - 1, Math.max(0, y + k)) * width;
            }
            int row = y * width;
            java.util.Arrays.fill(px, row, row + width, alpha ? 0 : 0xff000000);
            for (int shift = alpha ? 24 : 16; shift >= 0; shift -= 8) {
                channel(in, px, width, r, half, row, rowStart, hist, shift);
            }
        }
    }

    /** One channel (at {@code shift}) of one row: the sliding histogram, ORed into the row of {@code px}. */
    private static void channel(int[] in, int[] px, int width, int r, int half, int row, int[] rowStart, int[] h, int shift) {
        java.util.Arrays.fill(h, 0);
        for (int dx = -r; dx <= r; dx++) {
            int x = Math.min(width - 1, Math.max(0, dx));
            for (int start : rowStart) {
                h[(in[start + x] >>> shift) & 0xff]++;
            }
        }
        int m = 0;
        int lt = 0;
        while (lt + h[m] <= half) {
            lt += h[m++];
        }
        px[row] |= m << shift;
        for (int x = 1; x < width; x++) {
            int leaving = Math.max(0, x - r - 1);
            int entering = Math.min(width - 1, x + r);
            if (leaving != entering) {
                for (int start : rowStart) {
                    int o = (in[start + leaving] >>> shift) & 0xff;
                    int n = (in[start + entering] >>> shift) & 0xff;
                    h[o]--;
                    h[n]++;
                    // one less below the median if the leaving value was below it, one more if the entering one is
                    lt += ((n - m) >>> 31) - ((o - m) >>> 31);
                }
                while (lt > half) {
                    lt -= h[--m];
                }
                while (lt + h[m] <= half) {
                    lt += h[m++];
                }
            }
            px[row + x] |= m << shift;
        }
    }
}
