package dev.pixelstep.functions.internal.image;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@link JpegStripEncoder}'s fixed-point colour conversion against JFIF's YCbCr in double
 * precision: every sample within 0.55 of the exact value in its units (1/16 of a level,
 * {@link ForwardDct#SAMPLE_BITS}), i.e. rounded to nearest up to the weights' 16-bit precision,
 * and greys without chroma.
 */
class JpegColourConversionTest {

    private static final double ONE = 1 << ForwardDct.SAMPLE_BITS;

    @Test
    void lumaOfEveryColourIsTheExactLumaRounded() {
        int count = 4096;
        int[] pixels = new int[count];
        int[] luma = new int[count];
        double worst = 0;
        for (int from = 0; from < 1 << 24; from += count) {
            for (int i = 0; i < count; i++) {
                pixels[i] = 0xff000000 | from + i; // the top byte is ignored
            }
            JpegStripEncoder.luma(pixels, luma, count);
            for (int i = 0; i < count; i++) {
                int p = pixels[i];
                double exact = (0.299 * (p >> 16 & 0xff) + 0.587 * (p >> 8 & 0xff) + 0.114 * (p & 0xff) - 128) * ONE;
                double error = Math.abs(luma[i] - exact);
                worst = Math.max(worst, error);
                if (error > 0.55) { // the message is built only for a failure: 2^24 of them took most of this module's test time
                    fail(String.format("#%06x: %d for %.3f", p & 0xffffff, luma[i], exact));
                }
            }
        }
        System.out.println("luma: largest error " + worst + " of 1/" + (int) ONE + " level");
    }

    @Test
    void chromaOfFourPixelsIsTheExactChromaOfTheirMeanRounded() {
        SplittableRandom random = new SplittableRandom(5);
        int count = 1000;
        int[][] pixels = new int[4][count];
        int[] redBlue = new int[count];
        int[] green = new int[count];
        int[] blue = new int[count];
        int[] red = new int[count];
        double worst = 0;
        for (int round = 0; round < 1000; round++) {
            for (int i = 0; i < count; i++) {
                for (int[] p : pixels) {
                    // random colours, and the corners of the cube, where the sums are largest
                    p[i] = round % 2 == 0 ? random.nextInt() : (random.nextBoolean() ? 0xff0000 : 0) | (random.nextBoolean() ? 0xff00 : 0)
                            | (random.nextBoolean() ? 0xff : 0);
                }
            }
            JpegStripEncoder.sums(pixels[0], pixels[1], pixels[2], pixels[3], redBlue, green, count);
            JpegStripEncoder.chroma(redBlue, green, blue, red, count);
            for (int i = 0; i < count; i++) {
                double r = 0;
                double g = 0;
                double b = 0;
                for (int[] p : pixels) {
                    r += (p[i] >> 16 & 0xff) / 4.0;
                    g += (p[i] >> 8 & 0xff) / 4.0;
                    b += (p[i] & 0xff) / 4.0;
                }
                double exactBlue = (-0.168736 * r - 0.331264 * g + 0.5 * b) * ONE;
                double exactRed = (0.5 * r - 0.418688 * g - 0.081312 * b) * ONE;
                worst = Math.max(worst, Math.max(Math.abs(blue[i] - exactBlue), Math.abs(red[i] - exactRed)));
                if (Math.abs(blue[i] - exactBlue) > 0.55 || Math.abs(red[i] - exactRed) > 0.55) {
                    fail("Cb " + blue[i] + " for " + exactBlue + ", Cr " + red[i] + " for " + exactRed);
                }
            }
        }
        System.out.println("chroma: largest error " + worst + " of 1/" + (int) ONE + " level");
    }

    @Test
    void greysHaveNoChroma() {
        int[] grey = new int[256];
        for (int v = 0; v < 256; v++) {
            grey[v] = v * 0x010101;
        }
        int[] redBlue = new int[256];
        int[] green = new int[256];
        int[] blue = new int[256];
        int[] red = new int[256];
        JpegStripEncoder.sums(grey, grey, grey, grey, redBlue, green, 256);
        JpegStripEncoder.chroma(redBlue, green, blue, red, 256);
        for (int v = 0; v < 256; v++) {
            assertEquals(0, blue[v], "Cb of grey " + v);
            assertEquals(0, red[v], "Cr of grey " + v);
        }
    }
}
