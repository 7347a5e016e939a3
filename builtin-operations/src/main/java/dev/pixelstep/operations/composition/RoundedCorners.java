package dev.pixelstep.operations.composition;

import dev.pixelstep.operations.raster.Bands;
import dev.pixelstep.operations.raster.IntImage;
import dev.pixelstep.spi.ImageOperation;
import dev.pixelstep.spi.ImageSize;
import dev.pixelstep.spi.OperationCost;
import dev.pixelstep.spi.param.IntParameter;
import dev.pixelstep.spi.param.Parameter;
import dev.pixelstep.spi.param.Parameters;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * {@code rounded-corners(radius=20)}: makes the four corners transparent outside quarter circles of
 * the given radius (limited to half the shorter side, which gives a circle or a pill shape). The
 * edge is anti-aliased: a pixel whose centre is at distance d from the circle's centre keeps
 * clamp(r + 0.5 - d, 0, 1) of its alpha. The result always has alpha; PNG output keeps it, JPEG
 * output is flattened onto white (the corners become white).
 */
public final class RoundedCorners implements ImageOperation {

    /** The corners' radius. */
    public static final IntParameter RADIUS = IntParameter.of("radius", 20, 0, 10000, "px",
            "radius of the corners (at most half the shorter side is used)");

    @Override
    public String name() {
        return "rounded-corners";
    }

    @Override
    public String description() {
        return "Rounds the corners off, making them transparent (PNG keeps it; JPEG shows white).";
    }

    @Override
    public boolean addsAlpha() {
        return true;
    }

    /**
     * A row copy per pixel, and a square root per pixel of the four r x r corner squares, in
     * parallel bands: declared 5 units (the largest radius of a 4:3 photo, where the corners
     * cover three quarters of it, measured 3.8); the result.
     */
    @Override
    public OperationCost cost(ImageSize source, Parameters parameters) {
        return new OperationCost(5, 4);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(RADIUS);
    }

    @Override
    public BufferedImage apply(BufferedImage source, Parameters parameters) {
        int w = source.getWidth();
        int h = source.getHeight();
        int r = Math.min(parameters.get(RADIUS), Math.min(w, h) / 2);
        boolean sourceAlpha = source.getColorModel().hasAlpha();
        int[] in = IntImage.readable(source);
        IntImage out = IntImage.blank(w, h, true);
        int[] px = out.pixels();
        Bands.run(h, (long) w * h, (from, to) -> {
            for (int y = from; y < to; y++) {
                int row = y * w;
                if (sourceAlpha) {
                    System.arraycopy(in, row, px, row, w);
                } else {
                    for (int i = row; i < row + w; i++) {
                        px[i] = in[i] | 0xff000000;
                    }
                }
                // distance of the row's centre from the corner circles' centres, or none outside the corner bands
                double dy = y < r ? r - (y + 0.5) : (y >= h - r ? y + 0.5 - (h - r) : -1);
                if (dy < 0) {
                    continue;
                }
                for (int x = 0; x < r; x++) {
                    double dx = r - (x + 0.5);
                    double coverage = Math.max(0, Math.min(1, r + 0.5 - Math.sqrt(dx * dx + dy * dy)));
                    px[row + x] = scaleAlpha(px[row + x], coverage);
                    px[row + w - 1 - x] = scaleAlpha(px[row + w - 1 - x], coverage);
                }
            }
        });
        return out.image();
    }

    private static int scaleAlpha(int p, double coverage) {
        int a = (int) ((p >>> 24) * coverage + 0.5);
        return a << 24 | (p & 0xffffff);
    }
}
