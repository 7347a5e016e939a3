package dev.pixelstep.operations.color;

import dev.pixelstep.operations.raster.IntImage;
import dev.pixelstep.spi.ImageOperation;
import dev.pixelstep.spi.param.DoubleParameter;
import dev.pixelstep.spi.param.Parameter;
import dev.pixelstep.spi.param.Parameters;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * {@code sepia(intensity=1)}: the classic sepia-tone matrix (the one CSS {@code sepia()} uses),
 * mixed with the original by {@code intensity}; 0 keeps the image, 1 is full sepia. Fixed-point
 * integer arithmetic in one pass; alpha is kept.
 */
public final class Sepia implements ImageOperation {

    /** How much sepia: 0 = none, 1 = full. */
    public static final DoubleParameter INTENSITY = DoubleParameter.of("intensity", 1, 0, 1, "",
            "how strong the tone is: 0 keeps the colours, 1 is full sepia");

    // rows of the sepia matrix, scaled by 1024
    private static final int RR = 402, RG = 787, RB = 194;
    private static final int GR = 357, GG = 702, GB = 172;
    private static final int BR = 279, BG = 547, BB = 134;

    @Override
    public String name() {
        return "sepia";
    }

    @Override
    public String description() {
        return "Gives the image the brown tone of old photographs.";
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(INTENSITY);
    }

    @Override
    public BufferedImage apply(BufferedImage source, Parameters parameters) {
        int k = (int) Math.round(parameters.get(INTENSITY) * 256); // 0..256
        IntImage out = IntImage.copyOf(source, true);
        int[] px = out.pixels();
        for (int i = 0; i < px.length; i++) {
            int p = px[i];
            int r = (p >> 16) & 0xff;
            int g = (p >> 8) & 0xff;
            int b = p & 0xff;
            int sr = Math.min(255, (RR * r + RG * g + RB * b + 512) >> 10);
            int sg = Math.min(255, (GR * r + GG * g + GB * b + 512) >> 10);
            int sb = Math.min(255, (BR * r + BG * g + BB * b + 512) >> 10);
            r += ((sr - r) * k + 128) >> 8;
            g += ((sg - g) * k + 128) >> 8;
            b += ((sb - b) * k + 128) >> 8;
            px[i] = (p & 0xff000000) | r << 16 | g << 8 | b;
        }
        return out.image();
    }
}
