package dev.pixelstep.operations.artistic;

import dev.pixelstep.operations.raster.Bands;
import dev.pixelstep.operations.raster.BlurCost;
import dev.pixelstep.operations.raster.IntImage;
import dev.pixelstep.operations.raster.SeparableGaussian;
import dev.pixelstep.spi.ImageOperation;
import dev.pixelstep.spi.ImageSize;
import dev.pixelstep.spi.OperationCost;
import dev.pixelstep.spi.param.IntParameter;
import dev.pixelstep.spi.param.Parameter;
import dev.pixelstep.spi.param.Parameters;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * {@code cartoon(levels=6, edges=24)}: flat colours with dark outlines (posterised edges). The
 * image is smoothed (Gaussian, sigma 1.5) and each channel quantised to {@code levels} evenly spaced
 * values; where the Sobel gradient of the smoothed luma, (|gx| + |gy|) / 8 in levels (about 56 on a step from black to white), exceeds
 * {@code edges}, the pixel is drawn black (fading over 16 levels above the threshold, so outlines
 * are anti-aliased). Edges are extended; every pixel keeps its alpha.
 */
public final class Cartoon implements ImageOperation {

    /** Colour levels per channel. */
    public static final IntParameter LEVELS = IntParameter.of("levels", 6, 2, 32, "", "colour levels per channel");
    /** The outline threshold. */
    public static final IntParameter EDGES = IntParameter.of("edges", 24, 1, 255, "levels",
            "gradient above which outlines are drawn: lower draws more of them");

    private static final double SMOOTHING = 1.5;

    @Override
    public String name() {
        return "cartoon";
    }

    @Override
    public String description() {
        return "Makes the image look like a cartoon: flat colour areas with dark outlines.";
    }

    /** One blur of sigma 1.5, a luma pass, a Sobel and quantising pass (12 units); the luma. */
    @Override
    public OperationCost cost(ImageSize source, Parameters parameters) {
        return BlurCost.of(source, SMOOTHING, 14, 4);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(LEVELS, EDGES);
    }

    @Override
    public BufferedImage apply(BufferedImage source, Parameters parameters) {
        int levels = parameters.get(LEVELS);
        int edges = parameters.get(EDGES);
        int[] in = IntImage.readable(source);
        IntImage out = IntImage.blankLike(source, true);
        int[] px = out.pixels();
        int w = out.width();
        int h = out.height();
        SeparableGaussian.blur(in, px, w, h, SMOOTHING, SeparableGaussian.Mode.RGB);
        int[] luma = new int[px.length];
        Bands.run(px.length, px.length, (from, to) -> {
            for (int i = from; i < to; i++) {
                luma[i] = PencilSketch.luma(px[i]);
            }
        });
        int[] quantised = new int[256];
        for (int v = 0; v < 256; v++) {
            quantised[v] = Math.round(Math.round(v * (levels - 1) / 255.0) * 255f / (levels - 1));
        }
        Bands.run(h, (long) w * h, (from, to) -> {
            for (int y = from; y < to; y++) {
                int up = Math.max(0, y - 1) * w;
                int row = y * w;
                int down = Math.min(h - 1, y + 1) * w;
                for (int x = 0; x < w; x++) {
                    int l = Math.max(0, x - 1);
                    int r = Math.min(w - 1, x + 1);
                    int gx = luma[up + r] + 2 * luma[row + r] + luma[down + r] - luma[up + l] - 2 * luma[row + l] - luma[down + l];
                    int gy = luma[down + l] + 2 * luma[down + x] + luma[down + r] - luma[up + l] - 2 * luma[up + x] - luma[up + r];
                    int gradient = (Math.abs(gx) + Math.abs(gy)) / 8;
                    // 256 keeps the colour, 0 is black
                    int keep = 256 - Math.max(0, Math.min(256, (gradient - edges) * 16));
                    int p = px[row + x];
                    px[row + x] = (in[row + x] & 0xff000000)
                            | (quantised[(p >> 16) & 0xff] * keep >> 8) << 16
                            | (quantised[(p >> 8) & 0xff] * keep >> 8) << 8
                            | (quantised[p & 0xff] * keep >> 8);
                }
            }
        });
        return out.image();
    }
}
