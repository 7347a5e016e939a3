package dev.pixelstep.operations.geometry;

import dev.pixelstep.operations.raster.IntImage;
import dev.pixelstep.spi.ImageOperation;
import dev.pixelstep.spi.ImageSize;
import dev.pixelstep.spi.param.ChoiceParameter;
import dev.pixelstep.spi.param.Parameter;
import dev.pixelstep.spi.param.Parameters;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * {@code rotate(angle=90)}: turns the image clockwise by a quarter, half or three-quarter turn.
 * Pixels move exactly (no resampling); a quarter turn swaps width and height. Alpha is kept. For
 * any other angle see {@link RotateFree}.
 */
public final class Rotate implements ImageOperation {

    /** The clockwise turn. */
    public static final ChoiceParameter ANGLE = ChoiceParameter.of("angle", "90", List.of("90", "180", "270"),
            "clockwise turn in degrees");

    @Override
    public String name() {
        return "rotate";
    }

    @Override
    public String description() {
        return "Turns the image clockwise by 90, 180 or 270 degrees, exactly.";
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(ANGLE);
    }

    @Override
    public ImageSize outputSize(ImageSize source, Parameters parameters) {
        return parameters.get(ANGLE).equals("180") ? source : new ImageSize(source.height(), source.width());
    }

    @Override
    public BufferedImage apply(BufferedImage source, Parameters parameters) {
        String angle = parameters.get(ANGLE);
        IntImage in = IntImage.copyOf(source, true);
        int width = in.width();
        int height = in.height();
        ImageSize size = outputSize(ImageSize.of(source), parameters);
        IntImage out = IntImage.blank(size.width(), size.height(), in.hasAlpha());
        int[] src = in.pixels();
        int[] dst = out.pixels();
        int outWidth = size.width();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = src[y * width + x];
                switch (angle) {
                    case "90" -> dst[x * outWidth + (height - 1 - y)] = p;
                    case "180" -> dst[(height - 1 - y) * width + (width - 1 - x)] = p;
                    default -> dst[(width - 1 - x) * outWidth + y] = p;
                }
            }
        }
        return out.image();
    }
}
