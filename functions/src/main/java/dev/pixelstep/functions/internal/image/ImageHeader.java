package dev.pixelstep.functions.internal.image;

import dev.pixelstep.s3.ExifOrientation;
import dev.pixelstep.spi.ImageSize;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;

/**
 * The format and pixel size an image declares in its header, read from the first bytes of the
 * object only, so that limits and the chain's plan can be checked before the object is
 * downloaded and decoded. Uses the same ImageIO readers as the {@link ImageDecoder} (only those of
 * the supported {@link ImageFormat}s). PNG, GIF and BMP headers are in their first bytes, a JPEG's
 * frame header follows its metadata segments (usually within a few kilobytes), a TIFF's may be
 * anywhere: when the bytes given do not hold the header, the answer is empty and the caller reads
 * it from the whole object. Thread-safe.
 *
 * @param format the format the header belongs to
 * @param size   the width and height of the upright image: the declared ones, swapped when the
 *               EXIF Orientation turns the image a quarter (the decoder turns it before any step)
 */
public record ImageHeader(ImageFormat format, ImageSize size) {

    /** How many leading bytes of an object to read for its header. */
    public static final int PREFIX_BYTES = 64 * 1024;

    /**
     * The header in {@code bytes}, if a reader of a supported format recognises them and can read
     * the width and height of the first image from them; empty otherwise (not an image, a damaged
     * header, or a header beyond these bytes). Never throws for bad data.
     */
    public static Optional<ImageHeader> read(byte[] bytes) {
        try (ImageInputStream input = new ByteArrayImageInputStream(bytes)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            while (readers.hasNext()) {
                ImageReader reader = readers.next();
                try {
                    Optional<ImageFormat> format = ImageFormat.fromFormatName(reader.getFormatName());
                    if (format.isPresent()) {
                        input.seek(0);
                        reader.setInput(input, true, true);
                        int width = reader.getWidth(0);
                        int height = reader.getHeight(0);
                        if (width < 1 || height < 1) {
                            return Optional.empty();
                        }
                        boolean turned = ExifOrientation.swapsSides(Orientation.of(format.get(), bytes));
                        return Optional.of(new ImageHeader(format.get(), turned ? new ImageSize(height, width) : new ImageSize(width, height)));
                    }
                } finally {
                    reader.dispose();
                }
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // the decoder reports bad data with the whole object in hand
        }
    }
}
