package dev.pixelstep.testkit;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Everything observable about an image: type, size, colour model (the whole palette of an indexed
 * image), every raw sample of its raster and its properties. Two snapshots are equal exactly when
 * nothing about the image changed in between.
 */
public final class ImageSnapshot {

    private final int type;
    private final int width;
    private final int height;
    private final String colorModel;
    private final int[] palette;
    private final int[] samples;
    private final List<String> properties;

    private ImageSnapshot(BufferedImage image) {
        type = image.getType();
        width = image.getWidth();
        height = image.getHeight();
        ColorModel cm = image.getColorModel();
        colorModel = cm.getClass().getName() + " " + cm.getColorSpace().getType() + " " + cm.hasAlpha() + " "
                + cm.isAlphaPremultiplied() + " " + Arrays.toString(cm.getComponentSize());
        if (cm instanceof IndexColorModel icm) {
            palette = new int[icm.getMapSize()];
            icm.getRGBs(palette);
        } else {
            palette = new int[0];
        }
        samples = image.getRaster().getPixels(0, 0, width, height, (int[]) null);
        properties = new ArrayList<>();
        String[] names = image.getPropertyNames();
        if (names != null) {
            for (String name : names) {
                properties.add(name + "=" + image.getProperty(name));
            }
        }
    }

    /** Takes a snapshot of {@code image} as it is now. */
    public static ImageSnapshot of(BufferedImage image) {
        return new ImageSnapshot(image);
    }

    /** Says how {@code other} differs from this snapshot, or returns an empty string when it does not. */
    public String difference(ImageSnapshot other) {
        if (type != other.type || width != other.width || height != other.height) {
            return "type/size changed from " + type + " " + width + "x" + height + " to " + other.type + " "
                    + other.width + "x" + other.height;
        }
        if (!colorModel.equals(other.colorModel) || !Arrays.equals(palette, other.palette)) {
            return "colour model changed from " + colorModel + " to " + other.colorModel;
        }
        int i = Arrays.mismatch(samples, other.samples);
        if (i >= 0) {
            return "raster sample " + i + " changed from " + samples[i] + " to " + other.samples[i];
        }
        if (!properties.equals(other.properties)) {
            return "properties changed from " + properties + " to " + other.properties;
        }
        return "";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImageSnapshot other && difference(other).isEmpty();
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(samples);
    }

    @Override
    public String toString() {
        return "snapshot of a " + width + "x" + height + " image of type " + type;
    }
}
