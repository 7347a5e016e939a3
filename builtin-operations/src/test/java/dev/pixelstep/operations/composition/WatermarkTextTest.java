package dev.pixelstep.operations.composition;

import dev.pixelstep.operations.BuiltIns;
import dev.pixelstep.testkit.ImageOperationContract;
import dev.pixelstep.testkit.Pixels;
import dev.pixelstep.testkit.gen.Images;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.integers;

class WatermarkTextTest extends ImageOperationContract {

    @Override
    protected String operationName() {
        return "watermark-text";
    }

    @Override
    protected int examples() {
        return 20;
    }

    @Override
    protected boolean keepsEveryPixelsAlpha() {
        return false; // the text is composited over transparent pixels too
    }

    private static BufferedImage black(int w, int h) {
        return Pixels.image(w, h, false, new int[w * h]);
    }

    @Test
    void opacityZeroKeepsTheImage() {
        theory().forAll(Images.any()).checkAssert(sample -> assertArrayEquals(Pixels.argb(sample.image()),
                Pixels.argb(BuiltIns.apply("watermark-text(opacity=0)", sample.image()))));
    }

    /** The text is drawn inside the margin on the sides its gravity names, and centred otherwise. */
    @Test
    void drawsTheTextWhereItsGravityAndMarginSay() {
        String[] gravities = {"centre", "north", "northeast", "east", "southeast", "south", "southwest", "west", "northwest"};
        theory().withExamples(30).forAll(integers().between(0, 8), integers().between(0, 30)).checkAssert((g, margin) -> {
            String gravity = gravities[g];
            int w = 320;
            int h = 120;
            int[] px = Pixels.argb(BuiltIns.apply("watermark-text(text=\"Hello, pixelstep\", size=20, opacity=1, gravity=" + gravity
                    + ", margin=" + margin + ")", black(w, h)));
            int minX = w;
            int maxX = -1;
            int minY = h;
            int maxY = -1;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    if ((px[y * w + x] & 0xffffff) != 0) {
                        minX = Math.min(minX, x);
                        maxX = Math.max(maxX, x);
                        minY = Math.min(minY, y);
                        maxY = Math.max(maxY, y);
                    }
                }
            }
            assertTrue(maxX - minX > 100 && maxY - minY > 10, "a line of text is drawn: " + minX + ".." + maxX + " x " + minY + ".." + maxY);
            // one pixel of anti-aliasing on each side of the glyphs' box
            if (gravity.contains("west")) {
                assertTrue(Math.abs(minX - margin) <= 1, gravity + " left edge " + minX);
            } else if (gravity.contains("east")) {
                assertTrue(Math.abs(w - 1 - maxX - margin) <= 1, gravity + " right edge " + maxX);
            } else {
                assertTrue(Math.abs(minX - (w - 1 - maxX)) <= 2, gravity + " centred horizontally " + minX + ".." + maxX);
            }
            if (gravity.startsWith("north")) {
                assertTrue(Math.abs(minY - margin) <= 1, gravity + " top edge " + minY);
            } else if (gravity.startsWith("south")) {
                assertTrue(Math.abs(h - 1 - maxY - margin) <= 1, gravity + " bottom edge " + maxY);
            } else {
                assertTrue(Math.abs(minY - (h - 1 - maxY)) <= 2, gravity + " centred vertically " + minY + ".." + maxY);
            }
        });
    }

    @Test
    void opacityAndColourScaleTheInk() {
        int w = 200;
        int h = 60;
        int[] full = Pixels.argb(BuiltIns.apply("watermark-text(text=\"IIII\", size=40, opacity=1, colour=#ff0000, gravity=centre)", black(w, h)));
        int[] half = Pixels.argb(BuiltIns.apply("watermark-text(text=\"IIII\", size=40, opacity=0.5, colour=#ff0000, gravity=centre)", black(w, h)));
        int maxFull = Arrays.stream(full).map(Pixels::red).max().orElseThrow();
        int maxHalf = Arrays.stream(half).map(Pixels::red).max().orElseThrow();
        assertEquals(255, maxFull);
        assertTrue(Math.abs(maxHalf - 128) <= 1, "half opacity gives half the ink: " + maxHalf);
        assertTrue(Arrays.stream(full).allMatch(p -> Pixels.green(p) == 0 && Pixels.blue(p) == 0), "red only");
    }
}
