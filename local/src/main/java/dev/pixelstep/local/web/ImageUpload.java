package dev.pixelstep.local.web;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * An uploaded image body, copied to a temporary file while its size is checked and then
 * identified by its content (an ImageIO reader accepting its first bytes and parsing its header),
 * never by its name.
 * Delete the file with {@link #close()}.
 *
 * @param file        the bytes, in a temporary file
 * @param size        how many bytes
 * @param extension   the key extension for the detected format
 * @param contentType the MIME type of the detected format
 */
record ImageUpload(Path file, long size, String extension, String contentType) implements AutoCloseable {

    /** Detected format name to key extension and MIME type. */
    private static final Map<String, String[]> FORMATS = Map.of(
            "jpeg", new String[]{"jpg", "image/jpeg"},
            "png", new String[]{"png", "image/png"},
            "gif", new String[]{"gif", "image/gif"},
            "bmp", new String[]{"bmp", "image/bmp"},
            "tif", new String[]{"tif", "image/tiff"},
            "tiff", new String[]{"tif", "image/tiff"},
            "wbmp", new String[]{"wbmp", "image/vnd.wap.wbmp"});

    /** How many bytes past the limit are still read (and dropped) so the client hears the 413 instead of a reset. */
    private static final long DRAIN_BYTES = 8L * 1024 * 1024;

    /**
     * Reads {@code body} into a temporary file.
     *
     * @throws ApiException 413 past {@code maxBytes}, 415 when the content is not an image of a known format
     */
    static ImageUpload read(InputStream body, long maxBytes) {
        Path file;
        try {
            file = Files.createTempFile("pixelstep-upload-", ".bin");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary file for the upload", e);
        }
        try {
            long size = copy(body, file, maxBytes);
            if (size == 0) {
                throw new ApiException(400, "the upload is empty: choose an image file");
            }
            String format = format(file);
            String[] known = format == null ? null : FORMATS.get(format);
            if (known == null) {
                throw new ApiException(415, "this file is not an image the pipeline can read;"
                        + " use a JPEG, PNG, GIF, BMP, TIFF or WBMP image");
            }
            return new ImageUpload(file, size, known[0], known[1]);
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    private static long copy(InputStream body, Path file, long maxBytes) {
        byte[] buffer = new byte[64 * 1024];
        long size = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int n; (n = body.read(buffer)) >= 0; ) {
                size += n;
                if (size > maxBytes) {
                    drain(body, buffer);
                    throw new ApiException(413, "the image is larger than " + maxBytes / (1024 * 1024) + " MB ("
                            + maxBytes + " bytes), the most the pipeline accepts");
                }
                out.write(buffer, 0, n);
            }
            return size;
        } catch (IOException e) {
            throw new ApiException(400, "the upload was interrupted: " + e.getMessage());
        }
    }

    private static void drain(InputStream body, byte[] buffer) {
        long dropped = 0;
        try {
            for (int n; dropped < DRAIN_BYTES && (n = body.read(buffer)) >= 0; ) {
                dropped += n;
            }
        } catch (IOException e) {
            // the client went away; nothing more to do
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
