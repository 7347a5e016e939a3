package dev.pixelstep.operations.geometry;

import dev.pixelstep.operations.raster.IntImage;
import dev.pixelstep.spi.ImageOperation;
import dev.pixelstep.spi.OperationCost;
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

    private static final int TILE = 64;

    @Override
    public String name() {
        return "rotate";
    }

    @Override
    public String description() {
        return "Turns the image clockwise by 90, 180 or 270 degrees, exactly.";
    }

    /**
     * One pass from the source into the result, on one thread: a half turn in reverse order (1.1-1.2
     * units measured), a quarter turn tile by tile, whose writes stride across rows (3.6-4.9); the result.
     */
    @Override
    public OperationCost cost(ImageSize source, Parameters parameters) {
        return new OperationCost(parameters.get(ANGLE).equals("180") ? 1.2 : 4.5, 4);
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
        int width = source.getWidth();
        int height = source.getHeight();
        ImageSize size = outputSize(ImageSize.of(source), parameters);
        IntImage out = IntImage.blank(size.width(), size.height(), IntImage.hasAlpha(source, true));
        int[] src = IntImage.readable(source);
        int[] dst = out.pixels();
        switch (angle) {
            case "180" -> {
                for (int i = 0, j = src.length - 1; i < src.length; i++, j--) {
                    dst[j] = src[i];
                }
            }
            case "90" -> quarterTurn(src, dst, width, height, true);
            default -> quarterTurn(src, dst, width, height, false);
        }
        return out.image();
    }

    /** A quarter turn in 64x64 tiles, so that reads and writes both stay in cache. */
    private static void quarterTurn(int[] src, int[] dst, int width, int height, boolean clockwise) {
        int outWidth = height;
        for (int ty = 0; ty < height; ty += TILE) {
            int yEnd = Math.min(height, ty + TILE);
            for (int tx = 0; tx < width; tx += TILE) {
                int xEnd = Math.min(width, tx + TILE);
                for (int y = ty; y < yEnd; y++) {
                    for (int x = tx, i = y * width + tx; x < xEnd; x++, i++) {
                        int target = clockwise ? x * outWidth + (height - 1 - y) : (width - 1 - x) * outWidth + y;
                        dst[target] = src[i];
                    }
                }
            }
        }
    }
}
