package dev.pixelstep.functions.internal.image;

import java.util.Locale;
import java.util.Optional;

/**
 * The image formats the functions read, and the format each one is written back in.
 *
 * <p>JPEG and PNG inputs keep their format. GIF, BMP and TIFF inputs (and WebP, when an ImageIO
 * WebP reader is on the class path; the JDK has none) are written as PNG: lossless, it keeps
 * every pixel and any transparency of the input.
 */
public enum ImageFormat {
    JPEG("jpeg", "jpg", "image/jpeg"),
    PNG("png", "png", "image/png"),
    GIF("gif", "gif", "image/gif"),
    BMP("bmp", "bmp", "image/bmp"),
    TIFF("tiff", "tif", "image/tiff"),
    WEBP("webp", "webp", "image/webp");

    private final String id;
    private final String extension;
    private final String contentType;

    ImageFormat(String id, String extension, String contentType) {
        this.id = id;
        this.extension = extension;
        this.contentType = contentType;
    }

    /** Lower-case name used in JSON results, e.g. {@code jpeg}. */
    public String id() {
        return id;
    }

    /** File extension of outputs in this format, without the dot. */
    public String extension() {
        return extension;
    }

    /** The MIME type. */
    public String contentType() {
        return contentType;
    }

    /** The format outputs of an input in this format are written in: JPEG stays JPEG, all others become PNG. */
    public ImageFormat output() {
        return this == JPEG ? JPEG : PNG;
    }

    /** Whether the functions can write this format. */
    public boolean writable() {
        return this == JPEG || this == PNG;
    }

    /** The format of an ImageIO reader's {@code getFormatName()}, if it is one of these. */
    public static Optional<ImageFormat> fromFormatName(String formatName) {
        return switch (formatName.toLowerCase(Locale.ROOT)) {
            case "jpeg", "jpg" -> Optional.of(JPEG);
            case "png" -> Optional.of(PNG);
            case "gif" -> Optional.of(GIF);
            case "bmp" -> Optional.of(BMP);
            case "tif", "tiff" -> Optional.of(TIFF);
            case "webp" -> Optional.of(WEBP);
            default -> Optional.empty();
        };
    }
}
