package dev.pixelstep.functions.image;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/** Conversions to the two pixel layouts the functions work in: {@code TYPE_INT_RGB} and {@code TYPE_INT_ARGB}. */
public final class IntRgb {

    private IntRgb() {
    }

    /**
     * {@code image} itself if it already is {@code TYPE_INT_RGB} or {@code TYPE_INT_ARGB}, otherwise
     * a converted copy ({@code TYPE_INT_ARGB} if it has an alpha channel).
     */
    public static BufferedImage of(BufferedImage image) {
        int type = image.getType();
        if (type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_INT_ARGB) {
            return image;
        }
        int target = image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), target);
        Graphics2D g = out.createGraphics();
        try {
            g.setComposite(AlphaComposite.Src);
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /**
     * {@code image} without an alpha channel: an alpha image is composited onto opaque white
     * (JPEG cannot hold transparency), others are returned as they are.
     */
    public static BufferedImage flattenOntoWhite(BufferedImage image) {
        if (!image.getColorModel().hasAlpha()) {
            return image;
        }
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.setComposite(AlphaComposite.SrcOver);
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
