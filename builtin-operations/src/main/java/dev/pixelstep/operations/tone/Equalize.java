package dev.pixelstep.operations.tone;

import dev.pixelstep.operations.raster.ChannelTable;
import dev.pixelstep.operations.raster.Histogram;
import dev.pixelstep.operations.raster.IntImage;
import dev.pixelstep.spi.ImageOperation;
import dev.pixelstep.spi.ImageSize;
import dev.pixelstep.spi.OperationCost;
import dev.pixelstep.spi.param.Parameter;
import dev.pixelstep.spi.param.Parameters;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * {@code equalize}: histogram equalisation. With {@code cdf(v)} the share of all red, green and
 * blue values at or below v and {@code cdf0} the share of the smallest value present,
 * {@code out = round(255 (cdf(in) - cdf0) / (1 - cdf0))}, the same table for the three channels
 * (thumbor's {@code equalize} and ImageMagick's {@code -equalize} spread the tones the same way);
 * the order of values is kept. A flat image is kept. Two passes; alpha kept.
 */
public final class Equalize implements ImageOperation {

    @Override
    public String name() {
        return "equalize";
    }

    @Override
    public String description() {
        return "Spreads the tones evenly over the range (histogram equalisation).";
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of();
    }

    /** The histogram pass (about 2 units) and a lookup table (2.2); the result. */
    @Override
    public OperationCost cost(ImageSize source, Parameters parameters) {
        return new OperationCost(4.5, 4);
    }

    @Override
    public BufferedImage apply(BufferedImage source, Parameters parameters) {
        int[] in = IntImage.readable(source);
        IntImage out = IntImage.blankLike(source, true);
        table(Histogram.channels(in)).apply(in, out.pixels());
        return out.image();
    }

    static ChannelTable table(long[] counts) {
        long total = 0;
        long first = -1;
        long[] cdf = new long[256];
        for (int v = 0; v < 256; v++) {
            total += counts[v];
            cdf[v] = total;
            if (first < 0 && counts[v] > 0) {
                first = counts[v];
            }
        }
        if (total == first) {
            return ChannelTable.of(v -> v);
        }
        double below = first;
        double range = total - below;
        return ChannelTable.of(v -> (int) Math.round(255 * Math.max(0, cdf[v] - below) / range));
    }
}
