package dev.pixelstep.operations.tone;

import dev.pixelstep.operations.BuiltIns;
import dev.pixelstep.testkit.ImageOperationContract;
import dev.pixelstep.testkit.Pixels;
import dev.pixelstep.testkit.gen.Images;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.doubles;

class GammaTest extends ImageOperationContract {

    @Override
    protected String operationName() {
        return "gamma";
    }

    @Test
    void oneKeepsTheImageAndAboveOneLightensKeepingBlackAndWhite() {
        theory().forAll(Images.any()).checkAssert(sample ->
                assertArrayEquals(Pixels.argb(sample.image()), Pixels.argb(BuiltIns.apply("gamma(gamma=1)", sample.image()))));
        theory().forAll(doubles().between(1, 10)).checkAssert(g -> {
            int[] ramp = Ramp.grey();
            int[] out = Pixels.argb(BuiltIns.apply("gamma(gamma=" + g + ")", Pixels.image(256, 1, false, ramp)));
            assertEquals(0xff000000, out[0]);
            assertEquals(0xffffffff, out[255]);
            for (int v = 0; v < 256; v++) {
                assertTrue(Pixels.red(out[v]) >= v, "lightens " + v);
                assertTrue(v == 0 || Pixels.red(out[v]) >= Pixels.red(out[v - 1]), "rising at " + v);
            }
        });
    }
}
