package dev.pixelstep.functions.internal.image;

import com.twelvemonkeys.imageio.metadata.CompoundDirectory;
import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import dev.pixelstep.s3.ExifOrientation;
import dev.pixelstep.testkit.gen.ExifFixture;
import dev.pixelstep.functions.support.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code metadata=keep}: the input's EXIF on every output, upright, without the thumbnail; hostile EXIF dropped. */
class ExifTest {

    private static final int RED = 0xFFFF0000;
    private static final int BLUE = 0xFF0000FF;

    private final ImageDecoder decoder = new ImageDecoder(ImageLimits.defaults());
    private final ImageEncoder encoder = new ImageEncoder();

    @ParameterizedTest
    @ValueSource(strings = {"baseline", "progressive", "png"})
    void aJpegTurnedUprightKeepsItsExifWithOrientationOneAndNoThumbnail(String output) throws IOException {
        // stored 40x20, red at the stored top-left; Orientation 6: upright it is 20x40, red at the top-right
        BufferedImage stored = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 40; x++) {
                stored.setRGB(x, y, x < 10 && y < 10 ? RED : BLUE);
            }
        }
        byte[] input = ExifFixture.inJpeg(TestImages.encode(stored, "jpeg"), ExifFixture.tiff(6, ByteOrder.BIG_ENDIAN));
        DecodedImage decoded = decoder.decode("in", input);
        assertEquals(20, decoded.width());
        OutputOptions options = OutputOptions.parse(switch (output) {
            case "png" -> "format=png, metadata=keep";
            case "progressive" -> "progressive=true, metadata=keep";
            default -> "metadata=keep";
        }).withExif(Exif.of(decoded.format(), input).orElseThrow());
        ImageFormat format = options.formatFor(decoded.format());

        byte[] out = encoder.encode(decoded.image(), format, options).toByteArray();

        byte[] tiff = Orientation.tiffBlock(format, out);
        assertNotNull(tiff, "the output carries EXIF");
        Directory ifd0 = ifd0(tiff);
        assertEquals(1, ((Number) ifd0.getEntryById(0x0112).getValue()).intValue(), "Orientation 1: the pixels are upright");
        assertEquals(ExifFixture.COPYRIGHT, ifd0.getEntryById(0x8298).getValue());
        assertEquals(ExifFixture.ARTIST, ifd0.getEntryById(0x013B).getValue());
        Directory exif = (Directory) ifd0.getEntryById(0x8769).getValue();
        assertEquals(ExifFixture.TAKEN, exif.getEntryById(0x9003).getValue());
        assertEquals(1, directories(tiff), "no IFD1");
        assertFalse(ExifFixture.contains(out, Arrays.copyOfRange(ExifFixture.THUMBNAIL, 0, 64)), "the stale thumbnail is gone");
        BufferedImage back = decoder.decode("out", out).image();
        assertEquals(20, back.getWidth(), "read back upright, not turned a second time");
        assertEquals(40, back.getHeight());
        assertTrue(isRed(back.getRGB(back.getWidth() - 2, 1)), "red at the top-right");
        assertTrue(!isRed(back.getRGB(1, 1)));
        assertNotNull(ImageIO.read(new ByteArrayInputStream(out)), "the JDK's readers read it too");
    }

    @Test
    void jpegExifSitsRightAfterApp0() {
        byte[] input = ExifFixture.inJpeg(TestImages.jpeg(16, 16), ExifFixture.tiff(1, ByteOrder.LITTLE_ENDIAN));
        OutputOptions options = OutputOptions.parse("metadata=keep").withExif(Exif.of(ImageFormat.JPEG, input).orElseThrow());

        byte[] out = encoder.encode(decoder.decode("in", input).image(), ImageFormat.JPEG, options).toByteArray();

        JpegSegments.Segment app1 = JpegSegments.parse(out).segments().get(2);
        assertEquals(0xE0, JpegSegments.parse(out).segments().get(1).marker());
        assertEquals(0xE1, app1.marker());
        assertArrayEquals("Exif\0\0".getBytes(StandardCharsets.US_ASCII), Arrays.copyOf(app1.payload(), 6));
    }

    @Test
    void aPngInputsExifGoesIntoAnEXIfChunkBeforeTheImageDataWithItsCrc() throws IOException {
        byte[] input = ExifFixture.inPng(TestImages.encode(TestImages.picture(30, 20, true), "png"),
                ExifFixture.tiff(3, ByteOrder.LITTLE_ENDIAN));
        DecodedImage decoded = decoder.decode("in", input);
        OutputOptions options = OutputOptions.parse("metadata=keep").withExif(Exif.of(decoded.format(), input).orElseThrow());

        byte[] out = encoder.encode(decoded.image(), ImageFormat.PNG, options).toByteArray();

        ByteBuffer png = ByteBuffer.wrap(out);
        int at = 8;
        String seen = "";
        while (at < out.length) {
            int length = png.getInt(at);
            String type = new String(out, at + 4, 4, StandardCharsets.US_ASCII);
            CRC32 crc = new CRC32();
            crc.update(out, at + 4, 4 + length);
            assertEquals((int) crc.getValue(), png.getInt(at + 8 + length), "CRC of " + type);
            seen += type + " ";
            at += 12 + length;
        }
        assertTrue(seen.startsWith("IHDR eXIf IDAT"), seen);
        Directory ifd0 = ifd0(Orientation.tiffBlock(ImageFormat.PNG, out));
        assertEquals(ExifFixture.COPYRIGHT, ifd0.getEntryById(0x8298).getValue());
        assertEquals(ExifOrientation.UPRIGHT, Orientation.of(ImageFormat.PNG, out));
        assertNotNull(ImageIO.read(new ByteArrayInputStream(out)));
    }

    @Test
    void stripWritesNoExifEvenWhenTheInputHasSome() {
        byte[] input = ExifFixture.inJpeg(TestImages.jpeg(16, 16), ExifFixture.tiff(6, ByteOrder.BIG_ENDIAN));
        OutputOptions strip = OutputOptions.parse("metadata=strip");
        assertFalse(strip.keepMetadata());
        assertFalse(OutputOptions.parse("").keepMetadata());
        assertEquals("metadata=keep", OutputOptions.parse("metadata=KEEP").toString());

        for (ImageFormat format : new ImageFormat[] {ImageFormat.JPEG, ImageFormat.PNG}) {
            byte[] out = encoder.encode(decoder.decode("in", input).image(), format, strip).toByteArray();
            assertNull(assertDoesNotThrowBlock(format, out), "no EXIF in the " + format + " output");
        }
    }

    @Test
    void anInputWithoutExifKeepsNothing() {
        assertEquals(Optional.empty(), Exif.of(ImageFormat.JPEG, TestImages.jpeg(16, 16)));
        assertEquals(Optional.empty(), Exif.of(ImageFormat.PNG, TestImages.encode(TestImages.picture(8, 8, false), "png")));
    }

    /** Each hostile block is dropped (empty), quickly, without an exception; the image itself still decodes. */
    @ParameterizedTest
    @ValueSource(strings = {"ifd0-out-of-bounds", "value-out-of-bounds", "huge-count", "loop", "self-loop", "unknown-type",
            "truncated", "entry-count-past-end", "negative-like-offset", "deep-nesting"})
    void hostileExifIsDroppedNeverACrashOrAHang(String kind) {
        byte[] tiff = hostile(kind);
        byte[] input = ExifFixture.inJpeg(TestImages.jpeg(16, 16), tiff);

        Optional<Exif> exif = Exif.of(ImageFormat.JPEG, input);

        assertEquals(Optional.empty(), exif, kind);
        assertEquals(16, decoder.decode("in", input).width());
        byte[] out = encoder.encode(decoder.decode("in", input).image(), ImageFormat.JPEG,
                OutputOptions.parse("metadata=keep").withExif(exif.orElse(null))).toByteArray();
        assertNull(assertDoesNotThrowBlock(ImageFormat.JPEG, out), "written without EXIF");
    }

    @Test
    void aKeptBlockTooLargeForOneApp1SegmentIsDropped() {
        byte[] big = ExifFixture.tiff(1, ByteOrder.BIG_ENDIAN);
        ByteBuffer b = ByteBuffer.wrap(big);
        // Copyright (third entry of IFD0) made 70,000 bytes long at the copyright's offset: past the block, so dropped
        b.putInt(8 + 2 + 2 * 12 + 4, 70_000);
        assertEquals(Optional.empty(), Exif.clean(big));
        byte[] large = Arrays.copyOf(big, 80_000);
        assertEquals(Optional.empty(), Exif.clean(large), "in bounds but above " + Exif.MAX_BYTES + " bytes");
    }

    private static byte[] hostile(String kind) {
        byte[] t = ExifFixture.tiff(6, ByteOrder.BIG_ENDIAN);
        ByteBuffer b = ByteBuffer.wrap(t);
        int ifd0 = 8;
        int entry = ifd0 + 2;
        switch (kind) {
            case "ifd0-out-of-bounds" -> b.putInt(4, 1 << 30);
            case "value-out-of-bounds" -> b.putInt(entry + 2 * 12 + 8, t.length - 4); // Copyright runs past the end
            case "huge-count" -> b.putInt(entry + 2 * 12 + 4, 0x7FFF_FFFF); // Copyright's count
            case "loop" -> b.putInt(entry + 3 * 12 + 8, ifd0); // the EXIF directory pointer points back at IFD0
            case "self-loop" -> {
                int exifIfd = b.getInt(entry + 3 * 12 + 8);
                b.putShort(exifIfd + 2, (short) 0x8769).putShort(exifIfd + 4, (short) 4).putInt(exifIfd + 6, 1).putInt(exifIfd + 10, exifIfd);
            }
            case "unknown-type" -> b.putShort(entry + 2, (short) 99);
            case "truncated" -> {
                return Arrays.copyOf(t, 30);
            }
            case "entry-count-past-end" -> b.putShort(ifd0, (short) 0xFFFF);
            case "negative-like-offset" -> b.putInt(entry + 2 * 12 + 8, 0xFFFF_FFF0);
            case "deep-nesting" -> {
                // a chain of EXIF-directory pointers deeper than any real file: each directory points to the next
                ByteBuffer deep = ByteBuffer.allocate(8 + 10 * 18);
                deep.put(new byte[] {'M', 'M', 0, 42}).putInt(8);
                for (int i = 0; i < 10; i++) {
                    deep.putShort((short) 1).putShort((short) 0x8769).putShort((short) 4).putInt(1).putInt(8 + 18 * (i + 1)).putInt(0);
                }
                return deep.array();
            }
            default -> throw new IllegalArgumentException(kind);
        }
        return t;
    }

    /** The output's EXIF block or null; reading it must not throw. */
    private static byte[] assertDoesNotThrowBlock(ImageFormat format, byte[] out) {
        try {
            return Orientation.tiffBlock(format, out);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static boolean isRed(int rgb) {
        return (rgb >> 16 & 0xff) > 200 && (rgb & 0xff) < 60;
    }

    private static Directory ifd0(byte[] tiff) throws IOException {
        Directory directory = read(tiff);
        return directory instanceof CompoundDirectory compound ? compound.getDirectory(0) : directory;
    }

    private static int directories(byte[] tiff) throws IOException {
        Directory directory = read(tiff);
        return directory instanceof CompoundDirectory compound ? compound.directoryCount() : 1;
    }

    private static Directory read(byte[] tiff) throws IOException {
        try (ImageInputStream in = new ByteArrayImageInputStream(tiff)) {
            return new TIFFReader().read(in);
        }
    }
}
