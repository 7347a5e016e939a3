package dev.pixelstep.operations.color;

import dev.pixelstep.operations.BuiltIns;
import dev.pixelstep.testkit.ImageOperationContract;
import dev.pixelstep.testkit.Pixels;
import dev.pixelstep.testkit.gen.Images;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.doubles;

class HueRotateTest extends ImageOperationContract {

    @Override
    protected String operationName() {
        return "hue-rotate";
    }

    @Test
    void zeroDegreesKeepsTheImage() {
        theory().forAll(Images.any()).checkAssert(sample ->
                assertArrayEquals(Pixels.argb(sample.image()), Pixels.argb(BuiltIns.apply("hue-rotate(degrees=0)", sample.image()))));
    }

    @Test
    void graysStayGray() {
        theory().forAll(Images.any(), doubles().between(-360, 360)).checkAssert((sample, degrees) -> {
            BufferedImage gray = BuiltIns.apply("grayscale", sample.image());
            assertArrayEquals(Pixels.argb(gray), Pixels.argb(BuiltIns.apply("hue-rotate(degrees=" + degrees + ")", gray)));
        });
    }

    @Test
    void aThirdTurnMovesRedTowardsGreen() {
        int p = Pixels.argb(BuiltIns.apply("hue-rotate(degrees=120)", Pixels.image(1, 1, false, 0xff0000)))[0];
        assertTrue(Pixels.green(p) > Pixels.red(p) && Pixels.green(p) > Pixels.blue(p), Integer.toHexString(p));
    }
}
