package dev.pixelstep.functions.internal.image;

import dev.pixelstep.s3.ExifOrientation;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * The EXIF an output keeps with {@code metadata=keep}: the input's TIFF block (from its JPEG APP1
 * {@code Exif} segment, PNG {@code eXIf} or WebP {@code EXIF} chunk, found as
 * {@link Orientation} finds it) with the Orientation tag made 1, because the pixels are already
 * upright, and without the IFD1 thumbnail, which would show the image before the chain ran: the
 * link to IFD1 is cut, IFD1 and the thumbnail bytes are zeroed and the block is cut after the last
 * byte IFD0 and its EXIF, GPS and interoperability directories refer to. Copyright, artist, camera,
 * dates and GPS survive.
 *
 * <p>The block is untrusted: a small walker checks every offset and length against the block,
 * follows each directory once (no loops) and at most {@value #MAX_DEPTH} levels deep; anything
 * out of bounds or of an unknown type, or a block above {@value #MAX_BYTES} bytes (what one JPEG
 * APP1 segment holds), means the output is written without EXIF. Written here rather than with
 * TwelveMonkeys' {@code TIFFReader}/{@code TIFFWriter} because a rewrite through them changes the
 * layout of maker notes (whose offsets point into the original block) and allocates what a hostile
 * count asks for; patching the bytes in place keeps everything else exactly as the camera wrote it.
 * Instances are immutable.
 */
public final class Exif {

    /** The largest TIFF block kept: a JPEG APP1 segment of 65535 bytes less its length and {@code Exif\0\0}. */
    public static final int MAX_BYTES = 65535 - 2 - 6;

    /** The largest source block looked at (a PNG eXIf chunk can be any size; what is kept must fit {@link #MAX_BYTES}). */
    private static final int MAX_SOURCE_BYTES = 4 << 20;
    private static final int MAX_DEPTH = 3;
    private static final int TAG_ORIENTATION = 0x0112;
    private static final int TAG_EXIF_IFD = 0x8769;
    private static final int TAG_GPS_IFD = 0x8825;
    private static final int TAG_INTEROP_IFD = 0xA005;
    private static final int TAG_THUMBNAIL_OFFSET = 0x0201;
    private static final int TAG_THUMBNAIL_LENGTH = 0x0202;
    private static final int TYPE_SHORT = 3;
    private static final int TYPE_LONG = 4;
    /** Bytes per value of TIFF types 1 to 13 (0 for an unknown type). */
    private static final int[] TYPE_SIZES = {0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4};
    private static final byte[] PNG_IDAT = "IDAT".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG_EXIF = "eXIf".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EXIF_PREFIX = {'E', 'x', 'i', 'f', 0, 0};

    private final byte[] tiff;

    private Exif(byte[] tiff) {
        this.tiff = tiff;
    }

    /**
     * The EXIF an output of the image of {@code format} in {@code file} keeps; empty if it has none,
     * or none that passes the checks.
     */
    public static Optional<Exif> of(ImageFormat format, byte[] file) {
        try {
            if (format == ImageFormat.TIFF) {
                return Optional.empty(); // a TIFF's first directory describes its own strips, not a camera's EXIF
            }
            byte[] block = Orientation.tiffBlock(format, file);
            return block == null || block.length > MAX_SOURCE_BYTES ? Optional.empty() : clean(block).map(Exif::new);
        } catch (java.io.IOException | RuntimeException e) {
            return Optional.empty(); // damaged metadata is dropped, never a failed run
        }
    }

    /** The TIFF block, from its {@code II*\0} or {@code MM\0*} header on (a copy). */
    public byte[] tiff() {
        return tiff.clone();
    }

    /** {@code image} with this EXIF added: a JPEG's APP1 right after SOI and APP0, a PNG's {@code eXIf} before the first IDAT. */
    EncodedImage addTo(EncodedImage image) {
        byte[] file = image.toByteArray();
        return switch (image.format()) {
            case JPEG -> jpeg(file);
            case PNG -> png(file);
            default -> image;
        };
    }

    private EncodedImage jpeg(byte[] file) {
        int at = 2; // after SOI
        if (file.length > 6 && (file[2] & 0xff) == 0xFF && (file[3] & 0xff) == 0xE0) {
            at = 4 + u16(file, 4, true);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(file.length + tiff.length + 10);
        out.write(file, 0, at);
        out.write(0xFF);
        out.write(0xE1);
        int length = 2 + EXIF_PREFIX.length + tiff.length;
        out.write(length >> 8);
        out.write(length & 0xff);
        out.writeBytes(EXIF_PREFIX);
        out.writeBytes(tiff);
        out.write(file, at, file.length - at);
        return new EncodedImage(out.toByteArray(), out.size(), ImageFormat.JPEG);
    }

    private EncodedImage png(byte[] file) {
        int at = 8;
        while (at + 8 <= file.length && !Arrays.equals(file, at + 4, at + 8, PNG_IDAT, 0, 4)) {
            at += 12 + (int) u32(file, at, true);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(file.length + tiff.length + 12);
        out.write(file, 0, at);
        out.write(tiff.length >>> 24);
        out.write(tiff.length >>> 16 & 0xff);
        out.write(tiff.length >>> 8 & 0xff);
        out.write(tiff.length & 0xff);
        out.writeBytes(PNG_EXIF);
        out.writeBytes(tiff);
        CRC32 crc = new CRC32();
        crc.update(PNG_EXIF);
        crc.update(tiff);
        long sum = crc.getValue();
        out.write((int) (sum >>> 24));
        out.write((int) (sum >>> 16 & 0xff));
        out.write((int) (sum >>> 8 & 0xff));
        out.write((int) (sum & 0xff));
        out.write(file, at, file.length - at);
        return new EncodedImage(out.toByteArray(), out.size(), ImageFormat.PNG);
    }

    /** The block patched as the class comment says, or empty if it fails a check. */
    static Optional<byte[]> clean(byte[] block) {
        if (block.length < 8) {
            return Optional.empty();
        }
        boolean big = block[0] == 'M';
        byte[] out = block.clone();
        Walk walk = new Walk(out, big);
        long ifd0 = u32(out, 4, big);
        if (!walk.directory(ifd0, 0)) {
            return Optional.empty();
        }
        int count = u16(out, (int) ifd0, big);
        int next = (int) ifd0 + 2 + 12 * count;
        long ifd1 = u32(out, next, big);
        put32(out, next, 0, big); // no IFD1: the thumbnail would be stale
        if (ifd1 != 0) {
            walk.zeroThumbnail(ifd1);
        }
        int end = Math.max(walk.end, 8);
        return end > MAX_BYTES ? Optional.empty() : Optional.of(Arrays.copyOf(out, end));
    }

    /** A bounds-checked walk over IFD0 and its sub-directories, noting the last byte they use. */
    private static final class Walk {
        private final byte[] b;
        private final boolean big;
        private final Set<Long> seen = new HashSet<>();
        private final List<long[]> used = new ArrayList<>();
        private int end;

        Walk(byte[] b, boolean big) {
            this.b = b;
            this.big = big;
        }

        /** Checks the directory at {@code offset} and what it refers to, making its Orientation 1; false if anything is out of bounds. */
        boolean directory(long offset, int depth) {
            if (depth > MAX_DEPTH || !seen.add(offset) || offset < 8 || offset + 2 > b.length) {
                return false;
            }
            int at = (int) offset;
            int count = u16(b, at, big);
            long size = 2L + 12L * count + 4;
            if (at + size > b.length) {
                return false;
            }
            use(at, at + size);
            for (int i = 0; i < count; i++) {
                int entry = at + 2 + 12 * i;
                int tag = u16(b, entry, big);
                int type = u16(b, entry + 2, big);
                long n = u32(b, entry + 4, big);
                if (type < 1 || type >= TYPE_SIZES.length) {
                    return false;
                }
                long bytes = n * TYPE_SIZES[type];
                if (bytes > 4) {
                    long value = u32(b, entry + 8, big);
                    if (bytes > b.length || value < 8 || value + bytes > b.length) {
                        return false;
                    }
                    use(value, value + bytes);
                }
                if (tag == TAG_ORIENTATION && type == TYPE_SHORT && n == 1) {
                    put16(b, entry + 8, ExifOrientation.UPRIGHT, big);
                }
                if ((tag == TAG_EXIF_IFD || tag == TAG_GPS_IFD || tag == TAG_INTEROP_IFD) && n == 1 && (type == TYPE_LONG || type == 13)
                        && !directory(u32(b, entry + 8, big), depth + 1)) {
                    return false;
                }
            }
            return true;
        }

        private void use(long from, long to) {
            used.add(new long[] {from, to});
            end = (int) Math.max(end, to);
        }

        /** Zeroes {@code from} to {@code to} unless a kept directory or value lies there. */
        private void zero(long from, long to) {
            for (long[] range : used) {
                if (from < range[1] && range[0] < to) {
                    return;
                }
            }
            Arrays.fill(b, (int) from, (int) to, (byte) 0);
        }

        /** Zeroes IFD1 and its JPEG thumbnail where they lie in bounds (they are no longer referred to). */
        void zeroThumbnail(long offset) {
            if (offset < 8 || offset + 2 > b.length) {
                return;
            }
            int at = (int) offset;
            int count = u16(b, at, big);
            long size = 2L + 12L * count + 4;
            if (at + size > b.length) {
                return;
            }
            long thumb = -1;
            long length = -1;
            for (int i = 0; i < count; i++) {
                int entry = at + 2 + 12 * i;
                int tag = u16(b, entry, big);
                int type = u16(b, entry + 2, big);
                long value = type == TYPE_SHORT ? u16(b, entry + 8, big) : u32(b, entry + 8, big);
                if (tag == TAG_THUMBNAIL_OFFSET) {
                    thumb = value;
                } else if (tag == TAG_THUMBNAIL_LENGTH) {
                    length = value;
                }
            }
            if (thumb >= 8 && length > 0 && thumb + length <= b.length) {
                zero(thumb, thumb + length);
            }
            zero(at, at + size);
        }
    }

    private static int u16(byte[] b, int at, boolean big) {
        return big ? (b[at] & 0xff) << 8 | (b[at + 1] & 0xff) : (b[at + 1] & 0xff) << 8 | (b[at] & 0xff);
    }

    private static long u32(byte[] b, int at, boolean big) {
        return big
                ? (b[at] & 0xffL) << 24 | (b[at + 1] & 0xffL) << 16 | (b[at + 2] & 0xffL) << 8 | (b[at + 3] & 0xffL)
                : (b[at + 3] & 0xffL) << 24 | (b[at + 2] & 0xffL) << 16 | (b[at + 1] & 0xffL) << 8 | (b[at] & 0xffL);
    }

    private static void put16(byte[] b, int at, int value, boolean big) {
        b[at + (big ? 0 : 1)] = (byte) (value >> 8);
        b[at + (big ? 1 : 0)] = (byte) value;
    }

    private static void put32(byte[] b, int at, long value, boolean big) {
        for (int i = 0; i < 4; i++) {
            b[at + (big ? i : 3 - i)] = (byte) (value >>> (24 - 8 * i));
        }
    }
}
