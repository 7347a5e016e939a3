package dev.pixelstep.operations.blur;

import dev.pixelstep.operations.raster.GaussianKernel;
import dev.pixelstep.operations.raster.IntImage;
import dev.pixelstep.operations.raster.SeparableGaussian;
import dev.pixelstep.spi.ImageOperation;
import dev.pixelstep.spi.ImageSize;
import dev.pixelstep.spi.OperationCost;
import dev.pixelstep.spi.param.DoubleParameter;
import dev.pixelstep.spi.param.Parameter;
import dev.pixelstep.spi.param.Parameters;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * {@code blur(radius=3)}: a Gaussian blur whose {@code radius} is the standard deviation sigma in
 * pixels, as in CSS {@code blur()} and Pillow's {@code GaussianBlur(radius)}. Up to sigma 4 the
 * exact separable kernel (reaching 3 sigma); above it three stacked box filters per direction,
 * whose cost does not grow with the radius, within the tolerance {@link SeparableGaussian}
 * documents. Integer arithmetic, edges extended. Images with alpha are blurred premultiplied,
 * alpha included.
 */
public final class GaussianBlur implements ImageOperation {

    /** The standard deviation of the Gaussian, in pixels. */
    public static final DoubleParameter RADIUS = DoubleParameter.of("radius", 3, 0.5, 100, "px",
            "how far the blur spreads: the Gaussian's standard deviation (sigma)");

    @Override
    public String name() {
        return "blur";
    }

    @Override
    public String description() {
        return "Softens the image with a Gaussian blur.";
    }

    /**
     * Two passes (rows, then columns) of a kernel of {@code 2 ceil(3 radius) + 1} taps over three
     * or four channels, so the work grows with the radius; the copy, the result and one {@code int}
     * plane per channel (four with alpha).
     */
    @Override
    public OperationCost cost(ImageSize source, Parameters parameters) {
        int taps = 2 * GaussianKernel.of(Math.min(parameters.get(RADIUS), SeparableGaussian.EXACT_UP_TO)).half() + 1;
        return new OperationCost(7 + 1.15 * taps, 24);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(RADIUS);
    }

    @Override
    public BufferedImage apply(BufferedImage source, Parameters parameters) {
        IntImage out = IntImage.blankLike(source, true);
        SeparableGaussian.blur(IntImage.readable(source), out.pixels(), out.width(), out.height(), parameters.get(RADIUS),
                out.hasAlpha() ? SeparableGaussian.Mode.PREMULTIPLIED : SeparableGaussian.Mode.RGB);
        return out.image();
    }
}
