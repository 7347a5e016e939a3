package dev.pixelstep.operations.tone;

import dev.pixelstep.operations.raster.Histogram;
import dev.pixelstep.operations.raster.IntImage;
import dev.pixelstep.spi.ImageOperation;
import dev.pixelstep.spi.ImageSize;
import dev.pixelstep.spi.OperationCost;
import dev.pixelstep.spi.param.DoubleParameter;
import dev.pixelstep.spi.param.Parameter;
import dev.pixelstep.spi.param.Parameters;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * {@code normalize(lower=1, upper=99)}: auto-levels. The histogram of all red, green and blue
 * values gives the {@code lower} and {@code upper} percentiles {@code lo} and {@code hi}; then
 * {@code out = 255 clamp((in - lo) / (hi - lo))} on every channel alike (the same stretch for the
 * three, so hues are kept), as sharp's {@code normalise} (1st to 99th percentile by default). An
 * image whose percentiles are equal (flat) is kept. Two passes: the histogram, then one lookup
 * table; alpha kept.
 */
public final class Normalize implements ImageOperation {

    /** The percentile that becomes black. */
    public static final DoubleParameter LOWER = DoubleParameter.of("lower", 1, 0, 49, "%", "percentile of the values that becomes black");
    /** The percentile that becomes white. */
    public static final DoubleParameter UPPER = DoubleParameter.of("upper", 99, 51, 100, "%", "percentile of the values that becomes white");

    @Override
    public String name() {
        return "normalize";
    }

    @Override
    public String description() {
        return "Stretches the tones so the given percentiles become black and white (auto-levels).";
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(LOWER, UPPER);
    }

    /** The histogram pass (one read, three counts a pixel, about 2 units) and a lookup table (2.2); the result. */
    @Override
    public OperationCost cost(ImageSize source, Parameters parameters) {
        return new OperationCost(4.5, 4);
    }

    @Override
    public BufferedImage apply(BufferedImage source, Parameters parameters) {
        int[] in = IntImage.readable(source);
        long[] counts = Histogram.channels(in);
        int lo = Histogram.percentile(counts, parameters.get(LOWER) / 100);
        int hi = Histogram.percentile(counts, parameters.get(UPPER) / 100);
        IntImage out = IntImage.blankLike(source, true);
        if (hi <= lo) {
            System.arraycopy(in, 0, out.pixels(), 0, in.length);
        } else {
            Levels.table(lo, hi, 1).apply(in, out.pixels());
        }
        return out.image();
    }
}
