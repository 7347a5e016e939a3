package dev.pixelstep.operations.effect;

import dev.pixelstep.operations.BuiltIns;
import dev.pixelstep.testkit.ImageOperationContract;
import dev.pixelstep.testkit.Pixels;
import dev.pixelstep.testkit.gen.Images;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.generators.SourceDSL.integers;

class PixelateTest extends ImageOperationContract {

    @Override
    protected String operationName() {
        return "pixelate";
    }

    @Override
    protected boolean keepsEveryPixelsAlpha() {
        return false; // a block gets the average alpha
    }

    @Test
    void everyBlockHasOneColour() {
        theory().forAll(Images.any(), integers().between(2, 20)).checkAssert((sample, size) -> {
            BufferedImage out = BuiltIns.apply("pixelate(size=" + size + ")", sample.image());
            int[] px = Pixels.argb(out);
            for (int y = 0; y < out.getHeight(); y++) {
                for (int x = 0; x < out.getWidth(); x++) {
                    int corner = px[(y - y % size) * out.getWidth() + (x - x % size)];
                    assertEquals(corner, px[y * out.getWidth() + x], "pixel " + x + "," + y);
                }
            }
        });
    }

    @Test
    void anOpaqueBlockGetsTheRoundedMean() {
        BufferedImage image = Pixels.image(2, 1, false, 0x000000, 0x0a0b0c);
        assertEquals(0xff050606, Pixels.argb(BuiltIns.apply("pixelate(size=2)", image))[0]);
    }
}
