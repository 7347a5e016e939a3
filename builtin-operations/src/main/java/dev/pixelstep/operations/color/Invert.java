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

/** {@code invert}: the photographic negative, each channel v becomes 255 - v; alpha is kept. */
public final class Invert implements ImageOperation {

    @Override
    public String name() {
        return "invert";
    }

    @Override
    public String description() {
        return "Inverts every colour (the photographic negative).";
    }

    /** The unit of work: one pass from the source straight into the result; the result. */
    @Override
    public OperationCost cost(ImageSize source, Parameters parameters) {
        return OperationCost.POINT;
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
                px[i] = in[i] ^ 0x00ffffff;
            }
        });
        return out.image();
    }
}
