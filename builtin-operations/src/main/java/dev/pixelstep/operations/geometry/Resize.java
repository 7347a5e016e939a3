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
     * Separable resampling with a triangle filter as wide as the scale, on one thread: each output
     * pixel costs the taps of both passes, {@code sy (2 max(1, sx) + 1) + 2 max(1, sy) + 1} for
     * scales {@code sx, sy} (source over output side), about 4 units each (measured from 4.5 taps
     * to 560, a little less per tap the more there are). Bytes: the copy of the source ({@code 4
     * sx sy} an output pixel), the intermediate (four floats by source height and output width:
     * {@code 16 sy}), the result twice, and the filter weights of every output column and row. An
     * unchanged size is a copy.
     */
    @Override
    public OperationCost cost(ImageSize source, Parameters parameters) {
        ImageSize out = outputSize(source, parameters);
        if (out.equals(source)) {
            return OperationCost.POINT; // a copy
        }
        double sx = (double) source.width() / out.width();
        double sy = (double) source.height() / out.height();
        double taps = sy * (2 * Math.max(1, sx) + 1) + 2 * Math.max(1, sy) + 1;
        double weights = out.width() * (24 * Math.max(1, sx) + 64) + out.height() * (24 * Math.max(1, sy) + 64);
        return new OperationCost(15 + 4 * taps, 4 * sx * sy + 16 * sy + 12 + weights / out.pixels());
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
