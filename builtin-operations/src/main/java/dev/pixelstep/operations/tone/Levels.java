package dev.pixelstep.operations.tone;

import dev.pixelstep.operations.raster.ChannelTable;
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
 * {@code levels(black=0, white=255, gamma=1)}: the input levels of an image editor,
 * {@code out = 255 clamp((in - black) / (white - black), 0, 1)^(1 / gamma)} on red, green and blue:
 * values at or below {@code black} become 0, at or above {@code white} 255. A {@code white} not
 * above {@code black} is taken as {@code black + 1} (a hard threshold). One lookup table; alpha kept.
 */
public final class Levels implements ImageOperation {

    /** The input level that becomes black. */
    public static final IntParameter BLACK = IntParameter.of("black", 0, 0, 254, "", "input level that becomes black");
    /** The input level that becomes white. */
    public static final IntParameter WHITE = IntParameter.of("white", 255, 1, 255, "", "input level that becomes white");
    /** The mid-tone gamma. */
    public static final DoubleParameter GAMMA = DoubleParameter.of("gamma", 1, 0.1, 10, "",
            "above 1 lightens the mid-tones, below 1 darkens them");

    @Override
    public String name() {
        return "levels";
    }

    @Override
    public String description() {
        return "Maps a range of input levels to black through white, with a mid-tone gamma.";
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(BLACK, WHITE, GAMMA);
    }

    /** A lookup table per channel value, like brightness (2.2 units measured for those); the result. */
    @Override
    public OperationCost cost(ImageSize source, Parameters parameters) {
        return new OperationCost(2.2, 4);
    }

    @Override
    public BufferedImage apply(BufferedImage source, Parameters parameters) {
        IntImage out = IntImage.blankLike(source, true);
        table(parameters.get(BLACK), parameters.get(WHITE), parameters.get(GAMMA)).apply(IntImage.readable(source), out.pixels());
        return out.image();
    }

    /** The levels table; also what normalize applies. */
    static ChannelTable table(int black, int white, double gamma) {
        int top = Math.max(white, black + 1);
        double inverse = 1 / gamma;
        return ChannelTable.of(v -> (int) Math.round(255 * Math.pow(Math.max(0, Math.min(1, (v - black) / (double) (top - black))), inverse)));
    }
}
