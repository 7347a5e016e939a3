package dev.pixelstep.operations.composition;

import dev.pixelstep.operations.BuiltIns;
import dev.pixelstep.testkit.ImageOperationContract;
import dev.pixelstep.testkit.Pixels;
import dev.pixelstep.testkit.gen.Images;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.integers;

class RoundedCornersTest extends ImageOperationContract {

    @Override
    protected String operationName() {
        return "rounded-corners";
    }

    @Override
    protected boolean keepsEveryPixelsAlpha() {
        return false; // the corners become transparent
    }

    @Test
    void alwaysGivesAlphaAndKeepsEveryColour() {
        theory().forAll(Images.any(), integers().between(0, 40)).checkAssert((sample, radius) -> {
            BufferedImage source = sample.image();
            BufferedImage out = BuiltIns.apply("rounded-corners(radius=" + radius + ")", source);
            assertEquals(BufferedImage.TYPE_INT_ARGB, out.getType());
            int[] in = Pixels.argb(source);
            int[] px = Pixels.argb(out);
            for (int i = 0; i < in.length; i++) {
                assertEquals(in[i] & 0xffffff, px[i] & 0xffffff, "colour of pixel " + i);
                assertTrue(Pixels.alpha(px[i]) <= Pixels.alpha(in[i]), "alpha only falls");
            }
        });
    }

    /** Outside the quarter circles alpha is kept; a corner pixel beyond the circle is clear; the result is mirror-symmetric. */
    @Test
    void cutsQuarterCirclesOffTheCorners() {
        int w = 60;
        int h = 40;
        int[] grey = new int[w * h];
        java.util.Arrays.fill(grey, 0x808080);
        BufferedImage out = BuiltIns.apply("rounded-corners(radius=10)", Pixels.image(w, h, false, grey));
        int[] px = Pixels.argb(out);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int a = Pixels.alpha(px[y * w + x]);
                assertEquals(a, Pixels.alpha(px[y * w + (w - 1 - x)]), "left-right symmetry at " + x + "," + y);
                assertEquals(a, Pixels.alpha(px[(h - 1 - y) * w + x]), "top-bottom symmetry at " + x + "," + y);
                double dx = Math.max(0, 10 - (Math.min(x, w - 1 - x) + 0.5));
                double dy = Math.max(0, 10 - (Math.min(y, h - 1 - y) + 0.5));
                double d = Math.sqrt(dx * dx + dy * dy);
                if (d <= 9.5) {
                    assertEquals(255, a, "inside at " + x + "," + y);
                } else if (d >= 10.5) {
                    assertEquals(0, a, "outside at " + x + "," + y);
                }
            }
        }
        assertEquals(0, Pixels.alpha(px[0]));
    }

    @Test
    void aRadiusBeyondHalfTheShorterSideMakesAPill() {
        int[] white = new int[40 * 10];
        java.util.Arrays.fill(white, 0xffffff);
        int[] pill = Pixels.argb(BuiltIns.apply("rounded-corners(radius=10000)", Pixels.image(40, 10, false, white)));
        int[] five = Pixels.argb(BuiltIns.apply("rounded-corners(radius=5)", Pixels.image(40, 10, false, white)));
        org.junit.jupiter.api.Assertions.assertArrayEquals(five, pill);
    }
}
