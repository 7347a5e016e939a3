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

class GlowTest extends ImageOperationContract {

    @Override
    protected String operationName() {
        return "glow";
    }

    @Override
    protected int examples() {
        return 20;
    }

    @Test
    void amountZeroKeepsTheImage() {
        theory().forAll(Images.any()).checkAssert(sample -> assertArrayEquals(Pixels.argb(sample.image()),
                Pixels.argb(BuiltIns.apply("glow(amount=0)", sample.image()))));
    }

    /** Screening never darkens: every channel is at least what it was. */
    @Test
    void neverDarkens() {
        theory().forAll(Images.any(), doubles().between(0, 1)).checkAssert((sample, amount) -> {
            int[] in = Pixels.argb(sample.image());
            int[] out = Pixels.argb(BuiltIns.apply("glow(radius=3, amount=" + amount + ")", sample.image()));
            for (int i = 0; i < in.length; i++) {
                assertTrue(Pixels.red(out[i]) >= Pixels.red(in[i]) && Pixels.green(out[i]) >= Pixels.green(in[i])
                        && Pixels.blue(out[i]) >= Pixels.blue(in[i]), "pixel " + i);
            }
        });
    }
}
