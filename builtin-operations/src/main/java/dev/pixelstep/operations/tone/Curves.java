package dev.pixelstep.operations.tone;

import dev.pixelstep.operations.raster.ChannelTable;
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
 * {@code curves(black=0, shadows=64, midtones=128, highlights=192, white=255)}: a tone curve through
 * five points, the outputs for the inputs 0, 64, 128, 192 and 255, joined by the monotone cubic
 * Hermite spline of Fritsch and Carlson (1980: no overshoot, so rising points give a rising curve
 * and the curve never leaves the points' range between two of them). Applied to red, green and
 * blue as one lookup table; alpha kept. The points are five typed values rather than a free list,
 * so a chain cannot carry a malformed curve and every point has a slider.
 */
public final class Curves implements ImageOperation {

    private static final int[] INPUTS = {0, 64, 128, 192, 255};

    /** Output for input 0. */
    public static final IntParameter BLACK = IntParameter.of("black", 0, 0, 255, "", "output level for input 0");
    /** Output for input 64. */
    public static final IntParameter SHADOWS = IntParameter.of("shadows", 64, 0, 255, "", "output level for input 64");
    /** Output for input 128. */
    public static final IntParameter MIDTONES = IntParameter.of("midtones", 128, 0, 255, "", "output level for input 128");
    /** Output for input 192. */
    public static final IntParameter HIGHLIGHTS = IntParameter.of("highlights", 192, 0, 255, "", "output level for input 192");
    /** Output for input 255. */
    public static final IntParameter WHITE = IntParameter.of("white", 255, 0, 255, "", "output level for input 255");

    @Override
    public String name() {
        return "curves";
    }

    @Override
    public String description() {
        return "Applies a smooth tone curve through five points (black, shadows, mid-tones, highlights, white).";
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(BLACK, SHADOWS, MIDTONES, HIGHLIGHTS, WHITE);
    }

    /** A lookup table per channel value, like brightness (2.2 units measured for those); the result. */
    @Override
    public OperationCost cost(ImageSize source, Parameters parameters) {
        return new OperationCost(2.2, 4);
    }

    @Override
    public BufferedImage apply(BufferedImage source, Parameters parameters) {
        double[] outputs = {parameters.get(BLACK), parameters.get(SHADOWS), parameters.get(MIDTONES), parameters.get(HIGHLIGHTS),
            parameters.get(WHITE)};
        double[] curve = curve(outputs);
        IntImage out = IntImage.blankLike(source, true);
        ChannelTable.of(v -> (int) Math.round(curve[v])).apply(IntImage.readable(source), out.pixels());
        return out.image();
    }

    /** The curve's value at every input 0..255. */
    static double[] curve(double[] y) {
        int n = INPUTS.length;
        double[] delta = new double[n - 1];
        for (int k = 0; k < n - 1; k++) {
            delta[k] = (y[k + 1] - y[k]) / (INPUTS[k + 1] - INPUTS[k]);
        }
        double[] m = new double[n];
        m[0] = delta[0];
        m[n - 1] = delta[n - 2];
        for (int k = 1; k < n - 1; k++) {
            m[k] = delta[k - 1] * delta[k] <= 0 ? 0 : (delta[k - 1] + delta[k]) / 2;
        }
        for (int k = 0; k < n - 1; k++) {
            if (delta[k] == 0) {
                m[k] = 0;
                m[k + 1] = 0;
                continue;
            }
            double a = m[k] / delta[k];
            double b = m[k + 1] / delta[k];
            double s = a * a + b * b;
            if (s > 9) {
                double t = 3 / Math.sqrt(s);
                m[k] = t * a * delta[k];
                m[k + 1] = t * b * delta[k];
            }
        }
        double[] out = new double[256];
        for (int v = 0; v < 256; v++) {
            int k = 0;
            while (k < n - 2 && v > INPUTS[k + 1]) {
                k++;
            }
            double h = INPUTS[k + 1] - INPUTS[k];
            double t = (v - INPUTS[k]) / h;
            double t2 = t * t;
            double t3 = t2 * t;
            out[v] = (2 * t3 - 3 * t2 + 1) * y[k] + (t3 - 2 * t2 + t) * h * m[k] + (-2 * t3 + 3 * t2) * y[k + 1] + (t3 - t2) * h * m[k + 1];
        }
        return out;
    }
}
