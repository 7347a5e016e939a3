package dev.pixelstep.operations.tone;

import dev.pixelstep.operations.raster.ChannelTable;
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
 * {@code gamma(gamma=2.2)}: {@code out = 255 (in / 255)^(1 / gamma)} on red, green and blue (as
 * ImageMagick's {@code -gamma} and the gamma of GIMP's levels): above 1 lightens the mid-tones,
 * below 1 darkens them, black and white stay. One lookup table; alpha kept.
 */
public final class Gamma implements ImageOperation {

    /** The exponent's inverse. */
    public static final DoubleParameter GAMMA = DoubleParameter.of("gamma", 2.2, 0.1, 10, "",
            "above 1 lightens the mid-tones, below 1 darkens them; 1 keeps the image");

    @Override
    public String name() {
        return "gamma";
    }

    @Override
    public String description() {
        return "Lightens or darkens the mid-tones by a gamma curve.";
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(GAMMA);
    }

    /** A lookup table per channel value, like brightness (2.2 units measured for those); the result. */
    @Override
    public OperationCost cost(ImageSize source, Parameters parameters) {
        return new OperationCost(2.2, 4);
    }

    @Override
    public BufferedImage apply(BufferedImage source, Parameters parameters) {
        double inverse = 1 / parameters.get(GAMMA);
        IntImage out = IntImage.blankLike(source, true);
        ChannelTable.of(v -> (int) Math.round(255 * Math.pow(v / 255.0, inverse))).apply(IntImage.readable(source), out.pixels());
        return out.image();
    }
}
