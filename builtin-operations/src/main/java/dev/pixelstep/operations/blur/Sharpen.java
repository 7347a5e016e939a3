package dev.pixelstep.operations.blur;

import dev.pixelstep.operations.raster.BlurCost;
import dev.pixelstep.operations.raster.ChannelPairTable;
import dev.pixelstep.operations.raster.Clamp;
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
 * {@code sharpen(amount=1, radius=1)}: an unsharp mask, c' = c + amount * (c - blur(c)), with the
 * Gaussian of {@link GaussianBlur} (radius = sigma). Flat areas stay as they are; every pixel keeps
 * its alpha.
 */
public final class Sharpen implements ImageOperation {

    /** How strongly edges are enhanced. */
    public static final DoubleParameter AMOUNT = DoubleParameter.of("amount", 1, 0, 5, "",
            "how much of the detail is added back: 0 changes nothing, 1 doubles it");

    /** The scale of the detail that is enhanced. */
    public static final DoubleParameter RADIUS = DoubleParameter.of("radius", 1, 0.5, 20, "px",
            "the size of the detail to enhance (sigma of the Gaussian)");

    @Override
    public String name() {
        return "sharpen";
    }

    @Override
    public String description() {
        return "Makes edges crisper (unsharp mask).";
    }

    /**
     * The blur of {@link GaussianBlur} on the colour channels (alpha is kept, so an image with
     * alpha costs the same as an opaque one), then one pass that sharpens the result in place.
     * Work: up to sigma 4 it grows with the kernel's {@code 2 ceil(3 sigma) + 1} taps, above it
     * is the same for any sigma except for the padding ({@link SeparableGaussian#padding}). Bytes:
     * the result and the blur's buffers ({@link SeparableGaussian#workingBytes}): {@link BlurCost} with no further pass.
     */
    @Override
    public OperationCost cost(ImageSize source, Parameters parameters) {
        return BlurCost.of(source, parameters.get(RADIUS), 0, 0);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(AMOUNT, RADIUS);
    }

    @Override
    public BufferedImage apply(BufferedImage source, Parameters parameters) {
        int[] in = IntImage.readable(source);
        IntImage out = IntImage.blankLike(source, true);
        int[] px = out.pixels();
        // the blur goes straight into the result, which is then sharpened in place: no third image
        SeparableGaussian.blur(in, px, out.width(), out.height(), parameters.get(RADIUS), SeparableGaussian.Mode.RGB);
        int k = (int) Math.round(parameters.get(AMOUNT) * 256);
        ChannelPairTable.of((c, blurred) -> sharpen(c, blurred, k)).apply(in, px, px);
        return out.image();
    }

    private static int sharpen(int c, int blurred, int k) {
        return Clamp.channel(c + (((c - blurred) * k + 128) >> 8));
    }
}
