package dev.pixelstep.functions.internal.image;

import java.awt.image.BufferedImage;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link ImageDecoder#read} read: the format, the width and height of the upright image, and
 * its pixels, either as an image in the layout the reader produced or, when pixelstep's JPEG
 * decoder took the file, no image: its rows went to the caller's {@link PixelRows}.
 *
 * @param format the input format
 * @param width  the upright width (the EXIF orientation applied)
 * @param height the upright height
 * @param image  the upright pixels; empty when they went to the caller's rows
 */
public record ReadImage(ImageFormat format, int width, int height, Optional<BufferedImage> image) {

    public ReadImage {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(image, "image");
    }

    /** {@code image} as read. */
    static ReadImage of(BufferedImage image, ImageFormat format) {
        return new ReadImage(format, image.getWidth(), image.getHeight(), Optional.of(image));
    }
}
