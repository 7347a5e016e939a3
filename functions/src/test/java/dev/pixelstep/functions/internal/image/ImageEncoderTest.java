package dev.pixelstep.functions.internal.image;

import dev.pixelstep.functions.support.TestImages;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
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
