package dev.pixelstep.examples.duotone;

import dev.pixelstep.spi.ImageOperation;
import dev.pixelstep.spi.param.ColorParameter;
import dev.pixelstep.spi.param.Parameter;
import dev.pixelstep.spi.param.Parameters;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.List;

/**
 * The {@code duotone} operation: every pixel's luminance picks a colour on the straight gradient from
 * {@code dark} (luminance 0) to {@code light} (luminance 255), e.g.
 * {@code duotone(dark=#1b1f4b, light=#ffd166)}.
 *
 * <p>Luminance is BT.601 luma in 8-bit fixed point, {@code (77 R + 150 G + 29 B + 128) / 256}, the same
 * as the built-in {@code grayscale}: {@code duotone(dark=#000000, light=#ffffff)} is {@code grayscale}.
 * Each channel of the result is {@code dark + (light - dark) * luma / 255}, rounded. The colours' own
 * alpha is ignored; every pixel keeps its alpha. The source is read one row at a time, so the
 * operation needs memory for the result and one row only.
 */
public final class DuotoneOperation implements ImageOperation {

    /** The name users write in a chain. */
    public static final String NAME = "duotone";

    /** The colour the darkest pixels (luminance 0) become. */
    public static final ColorParameter DARK = ColorParameter.of("dark", new Color(0x1b1f4b),
            "the colour black becomes: the dark end of the gradient (alpha ignored)");

    /** The colour the lightest pixels (luminance 255) become. */
    public static final ColorParameter LIGHT = ColorParameter.of("light", new Color(0xffd166),
            "the colour white becomes: the light end of the gradient (alpha ignored)");

    private static final List<Parameter<?>> PARAMETERS = List.of(DARK, LIGHT);

    /** Creates the operation; {@link java.util.ServiceLoader} needs this public no-argument constructor. */
    public DuotoneOperation() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Maps luminance onto a gradient between a dark and a light colour.";
    }

    @Override
    public List<Parameter<?>> parameters() {
        return PARAMETERS;
    }

    @Override
    public BufferedImage apply(BufferedImage source, Parameters parameters) {
        int[] gradient = gradient(parameters.get(DARK).getRGB(), parameters.get(LIGHT).getRGB());
        int width = source.getWidth();
        int height = source.getHeight();
        boolean alpha = source.getColorModel().hasAlpha();
        BufferedImage result = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        int[] out = ((DataBufferInt) result.getRaster().getDataBuffer()).getData();
        int alphaMask = alpha ? 0xff000000 : 0;
        // Packed int rasters hand out their pixels as they are stored; every other type goes through getRGB.
        boolean packed = source.getType() == BufferedImage.TYPE_INT_RGB || source.getType() == BufferedImage.TYPE_INT_ARGB;
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            if (packed) {
                source.getRaster().getDataElements(0, y, width, 1, row);
            } else {
                source.getRGB(0, y, width, 1, row, 0, width);
            }
            int offset = y * width;
            for (int x = 0; x < width; x++) {
                int argb = row[x];
                out[offset + x] = (argb & alphaMask) | gradient[luma(argb)];
            }
        }
        return result;
    }

    /** The BT.601 luma of a packed pixel, 0..255, in 8-bit fixed point (the weights add up to 256). */
    static int luma(int rgb) {
        return (77 * (rgb >> 16 & 0xff) + 150 * (rgb >> 8 & 0xff) + 29 * (rgb & 0xff) + 128) >> 8;
    }

    /** The 256 packed RGB colours from {@code dark} to {@code light}, one per luma value. */
    static int[] gradient(int dark, int light) {
        int[] colours = new int[256];
        for (int luma = 0; luma < 256; luma++) {
            colours[luma] = mix(dark >> 16 & 0xff, light >> 16 & 0xff, luma) << 16
                    | mix(dark >> 8 & 0xff, light >> 8 & 0xff, luma) << 8
                    | mix(dark & 0xff, light & 0xff, luma);
        }
        return colours;
    }

    private static int mix(int dark, int light, int luma) {
        return dark + Math.round((light - dark) * luma / 255f);
    }
}
