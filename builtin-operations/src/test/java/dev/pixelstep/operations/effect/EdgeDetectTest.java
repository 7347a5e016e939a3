package dev.pixelstep.operations.effect;

import dev.pixelstep.operations.BuiltIns;
import dev.pixelstep.testkit.ImageOperationContract;
import dev.pixelstep.testkit.Pixels;
import dev.pixelstep.testkit.gen.Images;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EdgeDetectTest extends ImageOperationContract {

    @Override
    protected String operationName() {
        return "edge-detect";
    }

    @Test
    void aFlatImageHasNoEdges() {
        theory().forAll(Images.flat(48)).checkAssert(sample -> {
            for (int p : Pixels.argb(BuiltIns.apply("edge-detect", sample.image()))) {
                assertEquals(0, p & 0xffffff);
            }
        });
    }

    @Test
    void aStepLightsUpAtTheStepOnly() {
        int[] pixels = new int[8 * 8];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = i % 8 < 4 ? 0x000000 : 0xffffff;
        }
        int[] out = Pixels.argb(BuiltIns.apply("edge-detect", Pixels.image(8, 8, false, pixels)));
        assertTrue(Pixels.green(out[3 * 8 + 4]) > 128, "the step is bright");
        assertEquals(0, out[3 * 8] & 0xffffff, "far from the step is black");
    }
}
