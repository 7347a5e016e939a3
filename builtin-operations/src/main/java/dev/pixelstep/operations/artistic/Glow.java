package dev.pixelstep.operations.artistic;

import dev.pixelstep.operations.raster.BlurCost;
import dev.pixelstep.operations.raster.ChannelPairTable;
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
 * {@code glow(radius=8, amount=0.6)}: a soft glow (the "Orton" effect): the image screened with its
 * own blur, per channel c' = 255 - (255 - c)(255 - amount * blur(c)) / 255, so light areas bloom
 * into their surroundings and nothing gets darker. Every pixel keeps its alpha.
 */
public final class Glow implements ImageOperation {

    /** The glow's spread. */
    public static final DoubleParameter RADIUS = DoubleParameter.of("radius", 8, 0.5, 50, "px", "how far the glow spreads (sigma)");
    /** The glow's strength. */
    public static final DoubleParameter AMOUNT = DoubleParameter.of("amount", 0.6, 0, 1, "", "0 changes nothing, 1 the strongest glow");

    @Override
    public String name() {
        return "glow";
    }

    @Override
    public String description() {
        return "Makes light areas glow softly into their surroundings (screen with its own blur).";
    }

    /** One blur of the colour channels and one screen pass ({@link BlurCost}, the pass 7 units: 47.8 measured in all). */
    @Override
    public OperationCost cost(ImageSize source, Parameters parameters) {
        return BlurCost.of(source, parameters.get(RADIUS), 7, 0);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(RADIUS, AMOUNT);
    }

    @Override
    public BufferedImage apply(BufferedImage source, Parameters parameters) {
        int[] in = IntImage.readable(source);
        IntImage out = IntImage.blankLike(source, true);
        int[] px = out.pixels();
        SeparableGaussian.blur(in, px, out.width(), out.height(), parameters.get(RADIUS), SeparableGaussian.Mode.RGB);
        int k = (int) Math.round(parameters.get(AMOUNT) * 256);
        ChannelPairTable.of((c, blurred) -> screen(c, blurred, k)).apply(in, px, px);
        return out.image();
    }

    private static int screen(int c, int blurred, int k) {
        int glow = (blurred * k + 128) >> 8;
        return 255 - ((255 - c) * (255 - glow) + 127) / 255;
    }
}
