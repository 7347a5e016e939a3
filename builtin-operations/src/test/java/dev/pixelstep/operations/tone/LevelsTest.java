package dev.pixelstep.operations.tone;

import dev.pixelstep.operations.BuiltIns;
import dev.pixelstep.testkit.ImageOperationContract;
import dev.pixelstep.testkit.Pixels;
import dev.pixelstep.testkit.gen.Images;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.integers;

class LevelsTest extends ImageOperationContract {

    @Override
    protected String operationName() {
        return "levels";
    }

    @Test
    void theDefaultsKeepTheImage() {
        theory().forAll(Images.any()).checkAssert(sample ->
                assertArrayEquals(Pixels.argb(sample.image()), Pixels.argb(BuiltIns.apply("levels", sample.image()))));
    }

    @Test
    void blackAndBelowBecomeBlackWhiteAndAboveWhiteAndTheRestRises() {
        theory().forAll(integers().between(0, 254), integers().between(1, 255)).checkAssert((black, white) -> {
            int[] out = Pixels.argb(BuiltIns.apply("levels(black=" + black + ", white=" + white + ", gamma=1.7)",
                    Pixels.image(256, 1, false, Ramp.grey())));
            int top = Math.max(white, black + 1);
            for (int v = 0; v < 256; v++) {
                int o = Pixels.red(out[v]);
                if (v <= black) {
                    assertEquals(0, o, "at " + v);
                } else if (v >= top) {
                    assertEquals(255, o, "at " + v);
                }
                assertTrue(v == 0 || o >= Pixels.red(out[v - 1]), "rising at " + v);
            }
        });
    }
}
