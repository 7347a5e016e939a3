package dev.pixelstep.spi;

import java.awt.image.BufferedImage;

/**
 * The pixel dimensions of an image; both at least 1.
 *
 * @param width  width in pixels
 * @param height height in pixels
 */
public record ImageSize(int width, int height) {

    public ImageSize {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image size must be at least 1x1, got " + width + "x" + height);
        }
    }

    /** The size of {@code image}. */
    public static ImageSize of(BufferedImage image) {
        return new ImageSize(image.getWidth(), image.getHeight());
    }

    /** Width times height, as a long so that no product overflows. */
    public long pixels() {
        return (long) width * height;
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
