package dev.pixelstep.operations.effect;

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
 * {@code pixelate(size=8)}: replaces each size x size block (from the top-left corner; blocks at
 * the right and bottom edges may be smaller) by its average colour. With alpha, colours are
 * averaged weighted by alpha and alpha is averaged too.
 */
public final class Pixelate implements ImageOperation {

    /** The block side. */
    public static final IntParameter SIZE = IntParameter.of("size", 8, 2, 512, "px", "side of the square blocks");

    @Override
    public String name() {
        return "pixelate";
    }

    @Override
    public String description() {
        return "Turns the image into large square blocks of colour (mosaic).";
    }

    /**
     * Two passes over the pixels of each block (sum, then fill), from the source into the result,
     * on one thread, whatever the block size (2.7-4.0 units measured, the most with alpha or
     * large blocks); the result.
     */
    @Override
    public OperationCost cost(ImageSize source, Parameters parameters) {
        return new OperationCost(4, 4);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(SIZE);
    }

    @Override
    public BufferedImage apply(BufferedImage source, Parameters parameters) {
        int size = parameters.get(SIZE);
        int[] in = IntImage.readable(source);
        IntImage out = IntImage.blankLike(source, true);
        int[] px = out.pixels();
        int width = out.width();
        int height = out.height();
        boolean alpha = out.hasAlpha();
        for (int by = 0; by < height; by += size) {
            int bh = Math.min(size, height - by);
            for (int bx = 0; bx < width; bx += size) {
                int bw = Math.min(size, width - bx);
                long a = 0;
                long r = 0;
                long g = 0;
                long b = 0;
                for (int y = by; y < by + bh; y++) {
                    for (int x = bx, i = y * width + bx; x < bx + bw; x++, i++) {
                        int p = in[i];
                        int weight = alpha ? p >>> 24 : 1;
                        a += weight;
                        r += (long) weight * ((p >> 16) & 0xff);
                        g += (long) weight * ((p >> 8) & 0xff);
                        b += (long) weight * (p & 0xff);
                    }
                }
                long n = (long) bw * bh;
                int average = a == 0 ? 0
                        : (alpha ? (int) ((a + n / 2) / n) << 24 : 0xff000000)
                        | (int) ((r + a / 2) / a) << 16 | (int) ((g + a / 2) / a) << 8 | (int) ((b + a / 2) / a);
                for (int y = by; y < by + bh; y++) {
                    java.util.Arrays.fill(px, y * width + bx, y * width + bx + bw, average);
                }
            }
        }
        return out.image();
    }
}
