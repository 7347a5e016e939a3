package dev.pixelstep.functions.internal.image;

import dev.pixelstep.functions.error.ImageTooLargeException;
import dev.pixelstep.functions.error.UnsupportedImageException;
import dev.pixelstep.functions.support.FormatFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input through the new readers (TwelveMonkeys WebP and TIFF) and the PNG checksum decision:
 * a truncated or corrupt file is refused with {@link UnsupportedImageException} (non-retryable, a
 * message a person can act on), a header declaring too many pixels with
 * {@link ImageTooLargeException} before any pixel buffer; never another exception, never a hang.
 */
class DamagedInputTest {

    private final ImageDecoder decoder = new ImageDecoder(new ImageLimits(ImageLimits.DEFAULT_MAX_BYTES, 1_000_000));

    @ParameterizedTest
    @ValueSource(strings = {"webp-lossy.webp", "webp-lossless-alpha.webp", "webp-animated.webp"})
    void truncatedWebpIsRefusedAtEveryLength(String fixture) {
        byte[] whole = FormatFixtures.bytes(fixture);
        for (int length = 0; length < whole.length; length++) {
            byte[] cut = Arrays.copyOf(whole, length);
            UnsupportedImageException e = assertThrows(UnsupportedImageException.class, () -> decoder.decode("s3://in/" + fixture, cut),
                    fixture + " cut to " + length + " bytes");
            assertTrue(e.getMessage().startsWith("s3://in/" + fixture), e.getMessage());
        }
    }

    /**
     * A TIFF cut anywhere is refused unless the cut leaves the first page (the one decoded) whole;
     * then it decodes to exactly the first page's pixels. Never wrong pixels.
     */
    @Test
    void truncatedTiffIsRefusedOrDecodesItsWholeFirstPage() {
        byte[] whole = FormatFixtures.bytes("tiff-multipage.tif");
        int refused = 0;
        for (int length = 0; length < whole.length; length++) {
            byte[] cut = Arrays.copyOf(whole, length);
            try {
                FormatFixtures.assertMatches("cut to " + length, FormatFixtures.expected("tiff-multipage.tif"),
                        decoder.decode("s3://in/t.tif", cut).image(), 0);
            } catch (UnsupportedImageException e) {
                assertTrue(e.getMessage().startsWith("s3://in/t.tif"), e.getMessage());
                refused++;
            }
        }
        assertTrue(refused > whole.length / 3, "most cuts damage the first page or the directories: " + refused);
    }

    @ParameterizedTest
    @ValueSource(strings = {"webp-lossy.webp", "webp-lossless-alpha.webp", "tiff-multipage.tif"})
    void corruptFilesAreRefusedOrDecodedAtTheirSizeNeverAnotherError(String fixture) {
        byte[] whole = FormatFixtures.bytes(fixture);
        for (int at = 12; at < whole.length; at += 3) {
            byte[] bad = whole.clone();
            bad[at] ^= (byte) 0x5a;
            try {
                DecodedImage decoded = decoder.decode("corrupt", bad);
                assertTrue(decoded.width() > 0 && decoded.height() > 0);
            } catch (UnsupportedImageException | ImageTooLargeException e) {
                assertTrue(e.getMessage().startsWith("corrupt"), e.getMessage());
            }
        }
    }

    @Test
    void webpDeclaringTooManyPixelsIsRefusedFromItsHeader() {
        // a lossless WebP (VP8L) header: 14-bit width-1 and height-1 after the signature byte 0x2f
        byte[] webp = FormatFixtures.bytes("webp-lossless-alpha.webp").clone();
        int vp8l = indexOf(webp, "VP8L") + 8;
        assertEquals(0x2f, webp[vp8l] & 0xff);
        int bits = ByteBuffer.wrap(webp, vp8l + 1, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        bits = (bits & ~0x0fffffff) | (9999) | (9999 << 14); // 10000 x 10000
        ByteBuffer.wrap(webp, vp8l + 1, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(bits);
        ImageTooLargeException e = assertThrows(ImageTooLargeException.class, () -> decoder.decode("big.webp", webp));
        assertTrue(e.getMessage().contains("10000x10000"), e.getMessage());
    }

    @Test
    void pngWithAWrongCriticalChunkCrcIsRefused() {
        byte[] png = FormatFixtures.bytes("png-rgb-8.png").clone();
        int idat = indexOf(png, "IDAT");
        int length = ByteBuffer.wrap(png, idat - 4, 4).getInt();
        png[idat + 4 + length] ^= 1; // the IDAT's CRC
        UnsupportedImageException e = assertThrows(UnsupportedImageException.class, () -> decoder.decode("s3://in/a.png", png));
        assertTrue(e.getMessage().contains("IDAT") && e.getMessage().contains("undamaged"), e.getMessage());
    }

    @Test
    void pngWithAWrongAncillaryChunkCrcIsAcceptedLikeLibpng() {
        byte[] png = FormatFixtures.bytes("png-rgb-8.png");
        byte[] text = "tEXtComment\0hello".getBytes(StandardCharsets.ISO_8859_1);
        CRC32 crc = new CRC32();
        crc.update(text);
        ByteBuffer chunk = ByteBuffer.allocate(text.length + 8).putInt(text.length - 4).put(text).putInt((int) crc.getValue() ^ 1);
        int at = indexOf(png, "IDAT") - 4;
        byte[] withText = new byte[png.length + chunk.capacity()];
        System.arraycopy(png, 0, withText, 0, at);
        System.arraycopy(chunk.array(), 0, withText, at, chunk.capacity());
        System.arraycopy(png, at, withText, at + chunk.capacity(), png.length - at);
        FormatFixtures.assertMatches("bad tEXt CRC", FormatFixtures.expected("png-rgb-8.png"), decoder.decode("a.png", withText).image(), 0);
    }

    private static int indexOf(byte[] bytes, String tag) {
        byte[] t = tag.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + t.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + t.length, t, 0, t.length)) {
                return i;
            }
        }
        throw new AssertionError("no " + tag);
    }
}
