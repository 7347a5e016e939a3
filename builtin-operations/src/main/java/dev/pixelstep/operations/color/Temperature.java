package dev.pixelstep.operations.color;

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
 * {@code temperature(kelvin=5000)}: white balance towards the colour of a black body at
 * {@code kelvin}: each channel is multiplied by {@code w_c(kelvin) / w_c(6500)}, where {@code w} is
 * the black body's sRGB colour (Tanner Helland's fit of Charity's table). Below 6500 K the image
 * warms (more red, less blue), above it cools; 6500 K keeps it. One lookup table per channel;
 * alpha kept.
 */
public final class Temperature implements ImageOperation {

    /** The colour temperature to move towards. */
    public static final DoubleParameter KELVIN = DoubleParameter.of("kelvin", 5000, 1500, 15000, "K",
            "colour temperature: below 6500 warmer, above cooler, 6500 keeps the image");

    @Override
    public String name() {
        return "temperature";
    }

    @Override
    public String description() {
        return "Warms or cools the image towards a colour temperature in kelvin.";
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(KELVIN);
    }

    /** A lookup table per channel value, like brightness (2.2 units measured for those); the result. */
    @Override
    public OperationCost cost(ImageSize source, Parameters parameters) {
        return new OperationCost(2.2, 4);
    }

    @Override
    public BufferedImage apply(BufferedImage source, Parameters parameters) {
        double[] target = blackBody(parameters.get(KELVIN));
        double[] white = blackBody(6500);
        double r = target[0] / white[0];
        double g = target[1] / white[1];
        double b = target[2] / white[2];
        IntImage out = IntImage.blankLike(source, true);
        ChannelTable.of(v -> (int) Math.round(v * r), v -> (int) Math.round(v * g), v -> (int) Math.round(v * b))
                .apply(IntImage.readable(source), out.pixels());
        return out.image();
    }

    /** The sRGB colour (0..255 per channel) of a black body at {@code kelvin}. */
    static double[] blackBody(double kelvin) {
        double t = kelvin / 100;
        double r = t <= 66 ? 255 : 329.698727446 * Math.pow(t - 60, -0.1332047592);
        double g = t <= 66 ? 99.4708025861 * Math.log(t) - 161.1195681661 : 288.1221695283 * Math.pow(t - 60, -0.0755148492);
        double b = t >= 66 ? 255 : t <= 19 ? 0 : 138.5177312231 * Math.log(t - 10) - 305.0447927307;
        return new double[] {clamp(r), clamp(g), Math.max(1, clamp(b))};
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(255, v));
    }
}
