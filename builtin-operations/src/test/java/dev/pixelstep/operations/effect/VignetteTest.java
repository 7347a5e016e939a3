package dev.pixelstep.operations.effect;

import dev.pixelstep.operations.BuiltIns;
import dev.pixelstep.testkit.ImageOperationContract;
import dev.pixelstep.testkit.Pixels;
import dev.pixelstep.testkit.gen.Images;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.doubles;

class VignetteTest extends ImageOperationContract {

    @Override
    protected String operationName() {
        return "vignette";
    }

    @Test
    void strengthZeroKeepsTheImage() {
        theory().forAll(Images.any()).checkAssert(sample ->
                assertArrayEquals(Pixels.argb(sample.image()), Pixels.argb(BuiltIns.apply("vignette(strength=0)", sample.image()))));
    }

    @Test
    void neverLightensAnyChannel() {
        theory().forAll(Images.any(), doubles().between(0, 1), doubles().between(0, 1)).checkAssert((sample, strength, start) -> {
            int[] in = Pixels.argb(sample.image());
            int[] out = Pixels.argb(BuiltIns.apply("vignette(strength=" + strength + ", start=" + start + ")", sample.image()));
            for (int i = 0; i < in.length; i++) {
                assertTrue(Pixels.red(out[i]) <= Pixels.red(in[i]) && Pixels.green(out[i]) <= Pixels.green(in[i])
                        && Pixels.blue(out[i]) <= Pixels.blue(in[i]));
            }
        });
    }

    @Test
    void fullStrengthBlackensTheCornersAndSparesTheCentre() {
        int[] white = new int[101 * 101];
        java.util.Arrays.fill(white, 0xffffff);
        int[] out = Pixels.argb(BuiltIns.apply("vignette(strength=1, start=0.5)", Pixels.image(101, 101, false, white)));
        assertEquals(0xffffffff, out[50 * 101 + 50], "centre");
        assertTrue(Pixels.red(out[0]) < 8, "corner " + Integer.toHexString(out[0]));
    }
}
