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
 * {@code saturation(factor=1.5)}: moves every channel away from (factor above 1) or towards
 * (below 1) the pixel's luma, c' = Y + (c - Y) * factor, clamped; 0 gives grayscale, 1 changes
 * nothing. Fixed-point arithmetic; alpha is kept.
 */
public final class Saturation implements ImageOperation {

    /** The colourfulness factor. */
    public static final DoubleParameter FACTOR = DoubleParameter.of("factor", 1.5, 0, 10, "",
            "0 gives gray, 1 keeps the colours, above 1 makes them more vivid");

    @Override
    public String name() {
        return "saturation";
    }

    @Override
    public String description() {
        return "Makes colours more vivid or more muted.";
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(FACTOR);
    }

    @Override
    public BufferedImage apply(BufferedImage source, Parameters parameters) {
        int k = (int) Math.round(parameters.get(FACTOR) * 1024);
        IntImage out = IntImage.copyOf(source, true);
        int[] px = out.pixels();
        for (int i = 0; i < px.length; i++) {
            int p = px[i];
            int y = Grayscale.luma(p);
            int r = Clamp.channel(y + (((((p >> 16) & 0xff) - y) * k + 512) >> 10));
            int g = Clamp.channel(y + (((((p >> 8) & 0xff) - y) * k + 512) >> 10));
            int b = Clamp.channel(y + ((((p & 0xff) - y) * k + 512) >> 10));
            px[i] = (p & 0xff000000) | r << 16 | g << 8 | b;
        }
        return out.image();
    }
}
