package dev.pixelstep.testkit.gen;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A camera-like EXIF TIFF block for tests, written here independently of the code under test:
 * IFD0 (Orientation, Copyright, Artist, a pointer to the EXIF directory), the EXIF directory
 * (DateTimeOriginal), then IFD1 with a thumbnail, laid out as cameras do. Also splices it into a
 * JPEG (APP1 after APP0) or a PNG (eXIf after IHDR).
 */
public final class ExifFixture {

    public static final String COPYRIGHT = "(c) 2026 Ada Lovelace";
    public static final String ARTIST = "Ada";
    public static final String TAKEN = "2026:11:26 19:40:00";
    /** The thumbnail's bytes: a pattern that occurs nowhere else. */
    public static final byte[] THUMBNAIL = thumbnail();

    private ExifFixture() {
    }

    /** The TIFF block with {@code orientation}, in {@code order}. */
    public static byte[] tiff(int orientation, ByteOrder order) {
        byte[] copyright = ascii(COPYRIGHT);
        byte[] artist = ascii(ARTIST);
        byte[] taken = ascii(TAKEN);
        int ifd0 = 8;
        int ifd0Size = 2 + 4 * 12 + 4;
        int values = ifd0 + ifd0Size;
        int copyrightAt = values;
        int exifIfd = copyrightAt + copyright.length + (copyright.length & 1);
        int exifSize = 2 + 12 + 4;
        int takenAt = exifIfd + exifSize;
        int ifd1 = takenAt + taken.length;
        int ifd1Size = 2 + 2 * 12 + 4;
        int thumbAt = ifd1 + ifd1Size;
        ByteBuffer b = ByteBuffer.allocate(thumbAt + THUMBNAIL.length).order(order);
        b.put(order == ByteOrder.BIG_ENDIAN ? new byte[] {'M', 'M', 0, 42} : new byte[] {'I', 'I', 42, 0});
        b.putInt(ifd0);
        b.putShort((short) 4);
        entryInline(b, 0x0112, 3, orientation); // Orientation
        entryInline(b, 0x013B, 2, artist); // Artist, 4 bytes inline ("Ada\0")
        entry(b, 0x8298, 2, copyright.length, copyrightAt); // Copyright
        entry(b, 0x8769, 4, 1, exifIfd); // EXIF directory
        b.putInt(ifd1);
        b.put(copyright);
        if ((copyright.length & 1) == 1) {
            b.put((byte) 0);
        }
        b.putShort((short) 1);
        entry(b, 0x9003, 2, taken.length, takenAt); // DateTimeOriginal
        b.putInt(0);
        b.put(taken);
        b.putShort((short) 2);
        entry(b, 0x0201, 4, 1, thumbAt); // JPEGInterchangeFormat
        entry(b, 0x0202, 4, 1, THUMBNAIL.length); // JPEGInterchangeFormatLength
        b.putInt(0);
        b.put(THUMBNAIL);
        return b.array();
    }

    /** {@code jpeg} with an APP1 {@code Exif\0\0} segment holding {@code tiff} after its APP0. */
    public static byte[] inJpeg(byte[] jpeg, byte[] tiff) {
        int at = 4 + ((jpeg[4] & 0xff) << 8 | (jpeg[5] & 0xff));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, at);
        int length = 2 + 6 + tiff.length;
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length, 'E', 'x', 'i', 'f', 0, 0});
        out.writeBytes(tiff);
        out.write(jpeg, at, jpeg.length - at);
        return out.toByteArray();
    }

    /** {@code png} with an {@code eXIf} chunk holding {@code tiff} after its IHDR. */
    public static byte[] inPng(byte[] png, byte[] tiff) {
        int at = 8 + 12 + 13;
        ByteBuffer chunk = ByteBuffer.allocate(12 + tiff.length);
        chunk.putInt(tiff.length).put("eXIf".getBytes(StandardCharsets.US_ASCII)).put(tiff);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(chunk.array(), 4, 4 + tiff.length);
        chunk.putInt((int) crc.getValue());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, at);
        out.writeBytes(chunk.array());
        out.write(png, at, png.length - at);
        return out.toByteArray();
    }

    /** Whether {@code needle} occurs in {@code haystack}. */
    public static boolean contains(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }

    private static void entry(ByteBuffer b, int tag, int type, int count, int value) {
        b.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
    }

    private static void entryInline(ByteBuffer b, int tag, int type, int shortValue) {
        b.putShort((short) tag).putShort((short) type).putInt(1).putShort((short) shortValue).putShort((short) 0);
    }

    private static void entryInline(ByteBuffer b, int tag, int type, byte[] fourBytes) {
        b.putShort((short) tag).putShort((short) type).putInt(fourBytes.length).put(Arrays.copyOf(fourBytes, 4));
    }

    private static byte[] ascii(String text) {
        return (text + "\0").getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] thumbnail() {
        byte[] t = new byte[600];
        t[0] = (byte) 0xFF;
        t[1] = (byte) 0xD8;
        for (int i = 2; i < t.length - 2; i++) {
            t[i] = (byte) (i * 7 + 3);
        }
        t[t.length - 2] = (byte) 0xFF;
        t[t.length - 1] = (byte) 0xD9;
        return t;
    }
}
