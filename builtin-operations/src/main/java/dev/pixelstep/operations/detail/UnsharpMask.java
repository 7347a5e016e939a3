package dev.pixelstep.operations.detail;

import dev.pixelstep.operations.raster.BlurCost;
import dev.pixelstep.operations.raster.ChannelPairTable;
import dev.pixelstep.operations.raster.Clamp;
import dev.pixelstep.operations.raster.IntImage;
import dev.pixelstep.operations.raster.SeparableGaussian;
import dev.pixelstep.spi.ImageOperation;
import dev.pixelstep.spi.ImageSize;
import dev.pixelstep.spi.OperationCost;
import dev.pixelstep.spi.param.DoubleParameter;
import dev.pixelstep.spi.param.IntParameter;
import dev.pixelstep.spi.param.Parameter;
import dev.pixelstep.spi.param.Parameters;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * {@code unsharp-mask(radius=2, amount=1, threshold=3)}: the classic darkroom (and GIMP)
 * unsharp mask. Per channel, with d = c - blur(c) (the Gaussian of {@code blur}, radius = sigma):
 * c' = c + amount * d where |d| &gt; threshold, c' = c elsewhere, so that low-contrast texture and
 * noise below the threshold are left alone while edges get crisper. Every pixel keeps its alpha.
 * With threshold 0 it is {@code sharpen}.
 */
public final class UnsharpMask implements ImageOperation {

    /** The scale of the detail that is enhanced. */
    public static final DoubleParameter RADIUS = DoubleParameter.of("radius", 2, 0.5, 20, "px",
            "the size of the detail to enhance (sigma of the Gaussian)");
    /** How strongly. */
    public static final DoubleParameter AMOUNT = DoubleParameter.of("amount", 1, 0, 5, "",
            "how much of the detail is added back: 0 changes nothing, 1 doubles it");
    /** The smallest difference that is enhanced. */
    public static final IntParameter THRESHOLD = IntParameter.of("threshold", 3, 0, 255, "levels",
            "differences from the blurred image up to this many levels are left alone");

    @Override
    public String name() {
        return "unsharp-mask";
    }

    @Override
    public String description() {
        return "Sharpens edges but leaves differences below a threshold (noise, skin texture) alone.";
    }

    /**
     * The blur of {@code blur} on the colour channels (as {@code sharpen}: up to sigma 4 its work
     * grows with the kernel's taps, above it does not except for the padding), then one parallel
     * pass that compares and sharpens in place ({@link BlurCost}, the pass 2 units more than
     * sharpen's). Bytes: the result and the blur's buffers.
     */
    @Override
    public OperationCost cost(ImageSize source, Parameters parameters) {
        return BlurCost.of(source, parameters.get(RADIUS), 2, 0);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(RADIUS, AMOUNT, THRESHOLD);
    }

    @Override
    public BufferedImage apply(BufferedImage source, Parameters parameters) {
        int[] in = IntImage.readable(source);
        IntImage out = IntImage.blankLike(source, true);
        int[] px = out.pixels();
        SeparableGaussian.blur(in, px, out.width(), out.height(), parameters.get(RADIUS), SeparableGaussian.Mode.RGB);
        int k = (int) Math.round(parameters.get(AMOUNT) * 256);
        int threshold = parameters.get(THRESHOLD);
        ChannelPairTable.of((c, blurred) -> sharpen(c, blurred, k, threshold)).apply(in, px, px);
        return out.image();
    }

    private static int sharpen(int c, int blurred, int k, int threshold) {
        int d = c - blurred;
        return d > threshold || -d > threshold ? Clamp.channel(c + ((d * k + 128) >> 8)) : c;
    }
}
