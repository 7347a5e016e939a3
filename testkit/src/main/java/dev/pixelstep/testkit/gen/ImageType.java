package dev.pixelstep.testkit.gen;

import java.awt.image.BufferedImage;

/** The {@link BufferedImage} types the generators produce, each with a short label for failure reports. */
public enum ImageType {
    /** {@link BufferedImage#TYPE_INT_RGB}. */
    RGB(BufferedImage.TYPE_INT_RGB, false),
    /** {@link BufferedImage#TYPE_INT_ARGB}, with real transparency. */
    ARGB(BufferedImage.TYPE_INT_ARGB, true),
    /** {@link BufferedImage#TYPE_BYTE_GRAY}. */
    GRAY(BufferedImage.TYPE_BYTE_GRAY, false),
    /** {@link BufferedImage#TYPE_BYTE_INDEXED} with Java's default 256-colour palette. */
    INDEXED(BufferedImage.TYPE_BYTE_INDEXED, false),
    /** {@link BufferedImage#TYPE_3BYTE_BGR}, what JPEG decoding usually gives. */
    BGR(BufferedImage.TYPE_3BYTE_BGR, false),
    /** {@link BufferedImage#TYPE_4BYTE_ABGR}, what PNG decoding with alpha usually gives; real transparency. */
    ABGR(BufferedImage.TYPE_4BYTE_ABGR, true);

    private final int awtType;
    private final boolean alpha;

    ImageType(int awtType, boolean alpha) {
        this.awtType = awtType;
        this.alpha = alpha;
    }

    /** The {@code BufferedImage.TYPE_*} constant. */
    public int awtType() {
        return awtType;
    }

    /** Whether images of this type have an alpha channel. */
    public boolean hasAlpha() {
        return alpha;
    }
}
