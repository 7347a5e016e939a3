package dev.pixelstep.operations.artistic;

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
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

class MotionBlurTest extends ImageOperationContract {

    @Override
    protected String operationName() {
        return "motion-blur";
    }

    @Override
    protected boolean keepsEveryPixelsAlpha() {
        return false; // alpha is blurred too
    }

    @Test
    void keepsAFlatImage() {
        theory().forAll(Images.flat(30), doubles().between(-360, 360), integers().between(1, 40)).checkAssert((sample, angle, distance) ->
                assertArrayEquals(Pixels.argb(sample.image()),
                        Pixels.argb(BuiltIns.apply("motion-blur(angle=" + angle + ", distance=" + distance + ")", sample.image()))));
    }

    /** Horizontal motion leaves an image of horizontal stripes alone and averages vertical ones. */
    @Test
    void blursAlongItsDirectionOnly() {
        int w = 30;
        int[] rows = new int[w * w];
        int[] columns = new int[w * w];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = (i / w) % 2 == 0 ? 0x000000 : 0xffffff;
            columns[i] = (i % w) % 2 == 0 ? 0x000000 : 0xffffff;
        }
        assertArrayEquals(Pixels.argb(Pixels.image(w, w, false, rows)), Pixels.argb(BuiltIns.apply("motion-blur(angle=0, distance=10)",
                Pixels.image(w, w, false, rows))));
        assertArrayEquals(Pixels.argb(Pixels.image(w, w, false, columns)), Pixels.argb(BuiltIns.apply("motion-blur(angle=90, distance=10)",
                Pixels.image(w, w, false, columns))));
        int middle = Pixels.red(Pixels.argb(BuiltIns.apply("motion-blur(angle=0, distance=9)", Pixels.image(w, w, false, columns)))[15 * w + 15]);
        assertTrue(Math.abs(middle - 128) <= 14, "ten samples of alternating columns average near grey: " + middle);
    }
}
