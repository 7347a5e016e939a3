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
 * {@code sepia(intensity=1)}: the classic sepia-tone matrix (the one CSS {@code sepia()} uses),
 * mixed with the identity by {@code intensity} (0 keeps the image, 1 is full sepia), applied as
 * one {@link ColorMatrix} pass; alpha is kept.
 */
public final class Sepia implements ImageOperation {

    /** How much sepia: 0 = none, 1 = full. */
    public static final DoubleParameter INTENSITY = DoubleParameter.of("intensity", 1, 0, 1, "",
            "how strong the tone is: 0 keeps the colours, 1 is full sepia");

    /** The sepia-tone matrix of CSS {@code sepia(1)}, row by row. */
    private static final double[] SEPIA = {
        0.393, 0.769, 0.189,
        0.349, 0.686, 0.168,
        0.272, 0.534, 0.131,
    };

    @Override
    public String name() {
        return "sepia";
    }

    @Override
    public String description() {
        return "Gives the image the brown tone of old photographs.";
    }

    /**
     * A 3x3 colour matrix in 12-bit fixed point per pixel, from the source straight into the
     * result in parallel bands (5.3-5.6 units measured: JDK 17 leaves the loop scalar); the result.
     */
    @Override
    public OperationCost cost(ImageSize source, Parameters parameters) {
        return new OperationCost(5.6, 4);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(INTENSITY);
    }

    @Override
    public BufferedImage apply(BufferedImage source, Parameters parameters) {
        IntImage out = IntImage.blankLike(source, true);
        ColorMatrix.of(ColorMatrix.mix(SEPIA, parameters.get(INTENSITY)), false).apply(IntImage.readable(source), out.pixels());
        return out.image();
    }
}
