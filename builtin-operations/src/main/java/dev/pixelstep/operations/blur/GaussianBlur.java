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
     * Work: up to sigma 4 the exact kernel, whose work grows with its {@code 2 ceil(3 sigma) + 1}
     * taps; above, three box passes, whose work per pixel is the same for any sigma except for
     * the padding of lines and columns by about 3 sigma ({@link SeparableGaussian#padding}), which
     * dominates on images not much larger than that. Images with alpha are blurred premultiplied,
     * four channels in longs, and cost 1.5 to 1.8 times opaque ones; the cost cannot tell which it
     * gets and declares alpha. Bytes: the result and the kernel's buffers
     * ({@link SeparableGaussian#workingBytes}), the larger of opaque and alpha.
     */
    @Override
    public OperationCost cost(ImageSize source, Parameters parameters) {
        double sigma = parameters.get(RADIUS);
        double work = sigma <= SeparableGaussian.EXACT_UP_TO ? 8 + 2.6 * (2 * GaussianKernel.of(sigma).half() + 1)
                : 64 + 7 * SeparableGaussian.padding(source.width(), source.height(), sigma);
        long buffers = Math.max(SeparableGaussian.workingBytes(source.width(), source.height(), sigma, SeparableGaussian.Mode.RGB),
                SeparableGaussian.workingBytes(source.width(), source.height(), sigma, SeparableGaussian.Mode.PREMULTIPLIED));
        return new OperationCost(work, 4 + (double) buffers / source.pixels());
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
