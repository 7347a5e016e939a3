package dev.pixelstep.operations.color;

import dev.pixelstep.operations.raster.ColorMatrix;
import dev.pixelstep.operations.raster.IntImage;
import dev.pixelstep.spi.ImageOperation;
import dev.pixelstep.spi.ImageSize;
import dev.pixelstep.spi.OperationCost;
import dev.pixelstep.spi.param.DoubleParameter;
import dev.pixelstep.spi.param.Parameter;
import dev.pixelstep.spi.param.Parameters;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code channel-mix(rr=1, rg=0, rb=0, gr=0, gg=1, gb=0, br=0, bg=0, bb=1)} (sharp's {@code recomb}):
 * each output channel is a weighted sum of the input's, {@code r' = rr r + rg g + rb b} and so on,
 * results clamped to 0..255; one 3x3 colour matrix in 12-bit fixed point. Alpha kept.
 */
public final class ChannelMix implements ImageOperation {

    private static final String[] NAMES = {"rr", "rg", "rb", "gr", "gg", "gb", "br", "bg", "bb"};
    private static final String[] CHANNELS = {"red", "green", "blue"};
    private static final List<Parameter<?>> PARAMETERS;

    static {
        List<Parameter<?>> list = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            list.add(DoubleParameter.of(NAMES[i], i % 4 == 0 ? 1 : 0, -4, 4, "",
                    "weight of the input's " + CHANNELS[i % 3] + " in the output's " + CHANNELS[i / 3]));
        }
        PARAMETERS = List.copyOf(list);
    }

    @Override
    public String name() {
        return "channel-mix";
    }

    @Override
    public String description() {
        return "Recombines the red, green and blue channels with a 3x3 matrix.";
    }

    @Override
    public List<Parameter<?>> parameters() {
        return PARAMETERS;
    }

    /** One 3x3 colour matrix pass like sepia (5.6 units measured for those); the result. */
    @Override
    public OperationCost cost(ImageSize source, Parameters parameters) {
        return new OperationCost(5.6, 4);
    }

    @Override
    public BufferedImage apply(BufferedImage source, Parameters parameters) {
        double[] m = new double[9];
        for (int i = 0; i < 9; i++) {
            m[i] = parameters.getDouble(NAMES[i]);
        }
        IntImage out = IntImage.blankLike(source, true);
        ColorMatrix.of(m, false).apply(IntImage.readable(source), out.pixels());
        return out.image();
    }

    /** The product {@code a b} of two 3x3 matrices given row by row. */
    static double[] multiply(double[] a, double[] b) {
        double[] out = new double[9];
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 3; col++) {
                out[row * 3 + col] = a[row * 3] * b[col] + a[row * 3 + 1] * b[3 + col] + a[row * 3 + 2] * b[6 + col];
            }
        }
        return out;
    }
}
