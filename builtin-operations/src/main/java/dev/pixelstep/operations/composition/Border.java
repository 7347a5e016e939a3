package dev.pixelstep.operations.composition;

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
import java.util.Arrays;
import java.util.List;

/**
 * {@code border(width=10, colour=black)}: surrounds the image with a frame {@code width} pixels
 * wide on every side, so the result is (w + 2 width) x (h + 2 width) with the source unchanged in
 * the middle. On a source with alpha the frame has the colour's alpha; on an opaque source the
 * colour is composited onto white (what a JPEG shows of it).
 */
public final class Border implements ImageOperation {

    /** The frame's width. */
    public static final IntParameter WIDTH = IntParameter.of("width", 10, 0, 1000, "px", "width of the frame on every side");
    /** The frame's colour. */
    public static final ColorParameter COLOUR = ColorParameter.of("colour", Color.BLACK, "colour of the frame");

    @Override
    public String name() {
        return "border";
    }

    @Override
    public String description() {
        return "Adds a solid frame of a given width and colour around the image.";
    }

    @Override
    public ImageSize outputSize(ImageSize source, Parameters parameters) {
        int b = parameters.get(WIDTH);
        return new ImageSize(source.width() + 2 * b, source.height() + 2 * b);
    }

    /** A fill and a row copy per output pixel, in parallel bands: declared 2 units; the result. */
    @Override
    public OperationCost cost(ImageSize source, Parameters parameters) {
        return new OperationCost(2, 4);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(WIDTH, COLOUR);
    }

    @Override
    public BufferedImage apply(BufferedImage source, Parameters parameters) {
        int b = parameters.get(WIDTH);
        boolean alpha = IntImage.hasAlpha(source, true);
        int frame = argb(parameters.get(COLOUR), alpha);
        int[] in = IntImage.readable(source);
        int w = source.getWidth();
        int h = source.getHeight();
        IntImage out = IntImage.blank(w + 2 * b, h + 2 * b, alpha);
        int[] px = out.pixels();
        int ow = out.width();
        Bands.run(out.height(), px.length, (from, to) -> {
            for (int y = from; y < to; y++) {
                int row = y * ow;
                if (y < b || y >= b + h) {
                    Arrays.fill(px, row, row + ow, frame);
                } else {
                    Arrays.fill(px, row, row + b, frame);
                    System.arraycopy(in, (y - b) * w, px, row + b, w);
                    Arrays.fill(px, row + b + w, row + ow, frame);
                }
            }
        });
        return out.image();
    }

    /** The colour as a pixel: as it is with alpha, composited onto white without. */
    static int argb(Color colour, boolean alpha) {
        int a = colour.getAlpha();
        if (alpha || a == 255) {
            return colour.getRGB() | (alpha ? 0 : 0xff000000);
        }
        int r = (colour.getRed() * a + 255 * (255 - a) + 127) / 255;
        int g = (colour.getGreen() * a + 255 * (255 - a) + 127) / 255;
        int bl = (colour.getBlue() * a + 255 * (255 - a) + 127) / 255;
        return 0xff000000 | r << 16 | g << 8 | bl;
    }
}
