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

class HalftoneTest extends ImageOperationContract {

    @Override
    protected String operationName() {
        return "halftone";
    }

    @Override
    protected int examples() {
        return 20;
    }

    private static double ink(String chain, int grey) {
        int w = 96;
        int[] px = new int[w * w];
        Arrays.fill(px, grey << 16 | grey << 8 | grey);
        int[] out = Pixels.argb(BuiltIns.apply(chain, Pixels.image(w, w, false, px)));
        return Arrays.stream(out).mapToDouble(p -> 1 - Pixels.red(p) / 255.0).average().orElseThrow();
    }

    /** The ink covers the darkness: white stays white, and mid-grey is covered about half, at any angle. */
    @Test
    void theInkCoversTheDarkness() {
        assertEquals(0, ink("halftone", 255), 1e-9);
        theory().withExamples(10).forAll(integers().between(4, 16), doubles().between(-90, 90)).checkAssert((size, angle) -> {
            double ink = ink("halftone(size=" + size + ", angle=" + angle + ")", 128);
            assertEquals(0.5, ink, 0.06, "ink of mid-grey at size " + size);
        });
    }

    @Test
    void isGrey() {
        theory().forAll(Images.any()).checkAssert(sample -> assertTrue(Arrays.stream(Pixels.argb(BuiltIns.apply("halftone", sample.image())))
                .allMatch(p -> Pixels.red(p) == Pixels.green(p) && Pixels.green(p) == Pixels.blue(p)), "grey"));
    }
}
