package dev.pixelstep.operations.color;

import dev.pixelstep.operations.raster.ChannelTable;
import dev.pixelstep.operations.raster.IntImage;
import dev.pixelstep.spi.ImageOperation;
import dev.pixelstep.spi.ImageSize;
import dev.pixelstep.spi.OperationCost;
import dev.pixelstep.spi.param.BooleanParameter;
import dev.pixelstep.spi.param.Parameter;
import dev.pixelstep.spi.param.Parameters;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * {@code negate(red=true, green=true, blue=true)}: {@code out = 255 - in} on the chosen channels
 * (sharp's {@code negate}); the others are kept. With the defaults it is {@code invert}. One lookup
 * table per channel. Alpha is always kept: sharp's {@code alpha} option (negating alpha too) is
 * left out, as an operation that keeps alpha keeps every pixel's alpha (the SPI's contract).
 */
public final class Negate implements ImageOperation {

    /** Negate red. */
    public static final BooleanParameter RED = BooleanParameter.of("red", true, "negate the red channel");
    /** Negate green. */
    public static final BooleanParameter GREEN = BooleanParameter.of("green", true, "negate the green channel");
    /** Negate blue. */
    public static final BooleanParameter BLUE = BooleanParameter.of("blue", true, "negate the blue channel");

    @Override
    public String name() {
        return "negate";
    }

    @Override
    public String description() {
        return "Inverts the chosen channels (255 - value).";
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(RED, GREEN, BLUE);
    }

    /** A lookup table per channel value, like brightness (2.2 units measured for those); the result. */
    @Override
    public OperationCost cost(ImageSize source, Parameters parameters) {
        return new OperationCost(2.2, 4);
    }

    @Override
    public BufferedImage apply(BufferedImage source, Parameters parameters) {
        IntImage out = IntImage.blankLike(source, true);
        ChannelTable.of(v -> parameters.get(RED) ? 255 - v : v, v -> parameters.get(GREEN) ? 255 - v : v,
                v -> parameters.get(BLUE) ? 255 - v : v).apply(IntImage.readable(source), out.pixels());
        return out.image();
    }
}
