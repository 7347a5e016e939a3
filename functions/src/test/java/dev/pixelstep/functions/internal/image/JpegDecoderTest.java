package dev.pixelstep.functions.internal.image;

import dev.pixelstep.functions.error.UnsupportedImageException;
import dev.pixelstep.functions.internal.analyser.HistogramCounter;
import dev.pixelstep.functions.internal.analyser.ImageHistogram;
import dev.pixelstep.functions.support.Histograms;
import dev.pixelstep.testkit.gen.ExifFixture;
import dev.pixelstep.functions.support.TestImages;
import dev.pixelstep.testkit.photos.TestPhotos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * pixelstep's own JPEG decoder ({@link JpegDecoder}) against the JDK's reader (libjpeg): real
 * photos, generated images in every chroma sampling it takes, odd sizes, restart intervals (the
 * parallel path) and grey; the files it must decline; and damaged files, which must end in a
 * decline, never in another exception or a hang. Each comparison prints the largest difference of
 * any channel and the PSNR.
 */
class JpegDecoderTest {

    private static final long NO_LIMIT = Long.MAX_VALUE;
    /** The most any channel may differ from the JDK reader's result: none. */
    private static final int MAX_DIFFERENCE = 0;

    @Test
    void realPhotosDecodeLikeTheJdkReader() throws IOException {
        // the testkit's photos: the baseline ones decode like the JDK's reader, the progressive ones are declined
        int compared = 0;
        for (Path file : TestPhotos.all()) {
            byte[] jpeg = Files.readAllBytes(file);
            if (frameMarker(jpeg) == 0xC2) {
                assertTrue(JpegDecoder.decode(jpeg, NO_LIMIT).isEmpty(), file + " is progressive");
                continue;
            }
            Comparison c = compare(file.getFileName().toString(), jpeg, 1);
            assertTrue(c.max <= MAX_DIFFERENCE && c.psnr >= 50, c.toString());
            Comparison parallel = compare(file.getFileName() + " (4 workers)", jpeg, 4);
            assertEquals(c.max, parallel.max, "the same pixels on any number of threads");
            compared++;
        }
        assertTrue(compared >= 3, compared + " baseline photos");
    }

    @ParameterizedTest(name = "{0}x{1}, sampling {2}x{3}, restart {4}")
    @CsvSource({
            "640,480,2,2,0", "641,479,2,2,0", "17,9,2,2,0", "1,1,2,2,0", "3,5,2,2,0", "4,4,2,2,0", "5,3,2,2,0",
            "333,222,2,2,7", "333,222,2,2,1",
            "640,480,2,1,0", "331,97,2,1,3", "3,31,2,1,0", "6,2,2,1,0",
            "640,480,1,1,0", "333,222,1,1,5", "1,1,1,1,0", "9,17,1,1,0",
            "640,480,1,2,0", "333,221,1,2,2", "7,3,1,2,0"})
    void everySamplingAndSizeDecodesLikeTheJdkReader(int width, int height, int h, int v, int restart) throws IOException {
        byte[] jpeg = jdkJpeg(TestImages.picture(width, height, false), h, v, restart, false);
        JpegSegments segments = JpegSegments.parse(jpeg);
        assertEquals(h << 4 | v, segments.first(0xC0).u8(7), "the file has the sampling asked for");
        if (restart > 0) {
            assertEquals(restart, segments.first(0xDD).u16(0), "restart interval");
        }
        if (h == 1 && v == 2) { // 4:4:0: libjpeg 6b (the JDK's on Temurin and Lambda) and libjpeg-turbo disagree, so ImageIO decodes it
            assertTrue(JpegDecoder.decode(jpeg, NO_LIMIT).isEmpty(), "4:4:0 is declined");
            return;
        }
        String what = width + "x" + height + " " + h + "x" + v + " restart " + restart;
        Comparison one = compare(what, jpeg, 1);
        Comparison four = compare(what + " (4 workers)", jpeg, 4);
        assertEquals(0, one.max, one.toString());
        assertArrayEquals(pixels(JpegDecoder.decodeOrDecline(jpeg, NO_LIMIT, 1)), pixels(JpegDecoder.decodeOrDecline(jpeg, NO_LIMIT, 4)),
                "the same pixels on any number of threads");
        assertEquals(0, four.max, four.toString());
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1,1", "7,9", "100,65", "1203,797", "64,4099"})
    void pixelstepsOwnJpegsWithRestartMarkersDecodeInParallel(int width, int height) throws IOException {
        BufferedImage picture = TestImages.picture(width, height, false);
        byte[] jpeg = new ImageEncoder().encode(picture, ImageFormat.JPEG).toByteArray();
        Comparison c = compare("pixelstep's JPEG " + width + "x" + height, jpeg, 4);
        assertTrue(c.max <= 1, c.toString());
        assertArrayEquals(pixels(JpegDecoder.decodeOrDecline(jpeg, NO_LIMIT, 1)), pixels(JpegDecoder.decodeOrDecline(jpeg, NO_LIMIT, 4)));
    }

    @Test
    void greyJpegsDecodeToEqualChannels() throws IOException {
        BufferedImage grey = new BufferedImage(203, 111, BufferedImage.TYPE_BYTE_GRAY);
        grey.getGraphics().drawImage(TestImages.picture(203, 111, false), 0, 0, null);
        for (int restart : new int[] {0, 3}) {
            byte[] jpeg = jdkJpeg(grey, 1, 1, restart, false);
            assertEquals(1, JpegSegments.parse(jpeg).first(0xC0).u8(5), "one component");
            BufferedImage ours = JpegDecoder.decodeOrDecline(jpeg, NO_LIMIT, 4);
            BufferedImage theirs = ImageIO.read(new ByteArrayInputStream(jpeg));
            for (int y = 0; y < 111; y++) {
                for (int x = 0; x < 203; x++) {
                    int g = theirs.getRaster().getSample(x, y, 0);
                    assertEquals(0xff000000 | g * 0x010101, ours.getRGB(x, y), "restart " + restart + " at " + x + "," + y);
                }
            }
        }
    }

    @Test
    void everyEmbeddedProfileIsDeclinedEvenSrgb() throws IOException {
        // the ImageIO path converts profiled files to sRGB (TwelveMonkeys' reader, Srgb); so that
        // they keep exactly those pixels, the decoder takes no file with a profile
        byte[] plain = jdkJpeg(TestImages.picture(48, 32, false), 2, 2, 0, false);
        assertTrue(JpegDecoder.decode(plain, NO_LIMIT).isPresent());
        for (int space : new int[] {ColorSpace.CS_sRGB, ColorSpace.CS_LINEAR_RGB}) {
            byte[] profiled = withApp2Profile(plain, ICC_Profile.getInstance(space).getData());
            assertTrue(JpegDecoder.decode(profiled, NO_LIMIT).isEmpty(), "colour space " + space);
        }
    }

    @Test
    void otherJpegProcessesAndTransformsAreDeclined() throws IOException {
        BufferedImage picture = TestImages.picture(64, 48, false);
        byte[] baseline = jdkJpeg(picture, 2, 2, 0, false);
        assertTrue(JpegDecoder.decode(baseline, NO_LIMIT).isPresent());
        assertTrue(JpegDecoder.decode(jdkJpeg(picture, 2, 2, 0, true), NO_LIMIT).isEmpty(), "progressive");
        int sof = offsetOf(baseline, 0xC0);
        for (int marker : new int[] {0xC2, 0xC3, 0xC9, 0xCA}) { // progressive, lossless, arithmetic
            byte[] other = baseline.clone();
            other[sof + 1] = (byte) marker;
            assertTrue(JpegDecoder.decode(other, NO_LIMIT).isEmpty(), Integer.toHexString(marker));
        }
        byte[] twelveBit = baseline.clone();
        twelveBit[sof + 4] = 12;
        assertTrue(JpegDecoder.decode(twelveBit, NO_LIMIT).isEmpty(), "12-bit");
        byte[] rgbAdobe = withSegment(baseline, 0xEE, new byte[] {'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0});
        assertTrue(JpegDecoder.decode(rgbAdobe, NO_LIMIT).isEmpty(), "Adobe transform 0 (RGB)");
        byte[] ycbcrAdobe = withSegment(baseline, 0xEE, new byte[] {'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 1});
        assertTrue(JpegDecoder.decode(ycbcrAdobe, NO_LIMIT).isPresent(), "Adobe transform 1 (YCbCr)");
        assertTrue(JpegDecoder.decode(baseline, 64L * 48 - 1).isEmpty(), "over the pixel limit");
        assertTrue(JpegDecoder.decode(TestImages.png(10, 10, false), NO_LIMIT).isEmpty(), "a PNG");
    }

    @Test
    void damagedFilesAreDeclinedNeverAnotherExceptionOrAHang() throws IOException {
        // truncated at every length of a small file and at spread points of larger ones (one with
        // restart markers, decoded in parallel), and with random bytes overwritten: each attempt
        // must decode or decline, nothing else, and quickly
        BufferedImage picture = TestImages.picture(83, 61, false);
        byte[][] files = {jdkJpeg(picture, 2, 2, 0, false), jdkJpeg(picture, 2, 1, 2, false),
                new ImageEncoder().encode(TestImages.picture(300, 400, false), ImageFormat.JPEG).toByteArray()};
        Random random = new Random(13);
        int declined = 0;
        int attempts = 0;
        for (byte[] file : files) {
            int step = Math.max(1, file.length / 400);
            for (int length = 0; length < file.length; length += step) {
                attempts++;
                declined += attempt(Arrays.copyOf(file, length)) ? 0 : 1;
            }
            for (int i = 0; i < 600; i++) {
                byte[] damaged = file.clone();
                int changes = 1 + random.nextInt(4);
                for (int c = 0; c < changes; c++) {
                    int at = random.nextInt(damaged.length);
                    damaged[at] = random.nextInt(3) == 0 ? (byte) 0xFF : (byte) random.nextInt(256);
                }
                attempts++;
                declined += attempt(damaged) ? 0 : 1;
            }
        }
        System.out.printf(Locale.ROOT, "damaged files: %d attempts, %d declined%n", attempts, declined);
        assertTrue(declined > attempts / 2, "most damaged files are declined");
    }

    /** Decodes {@code jpeg} on one and on four threads; true if it decoded, false if declined; fails on anything else. */
    private static boolean attempt(byte[] jpeg) {
        return assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            boolean decoded = false;
            for (int workers : new int[] {1, 4}) {
                try {
                    assertNotNull(JpegDecoder.decodeOrDecline(jpeg, 1_000_000, workers));
                    decoded = true;
                } catch (JpegDeclined expected) {
                    // the outcome damaged data should have
                } catch (RuntimeException e) {
                    fail("an exception other than a decline for damaged data", e);
                }
            }
            return decoded;
        });
    }

    @Test
    void truncatedAndExtendedScansAreDeclined() throws IOException {
        byte[] jpeg = jdkJpeg(TestImages.picture(120, 80, false), 2, 2, 0, false);
        assertTrue(JpegDecoder.decode(jpeg, NO_LIMIT).isPresent());
        assertTrue(JpegDecoder.decode(Arrays.copyOf(jpeg, jpeg.length - 2), NO_LIMIT).isEmpty(), "no EOI");
        assertTrue(JpegDecoder.decode(Arrays.copyOf(jpeg, jpeg.length * 3 / 4), NO_LIMIT).isEmpty(), "three quarters");
        byte[] extra = new byte[jpeg.length + 3];
        System.arraycopy(jpeg, 0, extra, 0, jpeg.length - 2);
        extra[jpeg.length - 2] = 0x12; // bytes the scan does not use before EOI
        extra[jpeg.length - 1] = 0x34;
        extra[jpeg.length] = 0x56;
        extra[jpeg.length + 1] = (byte) 0xFF;
        extra[jpeg.length + 2] = (byte) 0xD9;
        assertTrue(JpegDecoder.decode(extra, NO_LIMIT).isEmpty(), "extra data before EOI");
    }

    @Test
    void exifOrientationAppliedToItsPixelsGivesTheImageDecodersUprightPixels() throws IOException {
        // the decoder leaves the EXIF orientation to its caller (ImageDecoder applies Orientation after
        // whichever decoder ran): its pixels of a file with each of the eight orientations, turned by
        // Orientation, are the ImageIO path's upright pixels, and the ImageDecoder with it gives them too
        ImageDecoder imageIo = new ImageDecoder(ImageLimits.defaults(), false);
        ImageDecoder withOwn = new ImageDecoder(ImageLimits.defaults(), true);
        byte[] stored = jdkJpeg(TestImages.picture(37, 23, false), 2, 2, 0, false);
        for (int orientation = 1; orientation <= 8; orientation++) {
            byte[] jpeg = ExifFixture.inJpeg(stored, ExifFixture.tiff(orientation, java.nio.ByteOrder.LITTLE_ENDIAN));
            BufferedImage ours = JpegDecoder.decode(jpeg, NO_LIMIT).orElseThrow();
            assertEquals(orientation, Orientation.of(ImageFormat.JPEG, jpeg));
            BufferedImage expected = imageIo.decode("test", jpeg).image();
            BufferedImage upright = Orientation.apply(ours, orientation);
            assertEquals(expected.getWidth(), upright.getWidth(), "orientation " + orientation);
            assertArrayEquals(pixels(expected), pixels(upright), "orientation " + orientation);
            assertArrayEquals(pixels(expected), pixels(withOwn.decode("test", jpeg).image()), "orientation " + orientation);
            // the histogram's path: the rows counted in stored orientation, the upright size reported
            HistogramCounter counter = new HistogramCounter();
            ReadImage read = withOwn.read("test", jpeg, counter);
            assertTrue(read.image().isEmpty(), "the own decoder ran and built no image");
            assertEquals(expected.getWidth(), read.width(), "orientation " + orientation);
            assertEquals(expected.getHeight(), read.height(), "orientation " + orientation);
            Histograms.assertSame(ImageHistogram.of(expected), counter.histogram(read), "orientation " + orientation);
        }
    }

    @Test
    void theImageDecoderUsesItAndFallsBackToImageIoForTheFilesItDeclines() throws IOException {
        ImageDecoder decoder = new ImageDecoder(ImageLimits.defaults(), true);
        BufferedImage picture = TestImages.picture(157, 93, false);
        byte[] baseline = jdkJpeg(picture, 2, 2, 0, false);
        BufferedImage imageIo = IntRgb.of(ImageIO.read(new ByteArrayInputStream(baseline)));
        assertArrayEquals(pixels(imageIo), pixels(decoder.decode("test", baseline).image()));
        assertTrue(decoder.read("test", baseline, new HistogramCounter()).image().isEmpty(), "pixelstep's decoder: rows, no image");
        assertTrue(RgbBytes.is(decoder.read("test", jdkJpeg(picture, 2, 2, 0, true), new HistogramCounter()).image().orElseThrow()),
                "progressive: ImageIO's RGB bytes");
        assertTrue(RgbBytes.is(new ImageDecoder(ImageLimits.defaults(), false).read("test", baseline, new HistogramCounter()).image()
                .orElseThrow()), "without it: ImageIO");
        // damaged data is declined, and ImageIO's path reports it as before
        byte[] truncated = Arrays.copyOf(baseline, baseline.length * 2 / 3);
        assertThrows(UnsupportedImageException.class, () -> decoder.decode("test", truncated));
    }

    @Test
    void isUsedFromJdk25OnAndNeverWhenImageIoIsAskedFor() {
        assertFalse(JpegDecoder.pays(17, false), "JDK 17: ImageIO (Debian's reader runs libjpeg-turbo)");
        assertFalse(JpegDecoder.pays(21, false), "not measured");
        assertTrue(JpegDecoder.pays(25, false), "JDK 25, Lambda's java25 runtime");
        assertTrue(JpegDecoder.pays(26, false));
        assertFalse(JpegDecoder.pays(25, true), "-Dpixelstep.jpeg.imageio=true");
    }

    // ---- helpers

    private record Comparison(String what, int max, double psnr) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s: max channel difference %d, PSNR %.1f dB against the JDK reader", what, max, psnr);
        }
    }

    private static Comparison compare(String what, byte[] jpeg, int workers) throws IOException {
        BufferedImage ours = JpegDecoder.decodeOrDecline(jpeg, NO_LIMIT, workers);
        BufferedImage theirs = IntRgb.of(ImageIO.read(new ByteArrayInputStream(jpeg)));
        assertEquals(theirs.getWidth(), ours.getWidth());
        assertEquals(theirs.getHeight(), ours.getHeight());
        assertEquals(BufferedImage.TYPE_INT_RGB, ours.getType());
        int[] a = pixels(ours);
        int[] b = pixels(theirs);
        int max = 0;
        double squares = 0;
        for (int i = 0; i < a.length; i++) {
            for (int shift = 0; shift < 24; shift += 8) {
                int d = Math.abs((a[i] >> shift & 0xff) - (b[i] >> shift & 0xff));
                max = Math.max(max, d);
                squares += d * d;
            }
        }
        double mse = squares / (3.0 * a.length);
        Comparison c = new Comparison(what, max, mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255 * 255 / mse));
        System.out.println(c);
        return c;
    }

    private static int[] pixels(BufferedImage image) {
        return IntRgb.packed(image);
    }

    /** A JPEG q0.9 from the JDK's writer with luma sampling h x v (chroma 1x1), a restart interval in MCUs, or progressive. */
    static byte[] jdkJpeg(BufferedImage image, int h, int v, int restart, boolean progressive) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.9f);
            if (progressive) {
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
            String format = "javax_imageio_jpeg_image_1.0";
            Element root = (Element) metadata.getAsTree(format);
            NodeList specs = root.getElementsByTagName("componentSpec");
            for (int i = 0; i < specs.getLength(); i++) {
                Element spec = (Element) specs.item(i);
                spec.setAttribute("HsamplingFactor", Integer.toString(i == 0 ? h : 1));
                spec.setAttribute("VsamplingFactor", Integer.toString(i == 0 ? v : 1));
            }
            if (restart > 0) {
                Element dri = new javax.imageio.metadata.IIOMetadataNode("dri");
                dri.setAttribute("interval", Integer.toString(restart));
                Element sequence = (Element) root.getElementsByTagName("markerSequence").item(0);
                sequence.insertBefore(dri, sequence.getFirstChild());
            }
            metadata.setFromTree(format, root);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(image, null, metadata), param);
            }
            return bytes.toByteArray();
        } finally {
            writer.dispose();
        }
    }

    /** {@code jpeg} with an APP2 ICC_PROFILE segment holding {@code profile} (one chunk) after SOI. */
    private static byte[] withApp2Profile(byte[] jpeg, byte[] profile) {
        byte[] payload = new byte[14 + profile.length];
        System.arraycopy("ICC_PROFILE".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, payload, 0, 11);
        payload[12] = 1;
        payload[13] = 1;
        System.arraycopy(profile, 0, payload, 14, profile.length);
        return withSegment(jpeg, 0xE2, payload);
    }

    /** {@code jpeg} with a marker segment inserted after SOI. */
    private static byte[] withSegment(byte[] jpeg, int marker, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(marker);
        out.write(payload.length + 2 >> 8);
        out.write(payload.length + 2);
        out.writeBytes(payload);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** The SOFn marker of a JPEG file, found by walking its header segments. */
    private static int frameMarker(byte[] jpeg) {
        int at = 2;
        while (at + 4 <= jpeg.length) {
            int marker = jpeg[at + 1] & 0xff;
            if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                return marker;
            }
            at += 2 + ((jpeg[at + 2] & 0xff) << 8 | jpeg[at + 3] & 0xff);
        }
        throw new AssertionError("no frame header");
    }

    /** Offset of the first marker {@code code} (its 0xFF byte) in the headers. */
    private static int offsetOf(byte[] jpeg, int code) {
        for (int i = 0; i + 1 < jpeg.length; i++) {
            if (jpeg[i] == (byte) 0xFF && (jpeg[i + 1] & 0xff) == code) {
                return i;
            }
        }
        throw new AssertionError("no marker " + Integer.toHexString(code));
    }
}
