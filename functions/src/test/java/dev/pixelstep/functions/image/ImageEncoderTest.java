package dev.pixelstep.functions.image;

import dev.pixelstep.functions.support.TestImages;
import org.junit.jupiter.api.Test;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageEncoderTest {

    private final ImageEncoder encoder = new ImageEncoder();

    @Test
    void sameImageGivesSameBytes() {
        BufferedImage image = TestImages.picture(200, 100, true);
        for (ImageFormat format : new ImageFormat[] {ImageFormat.JPEG, ImageFormat.PNG}) {
            assertArrayEquals(encoder.encode(image, format).toByteArray(), new ImageEncoder().encode(image, format).toByteArray());
        }
    }

    @Test
    void jpegOfIntImagesIsByteIdenticalToWhatTheJdkWriterMakesOfThem() throws IOException {
        // the encoder hands the writer RGB bytes instead of the TYPE_INT_RGB image: same pixels, same file
        BufferedImage image = TestImages.picture(203, 101, false);
        assertArrayEquals(jdkJpeg(image), encoder.encode(image, ImageFormat.JPEG).toByteArray());
    }

    @Test
    void jpegOfAnAlphaImageIsTheJdkWritersFileOfTheImageCompositedOntoWhite() throws IOException {
        BufferedImage image = TestImages.picture(64, 48, true);
        BufferedImage flat = IntRgb.flattenOntoWhite(image);
        BufferedImage ours = ImageIO.read(new ByteArrayInputStream(encoder.encode(image, ImageFormat.JPEG).toByteArray()));
        BufferedImage theirs = ImageIO.read(new ByteArrayInputStream(jdkJpeg(flat)));
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                for (int shift = 0; shift < 24; shift += 8) {
                    int a = (ours.getRGB(x, y) >> shift) & 0xff;
                    int b = (theirs.getRGB(x, y) >> shift) & 0xff;
                    assertTrue(Math.abs(a - b) <= 2, "pixel " + x + "," + y + ": " + a + " vs " + b);
                }
            }
        }
    }

    private static byte[] jdkJpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(ImageEncoder.JPEG_QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    @Test
    void jpegHasNoMetadataSegmentsButJfif() {
        byte[] jpeg = encoder.encode(TestImages.picture(20, 20, false), ImageFormat.JPEG).toByteArray();
        assertEquals(0xFF, jpeg[0] & 0xff);
        assertEquals(0xD8, jpeg[1] & 0xff);
        assertEquals(0xE0, jpeg[3] & 0xff, "APP0 (JFIF) comes first");
        for (int i = 2; i + 1 < jpeg.length; i++) {
            int marker = jpeg[i + 1] & 0xff;
            if ((jpeg[i] & 0xff) == 0xFF && marker >= 0xE1 && marker <= 0xEF) {
                throw new AssertionError("unexpected APP" + (marker - 0xE0) + " segment");
            }
        }
    }

    @Test
    void jpegFlattensTransparencyOntoWhite() throws IOException {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(8, 8, 0xFF000000);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(encoder.encode(image, ImageFormat.JPEG).toByteArray()));
        assertTrue((decoded.getRGB(0, 0) & 0xff) > 245, "transparent becomes white");
    }

    @Test
    void pngKeepsEveryPixelAndAlpha() throws IOException {
        BufferedImage image = TestImages.picture(31, 17, true);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(encoder.encode(image, ImageFormat.PNG).toByteArray()));
        for (int y = 0; y < 17; y++) {
            for (int x = 0; x < 31; x++) {
                assertEquals(image.getRGB(x, y), decoded.getRGB(x, y));
            }
        }
    }

    @Test
    void inputOnlyFormatsCannotBeWritten() {
        assertThrows(IllegalArgumentException.class, () -> encoder.encode(TestImages.picture(2, 2, false), ImageFormat.GIF));
        assertEquals(ImageFormat.PNG, ImageFormat.GIF.output());
        assertEquals(ImageFormat.PNG, ImageFormat.TIFF.output());
        assertEquals(ImageFormat.JPEG, ImageFormat.JPEG.output());
    }
}
