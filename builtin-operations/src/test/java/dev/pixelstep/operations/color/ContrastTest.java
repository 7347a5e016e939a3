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

class ContrastTest extends ImageOperationContract {

    @Override
    protected String operationName() {
        return "contrast";
    }

    @Test
    void factorOneKeepsTheImage() {
        theory().forAll(Images.any()).checkAssert(sample ->
                assertArrayEquals(Pixels.argb(sample.image()), Pixels.argb(BuiltIns.apply("contrast(factor=1)", sample.image()))));
    }

    @Test
    void factorZeroGivesFlatMidGray() {
        theory().forAll(Images.any()).checkAssert(sample -> {
            for (int p : Pixels.argb(BuiltIns.apply("contrast(factor=0)", sample.image()))) {
                assertEquals(0x808080, p & 0xffffff);
            }
        });
    }

    @Test
    void keepsTheOrderOfValues() {
        theory().forAll(doubles().between(0, 10)).checkAssert(factor -> {
            int[] ramp = new int[256];
            for (int v = 0; v < 256; v++) {
                ramp[v] = v << 16 | v << 8 | v;
            }
            int[] out = Pixels.argb(BuiltIns.apply("contrast(factor=" + factor + ")", Pixels.image(256, 1, false, ramp)));
            for (int v = 1; v < 256; v++) {
                assertTrue(Pixels.green(out[v]) >= Pixels.green(out[v - 1]));
            }
        });
    }
}
