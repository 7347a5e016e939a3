package dev.pixelstep.functions.internal.image;

import dev.pixelstep.functions.error.ImageTooLargeException;
import dev.pixelstep.functions.error.UnsupportedImageException;
import dev.pixelstep.functions.internal.analyser.Channel;
import dev.pixelstep.functions.internal.analyser.HistogramCounter;
import dev.pixelstep.functions.support.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageDecoderTest {

    private final ImageDecoder decoder = new ImageDecoder(ImageLimits.defaults());

    @ParameterizedTest
    @CsvSource({"jpeg,JPEG,false", "png,PNG,false", "png,PNG,true", "gif,GIF,false", "bmp,BMP,false", "tiff,TIFF,false"})
    void decodesEverySupportedFormatToIntRgb(String writer, ImageFormat format, boolean alpha) {
        byte[] bytes = TestImages.encode(TestImages.picture(33, 21, alpha), writer);
        DecodedImage decoded = decoder.decode("test", bytes);
        assertEquals(format, decoded.format());
        assertEquals(33, decoded.width());
        assertEquals(21, decoded.height());
        assertEquals(alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB, decoded.image().getType());
    }

    @Test
    void colourJpegDecodesToTheSamePixelsAsTheJdkReaderDefault() throws IOException {
        // the decoder reads colour JPEGs into RGB bytes, then unpacks them; pixels must not change
        byte[] jpeg = TestImages.jpeg(157, 93);
        BufferedImage jdk = ImageIO.read(new ByteArrayInputStream(jpeg));
        BufferedImage ours = decoder.decode("test", jpeg).image();
        assertEquals(BufferedImage.TYPE_INT_RGB, ours.getType());
        for (int y = 0; y < 93; y++) {
            for (int x = 0; x < 157; x++) {
                assertEquals(jdk.getRGB(x, y), ours.getRGB(x, y), "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void readLeavesColourJpegsInRgbBytesWithTheSamePixelsWhenImageIoDecodes() {
        byte[] jpeg = TestImages.jpeg(157, 93);
        ImageDecoder imageIo = new ImageDecoder(ImageLimits.defaults(), false); // on JDK 25 the own decoder streams rows (JpegRowsHistogramTest)
        BufferedImage asRead = imageIo.read("test", jpeg, new HistogramCounter()).image().orElseThrow();
        BufferedImage ints = imageIo.decode("test", jpeg).image();
        assertTrue(RgbBytes.is(asRead), "RGB bytes");
        for (int y = 0; y < 93; y++) {
            for (int x = 0; x < 157; x++) {
                assertEquals(ints.getRGB(x, y), asRead.getRGB(x, y), "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void greyscaleJpegKeepsItsGreyValues() throws IOException {
        BufferedImage gray = new BufferedImage(16, 4, BufferedImage.TYPE_BYTE_GRAY);
        for (int x = 0; x < 16; x++) {
            for (int y = 0; y < 4; y++) {
                gray.getRaster().setSample(x, y, 0, x * 16);
            }
        }
        byte[] jpeg = TestImages.encode(gray, "jpeg");
        BufferedImage jdk = ImageIO.read(new ByteArrayInputStream(jpeg));
        BufferedImage ours = decoder.decode("test", jpeg).image();
        for (int x = 0; x < 16; x++) {
            int v = jdk.getRaster().getSample(x, 1, 0);
            assertEquals(0xff000000 | v << 16 | v << 8 | v, ours.getRGB(x, 1), "pixel " + x);
        }
    }

    @Test
    void greyscaleJpegBecomesIntRgb() {
        BufferedImage gray = new BufferedImage(10, 10, BufferedImage.TYPE_BYTE_GRAY);
        DecodedImage decoded = decoder.decode("test", TestImages.encode(gray, "jpeg"));
        assertEquals(BufferedImage.TYPE_INT_RGB, decoded.image().getType());
    }

    @Test
    void pixelCountIsCheckedFromTheHeaderBeforeDecoding() {
        byte[] headerOnly = TestImages.pngHeaderOnly(8000, 7000);
        ImageTooLargeException refused = assertThrows(ImageTooLargeException.class, () -> decoder.decode("big.png", headerOnly));
        assertEquals(56_000_000L, refused.actual());
        // With a higher limit the same bytes reach the decoder, which finds no pixel data: the
        // limit above was applied to the header alone.
        ImageDecoder generous = new ImageDecoder(new ImageLimits(1, 60_000_000));
        UnsupportedImageException decodeFailure = assertThrows(UnsupportedImageException.class, () -> generous.decode("big.png", headerOnly));
        assertTrue(decodeFailure.getMessage().contains("PNG"), decodeFailure.getMessage());
    }

    @Test
    void truncatedPngIsRefused() {
        byte[] png = TestImages.png(100, 100, false);
        assertThrows(UnsupportedImageException.class, () -> decoder.decode("t.png", TestImages.truncated(png, 0.7)));
    }

    @Test
    void corruptedJpegBodyIsRefused() {
        byte[] jpeg = TestImages.jpeg(120, 90);
        for (int i = jpeg.length / 2; i < jpeg.length / 2 + 40; i++) {
            jpeg[i] = (byte) 0xFF;
        }
        assertThrows(UnsupportedImageException.class, () -> decoder.decode("c.jpg", jpeg));
    }

    /** Issue 14: a grey+alpha PNG of mean 136 came out at 191 (drawn as linear grey through a custom colour model). */
    @Test
    void greyAlphaPngIsNotLightened() {
        BufferedImage image = decoder.decode("grey.png", dev.pixelstep.functions.support.FormatFixtures.bytes("png-grey-alpha-mid.png")).image();
        double sum = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                sum += image.getRGB(x, y) & 0xff;
            }
        }
        assertEquals(136, sum / (image.getWidth() * image.getHeight()), 1.0);
    }

    /**
     * The same fault on the histogram's path: getRGB of a TYPE_BYTE_GRAY image (a grey JPEG) lightens
     * it too. Through ImageIO (an image in the reader's layout) and through pixelstep's decoder (rows).
     */
    @Test
    void greyJpegAsReadForTheHistogramIsNotLightened() {
        BufferedImage grey = new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_GRAY);
        java.util.Arrays.fill(((java.awt.image.DataBufferByte) grey.getRaster().getDataBuffer()).getData(), (byte) 64);
        byte[] jpeg = TestImages.encode(grey, "jpeg");
        for (boolean own : new boolean[] {false, true}) {
            HistogramCounter counter = new HistogramCounter();
            ReadImage read = new ImageDecoder(ImageLimits.defaults(), own).read("grey.jpg", jpeg, counter);
            assertEquals(own, read.image().isEmpty(), "rows counted as decoded only by pixelstep's decoder");
            for (Channel channel : Channel.values()) {
                assertEquals(64, counter.histogram(read).statistics(channel).mean(), 1, channel.id() + ", own decoder " + own);
            }
        }
    }
}
