package dev.pixelstep.operations.color;

import dev.pixelstep.operations.BuiltIns;
import dev.pixelstep.testkit.ImageOperationContract;
import dev.pixelstep.testkit.Pixels;
import dev.pixelstep.testkit.gen.Images;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class InvertTest extends ImageOperationContract {

    @Override
    protected String operationName() {
        return "invert";
    }

    @Test
    void twiceIsTheIdentity() {
        theory().forAll(Images.any()).checkAssert(sample -> {
            BufferedImage image = sample.image();
            assertArrayEquals(Pixels.argb(image), Pixels.argb(BuiltIns.apply("invert, invert", image)));
        });
    }

    @Test
    void everyChannelBecomesItsComplement() {
        theory().forAll(Images.any()).checkAssert(sample -> {
            int[] in = Pixels.argb(sample.image());
            int[] out = Pixels.argb(BuiltIns.apply("invert", sample.image()));
            for (int i = 0; i < in.length; i++) {
                assertEquals(in[i] ^ 0x00ffffff, out[i]);
            }
        });
    }
}
