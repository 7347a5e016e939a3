package dev.pixelstep.operations.color;

import dev.pixelstep.operations.raster.Bands;
import dev.pixelstep.operations.raster.IntImage;
import dev.pixelstep.spi.ImageOperation;
import dev.pixelstep.spi.ImageSize;
import dev.pixelstep.spi.OperationCost;
import dev.pixelstep.spi.param.Parameter;
import dev.pixelstep.spi.param.Parameters;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * {@code grayscale}: every pixel becomes its luma, Y = 0.299 R + 0.587 G + 0.114 B (ITU-R BT.601,
 * in 8-bit fixed point: (77 R + 150 G + 29 B + 128) / 256), so R = G = B. Alpha is kept.
 */
public final class Grayscale implements ImageOperation {

    @Override
    public String name() {
        return "grayscale";
    }

    @Override
    public String description() {
        return "Turns colours into shades of gray (BT.601 luma).";
    }

    /** A weighted sum per pixel, from the source straight into the result in parallel bands (1.1 units measured); the result. */
    @Override
    public OperationCost cost(ImageSize source, Parameters parameters) {
        return new OperationCost(1.1, 4);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of();
    }

    @Override
    public BufferedImage apply(BufferedImage source, Parameters parameters) {
        int[] in = IntImage.readable(source);
        IntImage out = IntImage.blankLike(source, true);
        int[] px = out.pixels();
        Bands.run(in.length, in.length, (from, to) -> {
            for (int i = from; i < to; i++) {
                int p = in[i];
                int y = luma(p);
                px[i] = (p & 0xff000000) | y << 16 | y << 8 | y;
            }
        });
        return out.image();
    }

    /** The BT.601 luma of a packed pixel, 0..255. */
    public static int luma(int rgb) {
        return (77 * ((rgb >> 16) & 0xff) + 150 * ((rgb >> 8) & 0xff) + 29 * (rgb & 0xff) + 128) >> 8;
    }
}
