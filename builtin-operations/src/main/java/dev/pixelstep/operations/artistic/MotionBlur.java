package dev.pixelstep.operations.artistic;

import dev.pixelstep.operations.raster.Bands;
import dev.pixelstep.operations.raster.IntImage;
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
 * {@code motion-blur(angle=0, distance=20)}: the blur of a camera moving in a straight line: every
 * channel (alpha too) is the mean of n = distance + 1 samples spaced one pixel apart on the
 * segment of that length through the pixel, at {@code angle} degrees (0 horizontal, 90 vertical),
 * each sample the nearest pixel, edges extended. A flat image stays flat; the mean is kept except
 * near the edges.
 */
public final class MotionBlur implements ImageOperation {

    /** The direction. */
    public static final DoubleParameter ANGLE = DoubleParameter.of("angle", 0, -360, 360, "degrees", "direction of the motion, 0 is horizontal");
    /** The length. */
    public static final IntParameter DISTANCE = IntParameter.of("distance", 20, 1, 200, "px", "length of the motion");

    @Override
    public String name() {
        return "motion-blur";
    }

    @Override
    public String description() {
        return "Blurs along a straight line, as if the camera moved during the exposure.";
    }

    /** distance + 1 samples per pixel, four channels: declared 10 + 4 (distance + 1) units (94 at the default, 814 at 200 px; measured 76 and 785); the result and the offsets. */
    @Override
    public OperationCost cost(ImageSize source, Parameters parameters) {
        return new OperationCost(10 + 4.0 * (parameters.get(DISTANCE) + 1), 4 + 4096.0 / source.pixels());
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(ANGLE, DISTANCE);
    }

    @Override
    public BufferedImage apply(BufferedImage source, Parameters parameters) {
        double radians = Math.toRadians(parameters.get(ANGLE));
        int n = parameters.get(DISTANCE) + 1;
        int[] dx = new int[n];
        int[] dy = new int[n];
        for (int k = 0; k < n; k++) {
            double t = k - (n - 1) / 2.0;
            dx[k] = (int) Math.round(t * Math.cos(radians));
            dy[k] = (int) Math.round(t * Math.sin(radians));
        }
        int[] in = IntImage.readable(source);
        IntImage out = IntImage.blankLike(source, true);
        int[] px = out.pixels();
        int w = out.width();
        int h = out.height();
        Bands.run(h, (long) w * h * n / 8, (from, to) -> {
            for (int y = from; y < to; y++) {
                for (int x = 0; x < w; x++) {
                    int a = 0;
                    int r = 0;
                    int g = 0;
                    int b = 0;
                    for (int k = 0; k < n; k++) {
                        int sx = Math.min(w - 1, Math.max(0, x + dx[k]));
                        int sy = Math.min(h - 1, Math.max(0, y + dy[k]));
                        int p = in[sy * w + sx];
                        a += p >>> 24;
                        r += (p >> 16) & 0xff;
                        g += (p >> 8) & 0xff;
                        b += p & 0xff;
                    }
                    int half = n / 2;
                    px[y * w + x] = (a + half) / n << 24 | (r + half) / n << 16 | (g + half) / n << 8 | (b + half) / n;
                }
            }
        });
        return out.image();
    }
}
