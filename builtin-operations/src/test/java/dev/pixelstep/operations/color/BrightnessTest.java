package dev.pixelstep.operations.color;

import dev.pixelstep.operations.BuiltIns;
import dev.pixelstep.testkit.ImageOperationContract;
import dev.pixelstep.testkit.Pixels;
import dev.pixelstep.testkit.gen.Images;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.doubles;

class BrightnessTest extends ImageOperationContract {

    @Override
    protected String operationName() {
        return "brightness";
    }

    @Test
    void zeroKeepsTheImage() {
        theory().forAll(Images.any()).checkAssert(sample ->
                assertArrayEquals(Pixels.argb(sample.image()), Pixels.argb(BuiltIns.apply("brightness(amount=0)", sample.image()))));
    }

    @Test
    void positiveAmountsNeverDarkenAndNegativeNeverLighten() {
        theory().forAll(Images.any(), doubles().between(-1, 1)).checkAssert((sample, amount) -> {
            int[] in = Pixels.argb(sample.image());
            int[] out = Pixels.argb(BuiltIns.apply("brightness(amount=" + amount + ")", sample.image()));
            for (int i = 0; i < in.length; i++) {
                int before = Pixels.red(in[i]);
                int after = Pixels.red(out[i]);
                assertTrue(amount >= 0 ? after >= before : after <= before);
            }
        });
    }

    @Test
    void extremesGiveBlackAndWhite() {
        theory().forAll(Images.any()).checkAssert(sample -> {
            for (int p : Pixels.argb(BuiltIns.apply("brightness(amount=1)", sample.image()))) {
                assertEquals(0xffffff, p & 0xffffff);
            }
            for (int p : Pixels.argb(BuiltIns.apply("brightness(amount=-1)", sample.image()))) {
                assertEquals(0, p & 0xffffff);
            }
        });
    }
}
