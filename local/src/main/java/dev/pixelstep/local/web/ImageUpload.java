package dev.pixelstep.local.web;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * An uploaded image body, received into a temporary file by {@link UploadBody} and identified
 * by its content (an ImageIO reader accepting its first bytes and parsing its header), never by
 * its name.
 * Delete the file with {@link #close()}.
 *
 * @param file        the bytes, in a temporary file
 * @param size        how many bytes
 * @param extension   the key extension for the detected format
 * @param contentType the MIME type of the detected format
 */
record ImageUpload(Path file, long size, String extension, String contentType) implements AutoCloseable {

    /**
     * Detected format name to key extension and MIME type: the formats the functions read (their
     * {@code ImageFormat}, with the layer's TwelveMonkeys readers, which this JVM has too).
     */
    static final Map<String, String[]> FORMATS = Map.of(
            "jpeg", new String[]{"jpg", "image/jpeg"},
            "png", new String[]{"png", "image/png"},
            "webp", new String[]{"webp", "image/webp"},
            "gif", new String[]{"gif", "image/gif"},
            "bmp", new String[]{"bmp", "image/bmp"},
            "tif", new String[]{"tif", "image/tiff"},
            "tiff", new String[]{"tif", "image/tiff"});

    /**
     * Identifies a received body by its content; its file is deleted when it is not an image.
     *
     * @throws ApiException 400 when empty, 415 when the content is not an image of a known format
     */
    static ImageUpload of(UploadBody.Received body) {
        try {
            if (body.size() == 0) {
                throw new ApiException(400, "the upload is empty: choose an image file");
            }
            String format = format(body.file());
            String[] known = format == null ? null : FORMATS.get(format);
            if (known == null) {
                throw new ApiException(415, "this file is not an image the pipeline can read;"
                        + " use a JPEG, PNG, WebP, GIF, BMP or TIFF image");
            }
            return new ImageUpload(body.file(), body.size(), known[0], known[1]);
        } catch (RuntimeException e) {
            delete(body.file());
            throw e;
        }
    }

    /** The lower-case format name of the first ImageIO reader that accepts the content, or null. */
    private static String format(Path file) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                return null;
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                // The magic bytes matched; the header must parse too (dimensions), without decoding pixels.
                reader.setInput(in, true, true);
                if (reader.getWidth(0) < 1 || reader.getHeight(0) < 1) {
                    return null;
                }
                return reader.getOriginatingProvider().getFormatNames()[0].toLowerCase(Locale.ROOT);
            } catch (IOException | RuntimeException e) {
                return null;
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            return null;
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temporary file; the OS cleans it up eventually
        }
    }

    @Override
    public void close() {
        delete(file);
    }
}
