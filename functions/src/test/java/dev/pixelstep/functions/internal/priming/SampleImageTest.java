package dev.pixelstep.functions.internal.priming;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The priming photo in grey: what the steps after a {@code grayscale} read. */
class SampleImageTest {

    @Test
    void inGreyHasEqualChannelsAndKeepsTheSize() {
        BufferedImage photo = SampleImage.photo();
        BufferedImage grey = SampleImage.inGrey(photo);
        assertEquals(BufferedImage.TYPE_INT_RGB, grey.getType());
        assertEquals(photo.getWidth(), grey.getWidth());
        assertEquals(photo.getHeight(), grey.getHeight());
        int[] pixels = grey.getRGB(0, 0, grey.getWidth(), grey.getHeight(), null, 0, grey.getWidth());
        int levels = 0;
        boolean[] seen = new boolean[256];
        for (int p : pixels) {
            int r = p >> 16 & 0xff;
            assertEquals(r, p >> 8 & 0xff);
            assertEquals(r, p & 0xff);
            if (!seen[r]) {
                seen[r] = true;
                levels++;
            }
        }
        assertTrue(levels > 100, levels + " grey levels: the photo's texture is kept");
    }

    @Test
    void inGreyWeighsTheChannelsLikeBt601() {
        BufferedImage colours = new BufferedImage(5, 1, BufferedImage.TYPE_INT_RGB);
        int[] in = {0x000000, 0xffffff, 0xff0000, 0x00ff00, 0x0000ff};
        colours.setRGB(0, 0, 5, 1, in, 0, 5);
        int[] out = SampleImage.inGrey(colours).getRGB(0, 0, 5, 1, null, 0, 5);
        int[] expected = {0, 255, 77, 149, 29}; // (w * 255 + 128) >> 8 for w = 77, 150, 29
        for (int i = 0; i < in.length; i++) {
            assertEquals(expected[i] * 0x010101, out[i] & 0xffffff, "grey of " + Integer.toHexString(in[i]));
        }
    }
}
