package dev.pixelstep.functions.internal.image;

import com.twelvemonkeys.imageio.metadata.CompoundDirectory;
import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;

import javax.imageio.stream.ImageInputStream;
import java.io.IOException;
import java.lang.reflect.Array;
import java.util.Optional;

/**
 * Whether a WebP or TIFF file holds all the bytes its container declares for the image the
 * decoder reads. TwelveMonkeys' WebP and TIFF readers do not always notice a truncated file (they
 * read past its end as zeros, or as a header of garbage): a WebP's RIFF header states the file's
 * length, a TIFF's first directory the offsets and byte counts of the first page's strips or tiles.
 * Other formats' readers report truncation themselves (as a warning or an error). Thread-safe.
 */
final class CompleteFile {

    private CompleteFile() {
    }

    /** What is missing, e.g. {@code "the RIFF header declares 200 bytes, the file has 36"}; empty when complete. */
    static Optional<String> missing(ImageFormat format, byte[] bytes) {
        return switch (format) {
            case WEBP -> riff(bytes);
            case TIFF -> tiff(bytes);
            default -> Optional.empty();
        };
    }

    private static Optional<String> riff(byte[] bytes) {
        if (bytes.length < 12) {
            return Optional.of("the file has only " + bytes.length + " bytes");
        }
        long declared = ((bytes[7] & 0xffL) << 24 | (bytes[6] & 0xffL) << 16 | (bytes[5] & 0xffL) << 8 | (bytes[4] & 0xffL)) + 8;
        return declared > bytes.length
                ? Optional.of("its RIFF header declares " + declared + " bytes, the file has " + bytes.length)
                : Optional.empty();
    }

    private static Optional<String> tiff(byte[] bytes) {
        try (ImageInputStream in = new ByteArrayImageInputStream(bytes)) {
            Directory directory = new TIFFReader().read(in);
            if (directory instanceof CompoundDirectory compound && compound.directoryCount() > 0) {
                directory = compound.getDirectory(0);
            }
            long end = Math.max(end(directory, TIFF.TAG_STRIP_OFFSETS, TIFF.TAG_STRIP_BYTE_COUNTS),
                    end(directory, TIFF.TAG_TILE_OFFSETS, TIFF.TAG_TILE_BYTE_COUNTS));
            return end > bytes.length
                    ? Optional.of("its first page's data ends at byte " + end + ", the file has " + bytes.length)
                    : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of("its first directory cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The largest offset + byte count of the pieces named by the two tags; 0 when absent. */
    private static long end(Directory directory, int offsetsTag, int countsTag) {
        Entry offsets = directory.getEntryById(offsetsTag);
        Entry counts = directory.getEntryById(countsTag);
        if (offsets == null || counts == null) {
            return 0;
        }
        Object o = offsets.getValue();
        Object c = counts.getValue();
        int n = Math.min(length(o), length(c));
        long end = 0;
        for (int i = 0; i < n; i++) {
            end = Math.max(end, number(o, i) + number(c, i));
        }
        return end;
    }

    private static int length(Object value) {
        return value.getClass().isArray() ? Array.getLength(value) : 1;
    }

    private static long number(Object value, int i) {
        Object v = value.getClass().isArray() ? Array.get(value, i) : value;
        return v instanceof Number number ? number.longValue() : 0;
    }
}
