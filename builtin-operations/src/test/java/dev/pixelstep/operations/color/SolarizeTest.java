package dev.pixelstep.operations.color;

import dev.pixelstep.operations.BuiltIns;
import dev.pixelstep.testkit.ImageOperationContract;
import dev.pixelstep.testkit.Pixels;
import dev.pixelstep.testkit.gen.Images;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.integers;

class SolarizeTest extends ImageOperationContract {

    @Override
    protected String operationName() {
        return "solarize";
    }

    @Test
    void thresholdZeroInvertsAndTheMaximumKeeps() {
        theory().forAll(Images.any()).checkAssert(sample -> {
            assertArrayEquals(Pixels.argb(BuiltIns.apply("invert", sample.image())),
                    Pixels.argb(BuiltIns.apply("solarize(threshold=0)", sample.image())));
            assertArrayEquals(Pixels.argb(sample.image()), Pixels.argb(BuiltIns.apply("solarize(threshold=256)", sample.image())));
        });
    }

    @Test
    void noChannelEndsAboveTheLargerOfThresholdAndItsMirror() {
        theory().forAll(Images.any(), integers().between(0, 256)).checkAssert((sample, threshold) -> {
            int limit = Math.max(threshold - 1, 255 - threshold);
            for (int p : Pixels.argb(BuiltIns.apply("solarize(threshold=" + threshold + ")", sample.image()))) {
                assertTrue(Pixels.red(p) <= limit && Pixels.green(p) <= limit && Pixels.blue(p) <= limit);
            }
        });
    }
}
