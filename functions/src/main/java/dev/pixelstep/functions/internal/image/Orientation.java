package dev.pixelstep.functions.internal.image;

import com.twelvemonkeys.imageio.metadata.CompoundDirectory;
import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import dev.pixelstep.s3.ExifOrientation;

import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The EXIF Orientation of an image (TIFF tag 274, values 1 to 8) and the transform that makes the
 * pixels upright. The tag is read from the encoded bytes, whatever decoder then reads the pixels:
 * a JPEG's APP1 {@code Exif} segment, a PNG's {@code eXIf} chunk, a WebP's {@code EXIF} chunk, a
 * TIFF's first directory; parsed with TwelveMonkeys' TIFF metadata reader. A missing, damaged or
 * out-of-range tag is 1 (upright as stored): orientation never fails a decode. Thread-safe.
 */
public final class Orientation {

    private Orientation() {
    }

    /** The EXIF orientation of an image of {@code format} held in {@code bytes}; {@link ExifOrientation#UPRIGHT} when none. */
    public static int of(ImageFormat format, byte[] bytes) {
        try {
            byte[] tiff = tiffBlock(format, bytes);
            return tiff == null ? ExifOrientation.UPRIGHT : orientation(tiff);
        } catch (IOException | RuntimeException e) {
            return ExifOrientation.UPRIGHT; // damaged metadata: the pixels are read as stored
        }
    }

    /**
     * The EXIF TIFF block of an image of {@code format} in {@code bytes}, from its TIFF header on:
     * a JPEG's first APP1 {@code Exif} segment, a PNG's {@code eXIf} chunk, a WebP's {@code EXIF}
     * chunk, a TIFF file itself; null when there is none. Also {@link Exif}'s source.
     */
    static byte[] tiffBlock(ImageFormat format, byte[] bytes) throws IOException {
        return switch (format) {
            case JPEG -> jpegExif(bytes);
            case PNG -> chunk(bytes, 8, "eXIf", false);
            case WEBP -> chunk(bytes, 12, "EXIF", true);
            case TIFF -> bytes;
            default -> null;
        };
    }

    /**
     * {@code image} ({@code TYPE_INT_RGB} or {@code TYPE_INT_ARGB} with {@linkplain IntRgb#packed packed}
     * pixels) made upright: itself for orientation 1, otherwise a new image of the same type.
     */
    public static BufferedImage apply(BufferedImage image, int orientation) {
        if (!ExifOrientation.turns(orientation)) {
            return image;
        }
        int[] src = IntRgb.packed(image);
        if (src == null) {
            throw new IllegalArgumentException("expected packed TYPE_INT_RGB or TYPE_INT_ARGB pixels");
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swap = ExifOrientation.swapsSides(orientation);
        BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, image.getType());
        ExifOrientation.turnUpright(src, w, h, orientation, IntRgb.packed(out));
        return out;
    }

    private static int orientation(byte[] tiff) throws IOException {
        try (ImageInputStream in = new ByteArrayImageInputStream(tiff)) {
            Directory directory = new TIFFReader().read(in);
            if (directory instanceof CompoundDirectory compound && compound.directoryCount() > 0) {
                directory = compound.getDirectory(0);
            }
            Entry entry = directory.getEntryById(TIFF.TAG_ORIENTATION);
            return entry != null && entry.getValue() instanceof Number value ? ExifOrientation.of(value.intValue()) : ExifOrientation.UPRIGHT;
        }
    }

    /** The TIFF block of a JPEG's first APP1 {@code Exif} segment, or null. */
    private static byte[] jpegExif(byte[] bytes) throws IOException {
        try (ImageInputStream in = new ByteArrayImageInputStream(bytes)) {
            List<JPEGSegment> segments = JPEGSegmentUtil.readSegments(in, JPEG.APP1, "Exif");
            if (segments.isEmpty()) {
                return null;
            }
            try (InputStream data = segments.get(0).data()) {
                return fromTiffHeader(data.readAllBytes());
            }
        }
    }

    /**
     * The data of the first chunk named {@code name} in a PNG (big-endian lengths, chunks from
     * offset 8) or a RIFF/WebP file (little-endian, from offset 12, padded to even sizes), or null.
     */
    private static byte[] chunk(byte[] bytes, int start, String name, boolean riff) {
        byte[] id = name.getBytes(StandardCharsets.US_ASCII);
        int at = start;
        while (at + 8 <= bytes.length) {
            long length = riff ? littleEndian(bytes, at + 4) : bigEndian(bytes, at);
            int tag = riff ? at : at + 4;
            int data = at + 8;
            if (length < 0 || data + length > bytes.length) {
                return null;
            }
            if (Arrays.equals(bytes, tag, tag + 4, id, 0, 4)) {
                return fromTiffHeader(Arrays.copyOfRange(bytes, data, data + (int) length));
            }
            if (!riff && Arrays.equals(bytes, tag, tag + 4, "IDAT".getBytes(StandardCharsets.US_ASCII), 0, 4)) {
                return null; // eXIf comes before the image data
            }
            at = data + (int) length + (riff ? (int) (length & 1) : 4);
        }
        return null;
    }

    /** {@code block} from its TIFF header on ("II*\0" or "MM\0*"), skipping an {@code Exif\0\0} prefix; null without one. */
    private static byte[] fromTiffHeader(byte[] block) {
        for (int i = 0; i + 4 <= block.length && i <= 8; i++) {
            if ((block[i] == 'I' && block[i + 1] == 'I' && block[i + 2] == 42 && block[i + 3] == 0)
                    || (block[i] == 'M' && block[i + 1] == 'M' && block[i + 2] == 0 && block[i + 3] == 42)) {
                return i == 0 ? block : Arrays.copyOfRange(block, i, block.length);
            }
        }
        return null;
    }

    private static long bigEndian(byte[] b, int at) {
        return (b[at] & 0xffL) << 24 | (b[at + 1] & 0xffL) << 16 | (b[at + 2] & 0xffL) << 8 | (b[at + 3] & 0xffL);
    }

    private static long littleEndian(byte[] b, int at) {
        return (b[at + 3] & 0xffL) << 24 | (b[at + 2] & 0xffL) << 16 | (b[at + 1] & 0xffL) << 8 | (b[at] & 0xffL);
    }
}
