package dev.pixelstep.functions.internal.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/**
 * Brings a decoded image into sRGB, the colour space every output is written in and every
 * operation assumes.
 *
 * <ul>
 *   <li>sRGB images and palette images (a palette is sRGB) are returned as they are;</li>
 *   <li>grey images in the JDK's default grey space (a PNG or TIFF without a profile, with or
 *       without alpha, any bit depth) are sRGB-encoded grey, as browsers and every reference decoder
 *       read them: their samples are copied, scaled to 8 bits with rounding. They are never drawn
 *       with Java 2D, which takes that grey space as linear and lightens it (mid grey 136 became 191;
 *       {@code getRGB} of a {@code TYPE_BYTE_GRAY} image does the same, so grey images are never
 *       handed on in that layout);</li>
 *   <li>images in any other colour space (an embedded ICC profile: Display P3, Adobe RGB, a grey
 *       or CMYK profile) are converted to sRGB with the JDK's colour management (Little CMS),
 *       relative colorimetric, alpha kept.</li>
 * </ul>
 * Thread-safe.
 */
public final class Srgb {

    private Srgb() {
    }

    /** {@code image} itself when it is already sRGB, otherwise its sRGB pixels in {@code TYPE_INT_RGB} or {@code TYPE_INT_ARGB}. */
    public static BufferedImage of(BufferedImage image) {
        ColorModel model = image.getColorModel();
        ColorSpace space = model.getColorSpace();
        if (model instanceof IndexColorModel || space.isCS_sRGB()) {
            return image;
        }
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(),
                model.hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        if (space == ColorSpace.getInstance(ColorSpace.CS_GRAY) && model instanceof ComponentColorModel) {
            copyGrey(image, IntRgb.packed(out));
            return out;
        }
        new ColorConvertOp(null).filter(image, out);
        return out;
    }

    /** Copies the grey (and alpha) samples of {@code image}, scaled to 8 bits, into packed ARGB. */
    private static void copyGrey(BufferedImage image, int[] out) {
        Raster raster = image.getRaster();
        int bands = raster.getNumBands();
        int w = image.getWidth();
        int h = image.getHeight();
        int[] bits = image.getColorModel().getComponentSize();
        int greyMax = (1 << bits[0]) - 1;
        int alphaMax = bands > 1 ? (1 << bits[1]) - 1 : 1;
        int[] row = new int[w * bands];
        for (int y = 0; y < h; y++) {
            raster.getPixels(0, y, w, 1, row);
            for (int x = 0, i = y * w; x < w; x++, i++) {
                int g = scale(row[x * bands], greyMax);
                int a = bands > 1 ? scale(row[x * bands + 1], alphaMax) : 255;
                out[i] = a << 24 | g << 16 | g << 8 | g;
            }
        }
    }

    private static int scale(int sample, int max) {
        return max == 255 ? sample : (int) ((sample * 255L * 2 + max) / (2L * max));
    }
}
