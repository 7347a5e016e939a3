package dev.pixelstep.operations.geometry;

import dev.pixelstep.operations.raster.IntImage;
import dev.pixelstep.spi.ImageOperation;
import dev.pixelstep.spi.ImageSize;
import dev.pixelstep.spi.OperationCost;
import dev.pixelstep.spi.param.ChoiceParameter;
import dev.pixelstep.spi.param.IntParameter;
import dev.pixelstep.spi.param.Parameter;
import dev.pixelstep.spi.param.Parameters;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * {@code smart-crop(width=256, height=256, method=attention)}: keeps the width x height rectangle
 * (cut back to the image) that shows the most, without scaling: by {@code entropy} (the most
 * varied tones) or {@code attention} (local contrast, saturation and skin tones), as found by
 * {@link Focus} on a grid of at most 128 cells a side. Equal scores keep the centre. Alpha is
 * kept.
 */
public final class SmartCrop implements ImageOperation {

    /** Width of the kept rectangle. */
    public static final IntParameter WIDTH = IntParameter.of("width", 256, 1, Crop.MAX, "px",
            "width of the rectangle to keep (at most the image's)");
    /** Height of the kept rectangle. */
    public static final IntParameter HEIGHT = IntParameter.of("height", 256, 1, Crop.MAX, "px",
            "height of the rectangle to keep (at most the image's)");
    /** How interest is measured. */
    public static final ChoiceParameter METHOD = ChoiceParameter.of("method", "attention", List.of("attention", "entropy"),
            "attention: local contrast, saturation and skin tones; entropy: the most varied tones");

    @Override
    public String name() {
        return "smart-crop";
    }

    @Override
    public String description() {
        return "Keeps the rectangle of the given size that shows the most (entropy or attention).";
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(WIDTH, HEIGHT, METHOD);
    }

    @Override
    public ImageSize outputSize(ImageSize source, Parameters parameters) {
        return new ImageSize(Math.min(source.width(), parameters.get(WIDTH)), Math.min(source.height(), parameters.get(HEIGHT)));
    }

    /**
     * Work: the focus analysis reads every source pixel once into its grid (about 3 units a source
     * pixel) plus the copy of the kept rectangle (4 units); both per output pixel, so a small crop
     * of a large image costs the source's pixels. Bytes: the result and the analysis's grids
     * ({@link Focus#workingBytes}).
     */
    @Override
    public OperationCost cost(ImageSize source, Parameters parameters) {
        ImageSize out = outputSize(source, parameters);
        double ratio = (double) source.pixels() / out.pixels();
        return new OperationCost(4 + 3 * ratio, 4 + (double) Focus.workingBytes(source.width(), source.height()) / out.pixels());
    }

    @Override
    public BufferedImage apply(BufferedImage source, Parameters parameters) {
        ImageSize out = outputSize(ImageSize.of(source), parameters);
        int[] in = IntImage.readable(source);
        int[] at = Focus.best(in, source.getWidth(), source.getHeight(), out.width(), out.height(), parameters.get(METHOD));
        IntImage result = IntImage.blank(out.width(), out.height(), IntImage.hasAlpha(source, true));
        int[] px = result.pixels();
        for (int y = 0; y < out.height(); y++) {
            System.arraycopy(in, (at[1] + y) * source.getWidth() + at[0], px, y * out.width(), out.width());
        }
        if (!result.hasAlpha()) {
            for (int i = 0; i < px.length; i++) {
                px[i] |= 0xff000000;
            }
        }
        return result.image();
    }
}
