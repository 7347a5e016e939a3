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

class ZoomBlurTest extends ImageOperationContract {

    @Override
    protected String operationName() {
        return "zoom-blur";
    }

    @Override
    protected boolean keepsEveryPixelsAlpha() {
        return false; // alpha is blurred too
    }

    @Test
    void amountZeroKeepsTheImageAndFlatStaysFlat() {
        theory().forAll(Images.any()).checkAssert(sample -> assertArrayEquals(Pixels.argb(sample.image()),
                Pixels.argb(BuiltIns.apply("zoom-blur(amount=0)", sample.image()))));
        theory().forAll(Images.flat(30), doubles().between(0, 1)).checkAssert((sample, amount) -> assertArrayEquals(Pixels.argb(sample.image()),
                Pixels.argb(BuiltIns.apply("zoom-blur(amount=" + amount + ")", sample.image()))));
    }

    @Test
    void theCentreStaysSharp() {
        theory().forAll(integers().between(0, 20), integers().between(0, 20), integers().all()).checkAssert((a, b, seed) -> {
            int w = 2 * a + 1;
            int h = 2 * b + 1;
            java.util.Random random = new java.util.Random(seed);
            int[] px = new int[w * h];
            for (int i = 0; i < px.length; i++) {
                px[i] = random.nextInt() & 0xffffff;
            }
            BufferedImage image = Pixels.image(w, h, false, px);
            int centre = (h / 2) * w + w / 2;
            assertEquals(Pixels.argb(image)[centre], Pixels.argb(BuiltIns.apply("zoom-blur(amount=1)", image))[centre]);
        });
    }
}
