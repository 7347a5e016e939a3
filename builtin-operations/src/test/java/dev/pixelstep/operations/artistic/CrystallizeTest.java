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

class CrystallizeTest extends ImageOperationContract {

    @Override
    protected String operationName() {
        return "crystallize";
    }

    @Override
    protected boolean keepsEveryPixelsAlpha() {
        return false; // each cell takes one pixel, alpha included
    }

    @Test
    void everyColourComesFromTheImageAndCellsAreFlat() {
        theory().forAll(Images.any(), integers().between(2, 20)).checkAssert((sample, size) -> {
            int[] in = Pixels.argb(sample.image());
            java.util.Set<Integer> colours = new java.util.HashSet<>();
            for (int p : in) {
                colours.add(p);
            }
            int[] out = Pixels.argb(BuiltIns.apply("crystallize(size=" + size + ")", sample.image()));
            for (int p : out) {
                assertTrue(colours.contains(p), "colour " + Integer.toHexString(p) + " is one of the source");
            }
        });
    }

    @Test
    void anotherSeedGivesOtherCells() {
        int w = 64;
        int[] px = new int[w * w];
        for (int i = 0; i < px.length; i++) {
            px[i] = i * 2654435761L % 0xffffff > 0 ? (int) (i * 2654435761L % 0xffffff) : 0;
        }
        BufferedImage image = Pixels.image(w, w, false, px);
        assertTrue(!Arrays.equals(Pixels.argb(BuiltIns.apply("crystallize(seed=1)", image)), Pixels.argb(BuiltIns.apply("crystallize(seed=2)", image))));
    }
}
