package dev.pixelstep.functions.internal.image;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * A decoded input image in {@link BufferedImage#TYPE_INT_RGB}, or {@link BufferedImage#TYPE_INT_ARGB}
 * when the input has transparency (from {@link ImageDecoder#decode}), with the format it was read in.
 *
 * @param image  the pixels
 * @param format the input format
 */
public record DecodedImage(BufferedImage image, ImageFormat format) {

    public DecodedImage {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(format, "format");
    }

    public int width() {
        return image.getWidth();
    }

    public int height() {
        return image.getHeight();
    }
}
