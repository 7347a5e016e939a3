package dev.pixelstep.functions.internal.image;

import dev.pixelstep.functions.error.OutputTooLargeException;
import dev.pixelstep.functions.support.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code output} metadata's grammar and validation, and what the encoder does with each option. */
class OutputOptionsTest {

    private final ImageEncoder encoder = new ImageEncoder();

    @Test
    void missingOrBlankIsTodaysBehaviour() {
        assertEquals(OutputOptions.DEFAULT, OutputOptions.parse(null));
        assertEquals(OutputOptions.DEFAULT, OutputOptions.parse("  "));
        assertEquals(ImageFormat.JPEG, OutputOptions.DEFAULT.formatFor(ImageFormat.JPEG));
        assertEquals(ImageFormat.PNG, OutputOptions.DEFAULT.formatFor(ImageFormat.WEBP));
        assertEquals("", OutputOptions.DEFAULT.toString());
    }

    @Test
    void parsesEveryOptionCaseInsensitivelyWithBlanks() {
        OutputOptions options = OutputOptions.parse(" FORMAT = jpg ,quality=75, progressive=true, max-bytes=20000, metadata=strip");
        assertEquals(new OutputOptions(ImageFormat.JPEG, 75, true, 20000), options);
        assertEquals("format=jpeg, quality=75, progressive=true, max-bytes=20000", options.toString());
        assertEquals(ImageFormat.PNG, OutputOptions.parse("format=png").formatFor(ImageFormat.JPEG));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "format=gif | format 'gif' is not one of jpeg, png",
            "format=webp | format=webp is not available",
            "quality=0 | quality 0 is not from 1 to 100",
            "quality=high | quality 'high' is not a whole number from 1 to 100",
            "progressive=yes | progressive 'yes' is not true or false",
            "max-bytes=10 | max-bytes 10 is not from 1024 to 1073741824",
            "metadata=copy | metadata 'copy' is not strip or keep",
            "colour=red | unknown option 'colour'; the options are format, quality, progressive, max-bytes, metadata",
            "quality=80, quality=70 | 'quality' is given twice",
            "png | 'png' is not name=value",
            "format=png, quality=80 | quality and progressive apply to jpeg outputs only",
    })
    void refusesWithAMessageSayingWhatIsAllowed(String text, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OutputOptions.parse(text));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void qualityChangesTheJpegAndProgressiveWritesAProgressiveFrame() throws IOException {
        BufferedImage photo = decode(TestImages.jpeg(320, 240));
        int q90 = encoder.encode(photo, ImageFormat.JPEG, OutputOptions.DEFAULT).length();
        int q50 = encoder.encode(photo, ImageFormat.JPEG, OutputOptions.parse("quality=50")).length();
        assertTrue(q50 < q90, q50 + " < " + q90);
        byte[] progressive = encoder.encode(photo, ImageFormat.JPEG, OutputOptions.parse("progressive=true")).toByteArray();
        assertTrue(hasMarker(progressive, 0xc2), "SOF2: progressive DCT");
        assertTrue(!hasMarker(encoder.encode(photo, ImageFormat.JPEG, OutputOptions.DEFAULT).toByteArray(), 0xc2), "baseline by default");
        assertEquals(320, decode(progressive).getWidth());
    }

    @Test
    void maxBytesStepsTheJpegQualityDownAndRefusesWhatCannotFit() throws IOException {
        BufferedImage photo = decode(TestImages.jpeg(320, 240));
        int q90 = encoder.encode(photo, ImageFormat.JPEG, OutputOptions.DEFAULT).length();
        int q40 = encoder.encode(photo, ImageFormat.JPEG, OutputOptions.parse("quality=40")).length();
        EncodedImage fitted = encoder.encode(photo, ImageFormat.JPEG, OutputOptions.parse("max-bytes=" + (q40 + 1)));
        assertTrue(fitted.length() <= q40 + 1 && fitted.length() < q90, fitted.length() + " within " + (q40 + 1));
        OutputTooLargeException jpeg = assertThrows(OutputTooLargeException.class,
                () -> encoder.encode(photo, ImageFormat.JPEG, OutputOptions.parse("max-bytes=1024")));
        assertTrue(jpeg.getMessage().contains("at quality 10, the lowest tried") && jpeg.getMessage().contains("raise max-bytes"), jpeg.getMessage());
        OutputTooLargeException png = assertThrows(OutputTooLargeException.class,
                () -> encoder.encode(photo, ImageFormat.PNG, OutputOptions.parse("max-bytes=1024")));
        assertTrue(png.getMessage().contains("write format=jpeg"), png.getMessage());
    }

    private static boolean hasMarker(byte[] jpeg, int marker) {
        for (int i = 2; i + 3 < jpeg.length; ) {
            if ((jpeg[i] & 0xff) != 0xff) {
                return false;
            }
            int m = jpeg[i + 1] & 0xff;
            if (m == marker) {
                return true;
            }
            if (m == 0xda) {
                return false; // start of scan: the frame header came before
            }
            i += 2 + ((jpeg[i + 2] & 0xff) << 8 | (jpeg[i + 3] & 0xff));
        }
        return false;
    }

    private static BufferedImage decode(byte[] bytes) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertNotNull(image);
        return image;
    }
}
