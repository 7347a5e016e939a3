package dev.pixelstep.operations.geometry;

import dev.pixelstep.operations.BuiltIns;
import dev.pixelstep.testkit.ImageOperationContract;
import dev.pixelstep.testkit.Pixels;
import dev.pixelstep.testkit.gen.Images;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class RotateTest extends ImageOperationContract {

    @Override
    protected String operationName() {
        return "rotate";
    }

    @Override
    protected boolean keepsEveryPixelsAlpha() {
        return false; // alpha moves with its pixel
    }

    @Test
    void fourQuarterTurnsAreTheIdentity() {
        theory().forAll(Images.any()).checkAssert(sample -> {
            BufferedImage image = sample.image();
            assertArrayEquals(Pixels.argb(image), Pixels.argb(BuiltIns.apply("rotate, rotate, rotate, rotate", image)));
        });
    }

    @Test
    void turnsAddUp() {
        theory().forAll(Images.any()).checkAssert(sample -> {
            BufferedImage image = sample.image();
            assertArrayEquals(Pixels.argb(BuiltIns.apply("rotate(angle=180)", image)), Pixels.argb(BuiltIns.apply("rotate, rotate", image)));
            assertArrayEquals(Pixels.argb(image), Pixels.argb(BuiltIns.apply("rotate(angle=90), rotate(angle=270)", image)));
            assertArrayEquals(Pixels.argb(BuiltIns.apply("flip(direction=both)", image)), Pixels.argb(BuiltIns.apply("rotate(angle=180)", image)));
        });
    }

    @Test
    void aQuarterTurnIsClockwise() {
        // 2x1: [A B] turned clockwise is the column A over B
        BufferedImage out = BuiltIns.apply("rotate", Pixels.image(2, 1, false, 0x111111, 0x222222));
        assertEquals(1, out.getWidth());
        assertEquals(2, out.getHeight());
        assertArrayEquals(new int[] {0xff111111, 0xff222222}, Pixels.argb(out));
        BufferedImage tall = BuiltIns.apply("rotate", Pixels.image(1, 2, false, 0x111111, 0x222222));
        assertArrayEquals(new int[] {0xff222222, 0xff111111}, Pixels.argb(tall), "top goes right");
    }
}
