package dev.pixelstep.operations.color;

import dev.pixelstep.operations.raster.ColorMatrix;
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
 * {@code modulate(brightness=1, saturation=1, hue=0)} (sharp's {@code modulate}): one colour matrix,
 * {@code brightness x S(saturation) x H(hue)}, with S the matrix of {@code saturation} and H that of
 * {@code hue-rotate} (the CSS filter matrices); brightness multiplies every channel. Alpha kept.
 */
public final class Modulate implements ImageOperation {

    /** Multiplier of every channel. */
    public static final DoubleParameter BRIGHTNESS = DoubleParameter.of("brightness", 1, 0, 4, "",
            "multiplies the channels: 0 black, 1 keeps, 2 twice as bright");
    /** Saturation factor. */
    public static final DoubleParameter SATURATION = DoubleParameter.of("saturation", 1, 0, 10, "",
            "0 gray, 1 keeps the colours, above 1 more vivid");
    /** Hue rotation. */
    public static final DoubleParameter HUE = DoubleParameter.of("hue", 0, -360, 360, "degrees", "how far to turn the hues");

    @Override
    public String name() {
        return "modulate";
    }

    @Override
    public String description() {
        return "Changes brightness, saturation and hue in one pass.";
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(BRIGHTNESS, SATURATION, HUE);
    }

    /** One 3x3 colour matrix pass like sepia (5.6 units measured for those); the result. */
    @Override
    public OperationCost cost(ImageSize source, Parameters parameters) {
        return new OperationCost(5.6, 4);
    }

    @Override
    public BufferedImage apply(BufferedImage source, Parameters parameters) {
        double[] m = ChannelMix.multiply(Saturation.matrix(parameters.get(SATURATION)), HueRotate.matrix(Math.toRadians(parameters.get(HUE))));
        double brightness = parameters.get(BRIGHTNESS);
        for (int i = 0; i < 9; i++) {
            m[i] *= brightness;
        }
        IntImage out = IntImage.blankLike(source, true);
        ColorMatrix.of(m, false).apply(IntImage.readable(source), out.pixels());
        return out.image();
    }
}
