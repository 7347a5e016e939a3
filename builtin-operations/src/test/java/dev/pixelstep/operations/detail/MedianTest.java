package dev.pixelstep.operations.detail;

import dev.pixelstep.operations.BuiltIns;
import dev.pixelstep.testkit.ImageOperationContract;
import dev.pixelstep.testkit.Pixels;
import dev.pixelstep.testkit.gen.Images;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.generators.SourceDSL.integers;

class MedianTest extends ImageOperationContract {

    @Override
    protected String operationName() {
        return "median";
    }

    @Override
    protected boolean keepsEveryPixelsAlpha() {
        return false; // alpha is filtered too
    }

    @Test
    void keepsAFlatImage() {
        theory().forAll(Images.flat(40), integers().between(2, 25)).checkAssert((sample, size) -> {
            BufferedImage image = sample.image();
            assertArrayEquals(Pixels.argb(image), Pixels.argb(BuiltIns.apply("median(size=" + size + ")", image)));
        });
    }

    /** Huang's sliding histogram gives exactly the median of the sorted window, edges clamped. */
    @Test
    void isTheMedianOfEachWindowSorted() {
        theory().forAll(Images.upTo(24), integers().between(2, 9)).checkAssert((sample, size) -> {
            BufferedImage image = sample.image();
            BufferedImage out = BuiltIns.apply("median(size=" + size + ")", image);
            int[] in = Pixels.argb(image);
            int[] got = Pixels.argb(out);
            boolean alpha = out.getColorModel().hasAlpha();
            int w = image.getWidth();
            int h = image.getHeight();
            int r = (size | 1) / 2;
            int[] window = new int[(2 * r + 1) * (2 * r + 1)];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int expected = alpha ? 0 : 0xff000000;
                    for (int shift = alpha ? 24 : 16; shift >= 0; shift -= 8) {
                        int n = 0;
                        for (int dy = -r; dy <= r; dy++) {
                            for (int dx = -r; dx <= r; dx++) {
                                int sx = Math.min(w - 1, Math.max(0, x + dx));
                                int sy = Math.min(h - 1, Math.max(0, y + dy));
                                window[n++] = (in[sy * w + sx] >>> shift) & 0xff;
                            }
                        }
                        Arrays.sort(window);
                        expected |= window[window.length / 2] << shift;
                    }
                    assertEquals(Integer.toHexString(expected), Integer.toHexString(got[y * w + x]), "pixel " + x + "," + y);
                }
            }
        });
    }

    @Test
    void removesAnIsolatedSpeck() {
        int[] pixels = new int[25];
        Arrays.fill(pixels, 0x404040);
        pixels[12] = 0xffffff;
        int[] out = Pixels.argb(BuiltIns.apply("median(size=3)", Pixels.image(5, 5, false, pixels)));
        assertEquals(0xff404040, out[12]);
    }
}
