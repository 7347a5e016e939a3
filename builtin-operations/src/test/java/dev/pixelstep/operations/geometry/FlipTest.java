package dev.pixelstep.operations.geometry;

import dev.pixelstep.operations.BuiltIns;
import dev.pixelstep.testkit.ImageOperationContract;
import dev.pixelstep.testkit.Pixels;
import dev.pixelstep.testkit.gen.Images;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

import java.awt.image.BufferedImage;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class FlipTest extends ImageOperationContract {

    @Override
    protected String operationName() {
        return "flip";
    }

    @Override
    protected boolean keepsEveryPixelsAlpha() {
        return false; // alpha moves with its pixel
    }

    @Test
    void twiceIsTheIdentity() {
        theory().forAll(Images.any(), Generate.pick(List.of("horizontal", "vertical", "both"))).checkAssert((sample, direction) -> {
            BufferedImage image = sample.image();
            String flip = "flip(direction=" + direction + ")";
            assertArrayEquals(Pixels.argb(image), Pixels.argb(BuiltIns.apply(flip + ", " + flip, image)));
        });
    }

    @Test
    void bothIsHorizontalThenVertical() {
        theory().forAll(Images.any()).checkAssert(sample -> assertArrayEquals(
                Pixels.argb(BuiltIns.apply("flip(direction=both)", sample.image())),
                Pixels.argb(BuiltIns.apply("flip(direction=horizontal), flip(direction=vertical)", sample.image()))));
    }

    @Test
    void horizontalMirrorsRows() {
        assertArrayEquals(new int[] {0xff333333, 0xff222222, 0xff111111},
                Pixels.argb(BuiltIns.apply("flip", Pixels.image(3, 1, false, 0x111111, 0x222222, 0x333333))));
    }
}
