package dev.pixelstep.operations.geometry;

import dev.pixelstep.operations.raster.IntImage;
import dev.pixelstep.operations.raster.Resampler;
import dev.pixelstep.spi.ImageOperation;
import dev.pixelstep.spi.OperationCost;
import dev.pixelstep.spi.ImageSize;
import dev.pixelstep.spi.param.BooleanParameter;
import dev.pixelstep.spi.param.IntParameter;
import dev.pixelstep.spi.param.Parameter;
import dev.pixelstep.spi.param.Parameters;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * {@code resize(width=800, height=600, enlarge=false)}: scales the image to fit within a
 * width x height box, keeping its aspect ratio (each side rounded, at least 1 pixel). Omitted
 * sides do not limit: {@code resize(width=800)} gives a width of 800. It never enlarges unless
 * {@code enlarge=true}. Antialiased bilinear resampling; alpha is kept.
 */
public final class Resize implements ImageOperation {

    /** The largest box side; also the default, meaning "no limit". */
    public static final int MAX = 8192;

    /** Width of the box. */
    public static final IntParameter WIDTH = IntParameter.of("width", MAX, 1, MAX, "px",
            "largest width of the result; no limit by default");
    /** Height of the box. */
    public static final IntParameter HEIGHT = IntParameter.of("height", MAX, 1, MAX, "px",
            "largest height of the result; no limit by default");
    /** Whether a smaller image is scaled up to the box. */
    public static final BooleanParameter ENLARGE = BooleanParameter.of("enlarge", false,
            "scale smaller images up to the box too");

    @Override
    public String name() {
        return "resize";
    }

    @Override
    public String description() {
        return "Scales the image to fit within a box, keeping its proportions.";
    }

    /**
     * Each output pixel reads about as many source pixels as the source has per output pixel,
     * so shrinking costs in proportion to the ratio; the copy of the source, the intermediate
     * (four floats per pixel, source height by output width), the result twice and the filter weights.
     */
    @Override
    public OperationCost cost(ImageSize source, Parameters parameters) {
        ImageSize out = outputSize(source, parameters);
        if (out.equals(source)) {
            return OperationCost.POINT; // a copy
        }
        double ratio = (double) source.pixels() / out.pixels();
        return new OperationCost(16 + 5 * ratio, 4 * ratio + 16.0 * source.height() / out.height() + 12);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(WIDTH, HEIGHT, ENLARGE);
    }

    @Override
    public ImageSize outputSize(ImageSize source, Parameters parameters) {
        double scale = Math.min((double) parameters.get(WIDTH) / source.width(),
                (double) parameters.get(HEIGHT) / source.height());
        if (!parameters.get(ENLARGE)) {
            scale = Math.min(1, scale);
        }
        int width = (int) Math.max(1, Math.min(parameters.get(WIDTH), Math.round(source.width() * scale)));
        int height = (int) Math.max(1, Math.min(parameters.get(HEIGHT), Math.round(source.height() * scale)));
        return new ImageSize(width, height);
    }

    @Override
    public BufferedImage apply(BufferedImage source, Parameters parameters) {
        IntImage in = IntImage.copyOf(source, true);
        ImageSize size = outputSize(ImageSize.of(source), parameters);
        if (size.equals(ImageSize.of(source))) {
            return in.image();
        }
        IntImage out = IntImage.blank(size.width(), size.height(), in.hasAlpha());
        int[] pixels = Resampler.resample(in.pixels(), in.width(), in.height(), size.width(), size.height(), in.hasAlpha());
        System.arraycopy(pixels, 0, out.pixels(), 0, pixels.length);
        return out.image();
    }
}
