package dev.pixelstep.functions.support;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rows of the functions' README format table as test fixtures: each file (made by
 * {@code src/test/resources/formats/generate.py}, in the test jar under {@code /formats/}) with the
 * format it is read as and {@code <file>.expected.png}, the 8-bit sRGB RGBA pixels a reference
 * decoder gives (Pillow; Little CMS for profiles; Pillow's exif_transpose for orientation; the PNG
 * specification's scaling for 16-bit samples, which Pillow clips). Used by {@code FormatTableTest}
 * (the decoder) and by the layer contract test (the processor from the built zips).
 */
public final class FormatFixtures {

    /**
     * One fixture.
     *
     * @param file      the file name under {@code /formats/}
     * @param format    the format id it is read as ({@code ImageFormat.id()})
     * @param tolerance the largest difference a channel may show (0 for lossless formats; lossy ones
     *                  differ by their decoders' rounding and, for lossy WebP, by TwelveMonkeys' chroma
     *                  upsampling, which lacks libwebp's smoothing filter: up to 20 levels of blue on
     *                  single pixels at colour edges)
     */
    public record Fixture(String file, String format, int tolerance) {
        @Override
        public String toString() {
            return file;
        }
    }

    /** Every row of the table. */
    public static final List<Fixture> ALL = List.of(
            new Fixture("png-grey-1.png", "png", 0), new Fixture("png-grey-2.png", "png", 0),
            new Fixture("png-grey-4.png", "png", 0), new Fixture("png-grey-8.png", "png", 0),
            new Fixture("png-grey-16.png", "png", 0), new Fixture("png-grey-alpha-8.png", "png", 0),
            new Fixture("png-grey-alpha-16.png", "png", 0), new Fixture("png-grey-alpha-mid.png", "png", 0),
            new Fixture("png-palette-1.png", "png", 0), new Fixture("png-palette-2.png", "png", 0),
            new Fixture("png-palette-4.png", "png", 0), new Fixture("png-palette-8.png", "png", 0),
            new Fixture("png-palette-trns-4.png", "png", 0),
            new Fixture("png-rgb-8.png", "png", 0), new Fixture("png-rgb-16.png", "png", 0),
            new Fixture("png-rgba-8.png", "png", 0), new Fixture("png-rgba-16.png", "png", 0),
            new Fixture("webp-lossy.webp", "webp", 20), new Fixture("webp-lossless-alpha.webp", "webp", 0),
            new Fixture("webp-animated.webp", "webp", 0), new Fixture("gif-animated.gif", "gif", 0),
            new Fixture("tiff-multipage.tif", "tiff", 0),
            new Fixture("jpeg-display-p3.jpg", "jpeg", 4), new Fixture("jpeg-cmyk-adobe.jpg", "jpeg", 4),
            new Fixture("jpeg-orientation-1.jpg", "jpeg", 4), new Fixture("jpeg-orientation-2.jpg", "jpeg", 4),
            new Fixture("jpeg-orientation-3.jpg", "jpeg", 4), new Fixture("jpeg-orientation-4.jpg", "jpeg", 4),
            new Fixture("jpeg-orientation-5.jpg", "jpeg", 4), new Fixture("jpeg-orientation-6.jpg", "jpeg", 4),
            new Fixture("jpeg-orientation-7.jpg", "jpeg", 4), new Fixture("jpeg-orientation-8.jpg", "jpeg", 4));

    private FormatFixtures() {
    }

    /** The bytes of fixture file {@code name}. */
    public static byte[] bytes(String name) {
        try (InputStream in = FormatFixtures.class.getResourceAsStream("/formats/" + name)) {
            assertNotNull(in, "fixture " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reference pixels of fixture {@code name}. */
    public static BufferedImage expected(String name) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes(name + ".expected.png")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Asserts that {@code actual} has the size of {@code expected} and its pixels within
     * {@code tolerance} levels a channel, and within 3 levels on average; colour is compared where
     * the expected pixel is not fully transparent, alpha everywhere ({@code actual} without alpha
     * counts as opaque).
     */
    public static void assertMatches(String what, BufferedImage expected, BufferedImage actual, int tolerance) {
        assertEquals(expected.getWidth() + "x" + expected.getHeight(), actual.getWidth() + "x" + actual.getHeight(), what + ": size");
        boolean alpha = actual.getColorModel().hasAlpha();
        int worst = 0;
        long sum = 0;
        String where = "";
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                int e = expected.getRGB(x, y);
                int a = actual.getRGB(x, y);
                int ea = e >>> 24;
                int diff = Math.abs(ea - (alpha ? a >>> 24 : 255));
                if (ea != 0) {
                    for (int shift = 0; shift < 24; shift += 8) {
                        int d = Math.abs((e >> shift & 0xff) - (a >> shift & 0xff));
                        sum += d;
                        diff = Math.max(diff, d);
                    }
                }
                if (diff > worst) {
                    worst = diff;
                    where = " at " + x + "," + y + ": expected " + Integer.toHexString(e) + ", got " + Integer.toHexString(a);
                }
            }
        }
        double mean = sum / (3.0 * expected.getWidth() * expected.getHeight());
        assertTrue(mean <= 3, what + ": differs by " + mean + " levels on average");
        assertTrue(worst <= tolerance, what + ": differs by " + worst + " levels (tolerance " + tolerance + ")" + where);
    }
}
