package dev.pixelstep.operations.tone;

import dev.pixelstep.operations.BuiltIns;
import dev.pixelstep.testkit.ImageOperationContract;
import dev.pixelstep.testkit.Pixels;
import dev.pixelstep.testkit.gen.Images;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.integers;

class CurvesTest extends ImageOperationContract {

    @Override
    protected String operationName() {
        return "curves";
    }

    @Test
    void theDefaultCurveIsTheIdentity() {
        theory().forAll(Images.any()).checkAssert(sample ->
                assertArrayEquals(Pixels.argb(sample.image()), Pixels.argb(BuiltIns.apply("curves", sample.image()))));
    }

    @Test
    void passesThroughItsPointsAndRisingPointsGiveARisingCurveWithinTheirRange() {
        Gen<int[]> rising = integers().between(0, 255).map(a -> a).zip(integers().between(0, 255), integers().between(0, 255),
                (a, b, c) -> new int[] {a, b, c});
        theory().forAll(rising, integers().between(0, 255), integers().between(0, 255)).checkAssert((abc, d, e) -> {
            int[] y = {abc[0], abc[1], abc[2], d, e};
            java.util.Arrays.sort(y);
            int[] out = Pixels.argb(BuiltIns.apply("curves(black=" + y[0] + ", shadows=" + y[1] + ", midtones=" + y[2]
                    + ", highlights=" + y[3] + ", white=" + y[4] + ")", Pixels.image(256, 1, false, Ramp.grey())));
            int[] inputs = {0, 64, 128, 192, 255};
            for (int k = 0; k < 5; k++) {
                assertEquals(y[k], Pixels.red(out[inputs[k]]), "point " + inputs[k]);
            }
            for (int v = 1; v < 256; v++) {
                assertTrue(Pixels.red(out[v]) >= Pixels.red(out[v - 1]), "rising at " + v);
            }
        });
    }
}
