package dev.pixelstep.operations.color;

import dev.pixelstep.operations.BuiltIns;
import dev.pixelstep.testkit.ImageOperationContract;
import dev.pixelstep.testkit.Pixels;
import dev.pixelstep.testkit.gen.Images;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SaturationTest extends ImageOperationContract {

    @Override
    protected String operationName() {
        return "saturation";
    }

    @Test
    void factorOneKeepsTheImage() {
        theory().forAll(Images.any()).checkAssert(sample ->
                assertArrayEquals(Pixels.argb(sample.image()), Pixels.argb(BuiltIns.apply("saturation(factor=1)", sample.image()))));
    }

    @Test
    void factorZeroIsGrayscale() {
        theory().forAll(Images.any()).checkAssert(sample -> {
            BufferedImage image = sample.image();
            assertArrayEquals(Pixels.argb(BuiltIns.apply("grayscale", image)), Pixels.argb(BuiltIns.apply("saturation(factor=0)", image)));
        });
    }

    @Test
    void graysStayGray() {
        theory().forAll(Images.any()).checkAssert(sample -> {
            BufferedImage gray = BuiltIns.apply("grayscale", sample.image());
            assertArrayEquals(Pixels.argb(gray), Pixels.argb(BuiltIns.apply("saturation(factor=7)", gray)));
        });
    }

    @Test
    void pureRedStaysPureRed() {
        int p = Pixels.argb(BuiltIns.apply("saturation(factor=3)", Pixels.image(1, 1, false, 0xff0000)))[0];
        assertEquals(0xffff0000, p);
    }
}
