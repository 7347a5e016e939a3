package dev.pixelstep.operations.raster;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link ColorMatrix#apply} against its definition written plainly: each channel the matrix row's
 * 12-bit fixed-point sum, rounded, shifted and clamped to 0..255, alpha kept. The loop is written
 * in the order the JIT vectorises (clamped at zero before the shift), so the oracle is the other
 * order; matrices with negative entries (hue rotation) and with sums far above 255 reach both clamps.
 */
class ColorMatrixTest {

    private static final double[][] MATRICES = {
        {0.393, 0.769, 0.189, 0.349, 0.686, 0.168, 0.272, 0.534, 0.131}, // sepia: sums above 255
        {1.6, -0.3, -0.3, -0.3, 1.6, -0.3, -0.3, -0.3, 1.6}, // saturation 1.6: negative sums and above 255
        {0.21, 0.72, 0.07, 0.21, 0.72, 0.07, 0.21, 0.72, 0.07}, // grey
        {-1, 0, 0, 0, -1, 0, 0, 0, -1}, // everything below zero
        {3.2, 1.1, -2.7, -0.9, 0.4, 2.5, 0.0, -1.3, 1.9},
    };

    @Test
    void everyPixelIsTheRoundedClampedFixedPointSum() {
        Random random = new Random(13);
        int[] pixels = new int[70_000]; // above the parallel threshold: bands too
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextInt();
        }
        pixels[0] = 0xff000000;
        pixels[1] = 0xffffffff;
        pixels[2] = 0x00ffffff;
        assertEveryMatrixMatchesTheDefinition(pixels);
    }

    @Test
    void greyPixelsLookedUpGiveTheSumsToo() {
        // every grey with any alpha, in bands of grey only (the look-up) and in bands with one colour pixel (the matrix)
        Random random = new Random(5);
        int[] pixels = new int[300_000];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextInt() & 0xff000000 | (i & 0xff) * 0x010101;
        }
        assertEveryMatrixMatchesTheDefinition(pixels);
        pixels[150_000] = 0xff102030;
        pixels[299_999] = 0x00000001;
        assertEveryMatrixMatchesTheDefinition(pixels);
    }

    private static void assertEveryMatrixMatchesTheDefinition(int[] pixels) {
        for (double[] entries : MATRICES) {
            int[] out = new int[pixels.length];
            ColorMatrix.of(entries, false).apply(pixels, out);
            int[] m = new int[9];
            for (int k = 0; k < 9; k++) {
                m[k] = (int) Math.round(entries[k] * 4096);
            }
            for (int i = 0; i < pixels.length; i++) {
                int p = pixels[i];
                int r = (p >> 16) & 0xff;
                int g = (p >> 8) & 0xff;
                int b = p & 0xff;
                int expected = (p & 0xff000000) | channel(m[0] * r + m[1] * g + m[2] * b) << 16
                        | channel(m[3] * r + m[4] * g + m[5] * b) << 8 | channel(m[6] * r + m[7] * g + m[8] * b);
                assertEquals(expected, out[i], "pixel " + i + " " + Integer.toHexString(p));
            }
        }
    }

    @Test
    void inPlaceGivesTheSamePixels() {
        Random random = new Random(7);
        int[] pixels = new int[5_000];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextInt();
        }
        ColorMatrix matrix = ColorMatrix.of(MATRICES[1], true);
        int[] out = new int[pixels.length];
        matrix.apply(pixels, out);
        matrix.apply(pixels, pixels);
        assertEquals(java.util.Arrays.toString(out), java.util.Arrays.toString(pixels));
    }

    private static int channel(int sum) {
        return Math.max(0, Math.min(255, (sum + 2048) >> 12));
    }
}
