package dev.pixelstep.operations.artistic;

import dev.pixelstep.operations.raster.Bands;
import dev.pixelstep.operations.raster.BlurCost;
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
 * {@code pencil-sketch(radius=6)}: a grey pencil drawing. With g the luma (BT.601) and b the blur
 * of its negative 255 - g, the result is the colour dodge g' = min(255, 255 g / (255 - b)): flat
 * areas turn white, edges (where g and its blurred negative do not cancel) stay as dark strokes
 * whose width grows with the radius. Every pixel keeps its alpha.
 */
public final class PencilSketch implements ImageOperation {

    /** The strokes' width. */
    public static final DoubleParameter RADIUS = DoubleParameter.of("radius", 6, 0.5, 30, "px", "width of the strokes (sigma of the blur)");

    @Override
    public String name() {
        return "pencil-sketch";
    }

    @Override
    public String description() {
        return "Turns the image into a grey pencil drawing (colour dodge of its blurred negative).";
    }

    /** A luma pass, one blur of one channel (declared as three), a dodge pass; the negative besides the result. */
    @Override
    public OperationCost cost(ImageSize source, Parameters parameters) {
        return BlurCost.of(source, parameters.get(RADIUS), 6, 4);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(RADIUS);
    }

    @Override
    public BufferedImage apply(BufferedImage source, Parameters parameters) {
        int[] in = IntImage.readable(source);
        IntImage out = IntImage.blankLike(source, true);
        int[] px = out.pixels();
        int[] negative = new int[px.length];
        Bands.run(px.length, px.length, (from, to) -> {
            for (int i = from; i < to; i++) {
                int n = 255 - luma(in[i]);
                negative[i] = n << 16 | n << 8 | n;
            }
        });
        SeparableGaussian.blur(negative, px, out.width(), out.height(), parameters.get(RADIUS), SeparableGaussian.Mode.RGB);
        Bands.run(px.length, px.length, (from, to) -> {
            for (int i = from; i < to; i++) {
                int g = 255 - (negative[i] & 0xff);
                int b = px[i] & 0xff;
                int v = b >= 255 ? 255 : Math.min(255, (g * 255 + (255 - b) / 2) / (255 - b));
                px[i] = (in[i] & 0xff000000) | v << 16 | v << 8 | v;
            }
        });
        return out.image();
    }

    static int luma(int p) {
        return (77 * ((p >> 16) & 0xff) + 150 * ((p >> 8) & 0xff) + 29 * (p & 0xff) + 128) >> 8;
    }
}
