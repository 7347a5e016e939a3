package dev.pixelstep.testkit;

import java.awt.image.BufferedImage;

/** Small pixel helpers for assertions. */
public final class Pixels {

    private Pixels() {
    }

    /** Every pixel of {@code image} as packed sRGB ARGB, row by row. */
    public static int[] argb(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    /**
     * Every pixel of {@code image} as packed ARGB, with fully transparent pixels as 0: their colour
     * is invisible, and operations that work premultiplied by alpha do not keep it.
     */
    public static int[] visible(BufferedImage image) {
        int[] argb = argb(image);
        for (int i = 0; i < argb.length; i++) {
            if (argb[i] >>> 24 == 0) {
                argb[i] = 0;
            }
        }
        return argb;
    }

    /** The alpha of a packed ARGB value. */
    public static int alpha(int argb) {
        return argb >>> 24;
    }

    /** The red of a packed ARGB value. */
    public static int red(int argb) {
        return (argb >> 16) & 0xff;
    }

    /** The green of a packed ARGB value. */
    public static int green(int argb) {
        return (argb >> 8) & 0xff;
    }

    /** The blue of a packed ARGB value. */
    public static int blue(int argb) {
        return argb & 0xff;
    }

    /** A new {@code TYPE_INT_RGB} or {@code TYPE_INT_ARGB} image holding the given packed pixels. */
    public static BufferedImage image(int width, int height, boolean alpha, int... argb) {
        if (argb.length != width * height) {
            throw new IllegalArgumentException("need " + width * height + " pixels, got " + argb.length);
        }
        BufferedImage image = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, width, height, argb, 0, width);
        return image;
    }
}
