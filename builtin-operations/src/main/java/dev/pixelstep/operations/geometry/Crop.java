package dev.pixelstep.operations.geometry;

import dev.pixelstep.operations.raster.IntImage;
import dev.pixelstep.spi.ImageOperation;
import dev.pixelstep.spi.OperationCost;
import dev.pixelstep.spi.ImageSize;
import dev.pixelstep.spi.param.IntParameter;
import dev.pixelstep.spi.param.Parameter;
import dev.pixelstep.spi.param.Parameters;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * {@code crop(x=0, y=0, width=..., height=...)}: keeps the rectangle whose top-left corner is
 * (x, y), in pixels. The rectangle is clipped to the image: a corner beyond the image moves to
 * its last row or column, and the default width and height reach the right and bottom edges, so
 * the result always has at least one pixel. Alpha is kept.
 */
public final class Crop implements ImageOperation {

    /** The largest coordinate or side; also the default side, meaning "to the edge". */
    public static final int MAX = 65535;

    /** Left edge of the kept rectangle. */
    public static final IntParameter X = IntParameter.of("x", 0, 0, MAX, "px", "left edge of the rectangle to keep");
    /** Top edge of the kept rectangle. */
    public static final IntParameter Y = IntParameter.of("y", 0, 0, MAX, "px", "top edge of the rectangle to keep");
    /** Width of the kept rectangle. */
    public static final IntParameter WIDTH = IntParameter.of("width", MAX, 1, MAX, "px",
            "width of the rectangle to keep; by default up to the right edge");
    /** Height of the kept rectangle. */
    public static final IntParameter HEIGHT = IntParameter.of("height", MAX, 1, MAX, "px",
            "height of the rectangle to keep; by default down to the bottom edge");

    @Override
    public String name() {
        return "crop";
    }

    @Override
    public String description() {
        return "Keeps a rectangle of the image, given in pixels.";
    }

    /**
     * Copies the kept rectangle through a sub-image view of the source, on one thread (2.9-4.0
     * units measured, the most with alpha); the result.
     */
    @Override
    public OperationCost cost(ImageSize source, Parameters parameters) {
        return new OperationCost(4, 4);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(X, Y, WIDTH, HEIGHT);
    }

    @Override
    public ImageSize outputSize(ImageSize source, Parameters parameters) {
        int x = left(source, parameters);
        int y = top(source, parameters);
        return new ImageSize(Math.min(parameters.get(WIDTH), source.width() - x),
                Math.min(parameters.get(HEIGHT), source.height() - y));
    }

    @Override
    public BufferedImage apply(BufferedImage source, Parameters parameters) {
        ImageSize whole = ImageSize.of(source);
        int x = left(whole, parameters);
        int y = top(whole, parameters);
        ImageSize size = outputSize(whole, parameters);
        // converts only the kept rectangle (a view of the source, read once, never written)
        return IntImage.copyOf(source.getSubimage(x, y, size.width(), size.height()), true).image();
    }

    private static int left(ImageSize source, Parameters parameters) {
        return Math.min(parameters.get(X), source.width() - 1);
    }

    private static int top(ImageSize source, Parameters parameters) {
        return Math.min(parameters.get(Y), source.height() - 1);
    }
}
