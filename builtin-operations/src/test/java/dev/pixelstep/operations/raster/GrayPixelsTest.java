package dev.pixelstep.operations.raster;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link GrayPixels}: one coloured pixel anywhere, at the scan's chunk edges too, makes pixels colour; alpha never does. */
class GrayPixelsTest {

    @Test
    void oneColouredPixelAnywhereMakesAnImageColour() {
        int n = 3 * 4096 + 17;
        for (int at : new int[] {0, 1, 4095, 4096, 4097, 8191, 8192, n - 1}) {
            for (int colour : new int[] {0x010000, 0x000100, 0x000001, 0x808081, 0x7f8080}) {
                int[] pixels = new int[n];
                java.util.Arrays.fill(pixels, 0xff404040);
                pixels[at] = 0xff000000 | colour;
                assertEquals(false, GrayPixels.all(pixels), "colour " + Integer.toHexString(colour) + " at " + at);
            }
        }
        int[] grey = new int[n];
        for (int i = 0; i < n; i++) {
            grey[i] = (i * 7919) << 24 | (i & 0xff) * 0x010101; // any alpha
        }
        assertEquals(true, GrayPixels.all(grey));
    }

    @Test
    void oneColouredPixelAmongTheFirstCountMakesThemColour() {
        // (the JPEG writer's test, moved here) the scan goes in chunks of 4096 pixels: positions at the chunks' edges, each channel apart
        int count = 3 * 4096 + 5;
        int[] pixels = new int[count + 1];
        for (int i = 0; i < count; i++) {
            int v = i * 7 & 0xff;
            pixels[i] = (i * 13 & 0xff) << 24 | v * 0x010101; // any alpha: only R, G and B count
        }
        pixels[count] = 0x00ff00; // past the count: not looked at
        assertTrue(GrayPixels.all(pixels, 0, count));
        for (int at : new int[] {0, 1, 4095, 4096, 8191, 8192, 12287, 12288, count - 1}) {
            for (int channel : new int[] {0x010000, 0x000100, 0x000001}) {
                int kept = pixels[at];
                pixels[at] = kept ^ channel;
                assertFalse(GrayPixels.all(pixels, 0, count), "pixel " + at + " changed by " + Integer.toHexString(channel));
                pixels[at] = kept;
            }
        }
    }
}
