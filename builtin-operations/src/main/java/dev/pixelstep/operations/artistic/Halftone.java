package dev.pixelstep.operations.artistic;

import dev.pixelstep.operations.raster.Bands;
import dev.pixelstep.operations.raster.BlurCost;
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
 * {@code halftone(size=8, angle=45)}: a black-and-white newspaper halftone. A grid of size x size
 * cells, turned by {@code angle} degrees, holds one black dot per cell whose area is the darkness
 * of the image there (1 - luma / 255, the luma blurred with sigma size / 2 and read at the cell's
 * centre): radius = size sqrt(darkness / pi), anti-aliased over one pixel (dots under half a pixel fade
 * out, so white stays white). Dots of darkness above
 * pi / 4 would touch the cell's edges and are cut by them. Every pixel keeps its alpha.
 */
public final class Halftone implements ImageOperation {

    /** The grid's pitch. */
    public static final IntParameter SIZE = IntParameter.of("size", 8, 2, 100, "px", "distance between the dots' centres");
    /** The grid's angle. */
    public static final DoubleParameter ANGLE = DoubleParameter.of("angle", 45, -360, 360, "degrees", "angle of the grid of dots");

    @Override
    public String name() {
        return "halftone";
    }

    @Override
    public String description() {
        return "Renders the image as black dots on white whose size follows the tone (newspaper halftone).";
    }

    /** A luma pass, one blur of one channel of sigma size / 2, and a dot pass of two floors, a square root and two square roots per pixel (52 units: 93 measured in all at the default); the luma image. */
    @Override
    public OperationCost cost(ImageSize source, Parameters parameters) {
        return BlurCost.of(source, parameters.get(SIZE) / 2.0, 52, 4);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(SIZE, ANGLE);
    }

    @Override
    public BufferedImage apply(BufferedImage source, Parameters parameters) {
        int size = parameters.get(SIZE);
        double radians = Math.toRadians(parameters.get(ANGLE));
        double cos = Math.cos(radians);
        double sin = Math.sin(radians);
        int[] in = IntImage.readable(source);
        IntImage out = IntImage.blankLike(source, true);
        int[] px = out.pixels();
        int w = out.width();
        int h = out.height();
        int[] luma = new int[px.length];
        Bands.run(px.length, px.length, (from, to) -> {
            for (int i = from; i < to; i++) {
                int l = PencilSketch.luma(in[i]);
                luma[i] = l << 16 | l << 8 | l;
            }
        });
        SeparableGaussian.blur(luma, px, w, h, size / 2.0, SeparableGaussian.Mode.RGB);
        int[] blurred = luma;
        System.arraycopy(px, 0, blurred, 0, px.length);
        double radiusScale = size / Math.sqrt(Math.PI);
        Bands.run(h, (long) w * h, (from, to) -> {
            for (int y = from; y < to; y++) {
                for (int x = 0; x < w; x++) {
                    // the pixel's centre in grid coordinates, and its cell's centre
                    double u = (x + 0.5) * cos + (y + 0.5) * sin;
                    double v = -(x + 0.5) * sin + (y + 0.5) * cos;
                    double cu = (Math.floor(u / size) + 0.5) * size;
                    double cv = (Math.floor(v / size) + 0.5) * size;
                    int sx = Math.min(w - 1, Math.max(0, (int) Math.floor(cu * cos - cv * sin)));
                    int sy = Math.min(h - 1, Math.max(0, (int) Math.floor(cu * sin + cv * cos)));
                    double darkness = 1 - (blurred[sy * w + sx] & 0xff) / 255.0;
                    double radius = radiusScale * Math.sqrt(darkness);
                    double du = u - cu;
                    double dv = v - cv;
                    // anti-aliased over one pixel, and faded in below a radius of half a pixel so that white has no ink
                    double ink = Math.max(0, Math.min(1, radius - Math.sqrt(du * du + dv * dv) + 0.5)) * Math.min(1, 2 * radius);
                    int g = (int) (255 * (1 - ink) + 0.5);
                    px[y * w + x] = (in[y * w + x] & 0xff000000) | g << 16 | g << 8 | g;
                }
            }
        });
        return out.image();
    }
}
