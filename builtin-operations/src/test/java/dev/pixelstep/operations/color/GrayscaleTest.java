package dev.pixelstep.operations.color;

import dev.pixelstep.operations.BuiltIns;
import dev.pixelstep.testkit.ImageOperationContract;
import dev.pixelstep.testkit.Pixels;
import dev.pixelstep.testkit.gen.Images;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class GrayscaleTest extends ImageOperationContract {

    @Override
    protected String operationName() {
        return "grayscale";
    }

    @Test
    void everyPixelIsGray() {
        theory().forAll(Images.any()).checkAssert(sample -> {
            for (int p : Pixels.argb(BuiltIns.apply("grayscale", sample.image()))) {
                assertEquals(Pixels.red(p), Pixels.green(p));
                assertEquals(Pixels.green(p), Pixels.blue(p));
            }
        });
    }

    @Test
    void isIdempotent() {
        theory().forAll(Images.any()).checkAssert(sample -> {
            BufferedImage once = BuiltIns.apply("grayscale", sample.image());
            assertArrayEquals(Pixels.argb(once), Pixels.argb(BuiltIns.apply("grayscale", once)));
        });
    }

    @Test
    void usesBt601Luma() {
        BufferedImage image = Pixels.image(3, 1, false, 0xff0000, 0x00ff00, 0x0000ff);
        int[] out = Pixels.argb(BuiltIns.apply("grayscale", image));
        assertEquals(77, Pixels.red(out[0]));  // 0.299 * 255 = 76.2, in 8-bit fixed point 77
        assertEquals(149, Pixels.red(out[1])); // 0.587 * 255
        assertEquals(29, Pixels.red(out[2]));  // 0.114 * 255
    }
}
