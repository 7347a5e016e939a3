package dev.pixelstep.operations.color;

import dev.pixelstep.operations.raster.Clamp;
import dev.pixelstep.operations.raster.IntImage;
import dev.pixelstep.spi.ImageOperation;
import dev.pixelstep.spi.param.DoubleParameter;
import dev.pixelstep.spi.param.Parameter;
import dev.pixelstep.spi.param.Parameters;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * {@code hue-rotate(degrees=90)}: turns every colour around the colour wheel by {@code degrees},
 * keeping luma, with the matrix of CSS {@code hue-rotate()} (fixed point, one pass). Grays stay
 * gray; alpha is kept.
 */
public final class HueRotate implements ImageOperation {

    /** The turn around the colour wheel. */
    public static final DoubleParameter DEGREES = DoubleParameter.of("degrees", 90, -360, 360, "degrees",
            "how far to turn the hues; 120 turns red into green");

    @Override
    public String name() {
        return "hue-rotate";
    }

    @Override
    public String description() {
        return "Shifts every hue around the colour wheel.";
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(DEGREES);
    }

    @Override
    public BufferedImage apply(BufferedImage source, Parameters parameters) {
        int[] m = matrix(Math.toRadians(parameters.get(DEGREES)));
        IntImage out = IntImage.copyOf(source, true);
        int[] px = out.pixels();
        for (int i = 0; i < px.length; i++) {
            int p = px[i];
            int r = (p >> 16) & 0xff;
            int g = (p >> 8) & 0xff;
            int b = p & 0xff;
            int nr = Clamp.channel((m[0] * r + m[1] * g + m[2] * b + 2048) >> 12);
            int ng = Clamp.channel((m[3] * r + m[4] * g + m[5] * b + 2048) >> 12);
            int nb = Clamp.channel((m[6] * r + m[7] * g + m[8] * b + 2048) >> 12);
            px[i] = (p & 0xff000000) | nr << 16 | ng << 8 | nb;
        }
        return out.image();
    }

    /** The CSS hue-rotate matrix, scaled by 4096, with each row summing to exactly 4096 so grays stay gray. */
    static int[] matrix(double angle) {
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        double[] d = {
            0.213 + c * 0.787 - s * 0.213, 0.715 - c * 0.715 - s * 0.715, 0.072 - c * 0.072 + s * 0.928,
            0.213 - c * 0.213 + s * 0.143, 0.715 + c * 0.285 + s * 0.140, 0.072 - c * 0.072 - s * 0.283,
            0.213 - c * 0.213 - s * 0.787, 0.715 - c * 0.715 + s * 0.715, 0.072 + c * 0.928 + s * 0.072,
        };
        int[] m = new int[9];
        for (int row = 0; row < 3; row++) {
            int sum = 0;
            for (int col = 0; col < 3; col++) {
                m[row * 3 + col] = (int) Math.round(d[row * 3 + col] * 4096);
                sum += m[row * 3 + col];
            }
            m[row * 3 + row] += 4096 - sum;
        }
        return m;
    }
}
