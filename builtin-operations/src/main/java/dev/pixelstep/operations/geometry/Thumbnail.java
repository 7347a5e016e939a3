package dev.pixelstep.operations.geometry;

import dev.pixelstep.spi.ImageOperation;
import dev.pixelstep.spi.ImageSize;
import dev.pixelstep.spi.OperationCost;
import dev.pixelstep.spi.param.IntParameter;
import dev.pixelstep.spi.param.Parameter;
import dev.pixelstep.spi.param.Parameters;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

/**
 * {@code thumbnail(size=256)}: the image scaled so that its longer side is {@code size} pixels,
 * aspect kept, as libvips' {@code thumbnail} does by default: exactly
 * {@code resize(width=size, height=size, fit=inside)} (lanczos3, enlarging too), which it applies;
 * a shorthand composed of another operation.
 */
public final class Thumbnail implements ImageOperation {

    /** The longer side of the result. */
    public static final IntParameter SIZE = IntParameter.of("size", 256, 1, Resize.MAX, "px", "longer side of the result");

    private final Resize resize = new Resize();

    @Override
    public String name() {
        return "thumbnail";
    }

    @Override
    public String description() {
        return "Scales the image so that its longer side has the given size.";
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(SIZE);
    }

    private Parameters asResize(Parameters parameters) {
        int size = parameters.get(SIZE);
        return Parameters.of(resize, Map.of("width", size, "height", size));
    }

    @Override
    public ImageSize outputSize(ImageSize source, Parameters parameters) {
        return resize.outputSize(source, asResize(parameters));
    }

    /** The resize's cost ({@link Resize#cost}). */
    @Override
    public OperationCost cost(ImageSize source, Parameters parameters) {
        return resize.cost(source, asResize(parameters));
    }

    @Override
    public BufferedImage apply(BufferedImage source, Parameters parameters) {
        return resize.apply(source, asResize(parameters));
    }
}
