package dev.pixelstep.operations.geometry;

import dev.pixelstep.operations.raster.Bands;
import dev.pixelstep.operations.raster.IntImage;
import dev.pixelstep.spi.ImageOperation;
import dev.pixelstep.spi.ImageSize;
import dev.pixelstep.spi.OperationCost;
import dev.pixelstep.spi.param.ColorParameter;
import dev.pixelstep.spi.param.IntParameter;
import dev.pixelstep.spi.param.Parameter;
import dev.pixelstep.spi.param.Parameters;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * {@code extend(top=0, right=0, bottom=0, left=0, background=black)}: adds borders of the given
 * widths in pixels, filled with {@code background} (sharp's {@code extend}, imgproxy's
 * {@code padding}). The image is copied unchanged into the larger canvas; the background keeps its
 * alpha on an image with alpha and is opaque on one without.
 */
public final class Extend implements ImageOperation {

    /** The widest border. */
    public static final int MAX = 2048;

    /** Border above. */
    public static final IntParameter TOP = IntParameter.of("top", 0, 0, MAX, "px", "rows added above");
    /** Border on the right. */
    public static final IntParameter RIGHT = IntParameter.of("right", 0, 0, MAX, "px", "columns added on the right");
    /** Border below. */
    public static final IntParameter BOTTOM = IntParameter.of("bottom", 0, 0, MAX, "px", "rows added below");
    /** Border on the left. */
    public static final IntParameter LEFT = IntParameter.of("left", 0, 0, MAX, "px", "columns added on the left");
    /** The borders' colour. */
    public static final ColorParameter BACKGROUND = ColorParameter.of("background", Color.BLACK, "colour of the added borders");

    @Override
    public String name() {
        return "extend";
    }

    @Override
    public String description() {
        return "Adds borders of a colour around the image (padding).";
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(TOP, RIGHT, BOTTOM, LEFT, BACKGROUND);
    }

    @Override
    public ImageSize outputSize(ImageSize source, Parameters parameters) {
        return new ImageSize(source.width() + parameters.get(LEFT) + parameters.get(RIGHT),
                source.height() + parameters.get(TOP) + parameters.get(BOTTOM));
    }

    /** Fills the borders and copies the image's rows, each output pixel written once (about 2 units); the result. */
    @Override
    public OperationCost cost(ImageSize source, Parameters parameters) {
        return new OperationCost(2, 4);
    }

    @Override
    public BufferedImage apply(BufferedImage source, Parameters parameters) {
        ImageSize out = outputSize(ImageSize.of(source), parameters);
        boolean alpha = IntImage.hasAlpha(source, true);
        int[] in = IntImage.readable(source);
        IntImage result = IntImage.blank(out.width(), out.height(), alpha);
        int[] px = result.pixels();
        int background = alpha ? parameters.get(BACKGROUND).getRGB() : parameters.get(BACKGROUND).getRGB() | 0xff000000;
        int sw = source.getWidth();
        int sh = source.getHeight();
        int top = parameters.get(TOP);
        int left = parameters.get(LEFT);
        int ow = out.width();
        Bands.run(out.height(), out.pixels(), (from, to) -> {
            for (int y = from; y < to; y++) {
                int row = y * ow;
                int sy = y - top;
                if (sy < 0 || sy >= sh) {
                    java.util.Arrays.fill(px, row, row + ow, background);
                    continue;
                }
                java.util.Arrays.fill(px, row, row + left, background);
                System.arraycopy(in, sy * sw, px, row + left, sw);
                if (!alpha) {
                    for (int i = row + left; i < row + left + sw; i++) {
                        px[i] |= 0xff000000;
                    }
                }
                java.util.Arrays.fill(px, row + left + sw, row + ow, background);
            }
        });
        return result.image();
    }
}
