package dev.pixelstep.functions.internal.image;

import dev.pixelstep.functions.support.TestImages;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The drawings' PNG writer: what the JDK's reader decodes is every pixel written, in a well-formed file. */
class DrawingPngTest {

    private final ImageEncoder encoder = new ImageEncoder();

    @Test
    void theJdkReaderDecodesEveryPixel() throws IOException {
        Random random = new Random(7);
        for (int[] size : new int[][] {{1, 1}, {1, 300}, {300, 1}, {7, 5}, {960, 540}, {2000, 700}}) {
            BufferedImage noise = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB);
            int[] pixels = ((DataBufferInt) noise.getRaster().getDataBuffer()).getData();
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = random.nextInt(); // the high byte must be ignored
            }
            assertSamePixels(noise, encoder.encodeDrawing(noise));
        }
    }

    @Test
    void aDrawingKeepsItsPixelsAndIsNoLargerThanTheJdkWritersPng() throws IOException {
        BufferedImage drawing = drawing();
        EncodedImage png = encoder.encodeDrawing(drawing);
        assertSamePixels(drawing, png);
        int jdk = encoder.encode(drawing, ImageFormat.PNG).length();
        assertTrue(png.length() < jdk * 1.15, png.length() + " bytes, the JDK's writer " + jdk);
    }

    @Test
    void theFileIsWellFormed() {
        byte[] png = encoder.encodeDrawing(drawing()).toByteArray();
        assertEquals(Optional.empty(), PngChunks.badCriticalCrc(png), "every critical chunk's CRC is right");
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, java.util.Arrays.copyOf(png, 8));
        assertEquals("IHDR", new String(png, 12, 4, StandardCharsets.US_ASCII));
        assertEquals(8, png[24], "bit depth");
        assertEquals(2, png[25], "colour type RGB");
        assertEquals("IEND", new String(png, png.length - 8, 4, StandardCharsets.US_ASCII));
        String all = new String(png, StandardCharsets.ISO_8859_1);
        assertEquals(-1, all.indexOf("tEXt"), "no metadata");
        assertEquals(-1, all.indexOf("tIME"), "no timestamp");
    }

    @Test
    void theSamePixelsGiveTheSameBytes() {
        BufferedImage drawing = drawing();
        byte[] first = encoder.encodeDrawing(drawing).toByteArray();
        encoder.encodeDrawing(TestImages.picture(300, 200, false));
        assertArrayEquals(first, new ImageEncoder().encodeDrawing(drawing).toByteArray());
        drawing.setRGB(100, 100, 0x123456);
        assertFalse(java.util.Arrays.equals(first, encoder.encodeDrawing(drawing).toByteArray()), "a changed pixel changes the file");
    }

    @Test
    void imagesThatAreNotPackedRgbAreWrittenByTheJdkWriter() throws IOException {
        BufferedImage alpha = TestImages.picture(31, 17, true);
        assertSamePixels(alpha, encoder.encodeDrawing(alpha));
        assertArrayEquals(encoder.encode(alpha, ImageFormat.PNG).toByteArray(), encoder.encodeDrawing(alpha).toByteArray());
        BufferedImage bytes = new BufferedImage(40, 30, BufferedImage.TYPE_3BYTE_BGR);
        bytes.createGraphics().drawImage(TestImages.picture(40, 30, false), 0, 0, null);
        assertSamePixels(bytes, encoder.encodeDrawing(bytes));
        BufferedImage part = drawing().getSubimage(10, 20, 300, 200); // packed, but not from the array's start
        assertSamePixels(part, encoder.encodeDrawing(part));
    }

    @Test
    void badSizesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> DrawingPng.write(new int[4], 0, 4));
        assertThrows(IllegalArgumentException.class, () -> DrawingPng.write(new int[4], 3, 2));
    }

    /** Lines, text and grid on white, antialiased, as a chart draws them. */
    private static BufferedImage drawing() {
        BufferedImage image = new BufferedImage(960, 540, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 960, 540);
            g.setColor(new Color(0xDDDDDD));
            for (int x = 60; x < 940; x += 110) {
                g.drawLine(x, 40, x, 480);
            }
            g.setStroke(new BasicStroke(1.6f));
            Random random = new Random(3);
            Color[] colours = {new Color(0xD62728), new Color(0x2CA02C), new Color(0x1F77B4)};
            for (Color colour : colours) {
                g.setColor(colour);
                int y = 300;
                for (int x = 60; x < 930; x += 3) {
                    int next = Math.max(40, Math.min(480, y + random.nextInt(41) - 20));
                    g.drawLine(x, y, x + 3, next);
                    y = next;
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void assertSamePixels(BufferedImage expected, EncodedImage png) throws IOException {
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(png.toByteArray()));
        int w = expected.getWidth();
        int h = expected.getHeight();
        assertEquals(w, decoded.getWidth());
        assertEquals(h, decoded.getHeight());
        assertArrayEquals(expected.getRGB(0, 0, w, h, null, 0, w), decoded.getRGB(0, 0, w, h, null, 0, w), w + "x" + h);
    }
}
