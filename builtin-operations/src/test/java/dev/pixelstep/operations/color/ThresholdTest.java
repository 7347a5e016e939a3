package dev.pixelstep.operations.color;

import dev.pixelstep.operations.BuiltIns;
import dev.pixelstep.testkit.ImageOperationContract;
import dev.pixelstep.testkit.Pixels;
import dev.pixelstep.testkit.gen.Images;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.integers;

class ThresholdTest extends ImageOperationContract {

    @Override
    protected String operationName() {
        return "threshold";
    }

    @Test
    void leavesOnlyBlackAndWhite() {
        theory().forAll(Images.any(), integers().between(0, 256)).checkAssert((sample, level) -> {
            for (int p : Pixels.argb(BuiltIns.apply("threshold(level=" + level + ")", sample.image()))) {
                int rgb = p & 0xffffff;
                assertTrue(rgb == 0 || rgb == 0xffffff, Integer.toHexString(p));
            }
        });
    }

    @Test
    void whiteExactlyWhereLumaReachesTheLevel() {
        theory().forAll(Images.any(), integers().between(0, 256)).checkAssert((sample, level) -> {
            int[] in = Pixels.argb(sample.image());
            int[] out = Pixels.argb(BuiltIns.apply("threshold(level=" + level + ")", sample.image()));
            for (int i = 0; i < in.length; i++) {
                assertEquals(Grayscale.luma(in[i]) >= level, (out[i] & 0xffffff) == 0xffffff);
            }
        });
    }
}
