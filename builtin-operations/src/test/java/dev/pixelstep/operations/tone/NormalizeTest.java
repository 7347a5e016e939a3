package dev.pixelstep.operations.tone;

import dev.pixelstep.operations.BuiltIns;
import dev.pixelstep.testkit.ImageOperationContract;
import dev.pixelstep.testkit.Pixels;
import dev.pixelstep.testkit.gen.Images;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NormalizeTest extends ImageOperationContract {

    @Override
    protected String operationName() {
        return "normalize";
    }

    @Test
    void theWholeRangeStretchesTheSmallestValueToBlackAndTheLargestToWhite() {
        theory().forAll(Images.any()).checkAssert(sample -> {
            int[] in = Pixels.argb(sample.image());
            int[] out = Pixels.argb(BuiltIns.apply("normalize(lower=0, upper=100)", sample.image()));
            int[] range = range(in);
            if (range[0] == range[1]) {
                assertArrayEquals(in, out, "a flat image is kept");
            } else {
                assertArrayEquals(new int[] {0, 255}, range(out), "the output spans the range");
            }
        });
    }

    @Test
    void theDefaultsMakeAtLeastOnePercentOfTheValuesBlackAndOnePercentWhite() {
        theory().forAll(Images.any()).checkAssert(sample -> {
            int[] in = Pixels.argb(sample.image());
            int[] range = range(in);
            BufferedImage result = BuiltIns.apply("normalize", sample.image());
            if (range[0] == range[1]) {
                return;
            }
            int[] out = Pixels.argb(result);
            int black = 0;
            int white = 0;
            for (int p : out) {
                for (int shift = 0; shift <= 16; shift += 8) {
                    int v = (p >> shift) & 0xff;
                    black += v == 0 ? 1 : 0;
                    white += v == 255 ? 1 : 0;
                }
            }
            int values = 3 * out.length;
            assertTrue(black >= 0.01 * values && white >= 0.01 * values, black + " black and " + white + " white of " + values);
        });
    }

    @Test
    void keepsTheOrderOfValues() {
        int[] ramp = new int[256];
        for (int v = 0; v < 256; v++) {
            int w = 60 + v * 100 / 255;
            ramp[v] = w << 16 | w << 8 | w;
        }
        int[] out = Pixels.argb(BuiltIns.apply("normalize", Pixels.image(256, 1, false, ramp)));
        for (int v = 1; v < 256; v++) {
            assertTrue(Pixels.red(out[v]) >= Pixels.red(out[v - 1]));
        }
        assertEquals(0, Pixels.red(out[0]));
        assertEquals(255, Pixels.red(out[255]));
    }

    static int[] range(int[] pixels) {
        int min = 255;
        int max = 0;
        for (int p : pixels) {
            for (int shift = 0; shift <= 16; shift += 8) {
                min = Math.min(min, (p >> shift) & 0xff);
                max = Math.max(max, (p >> shift) & 0xff);
            }
        }
        return new int[] {min, max};
    }
}
