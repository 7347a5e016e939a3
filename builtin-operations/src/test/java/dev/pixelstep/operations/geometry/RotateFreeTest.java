package dev.pixelstep.operations.geometry;

import dev.pixelstep.operations.BuiltIns;
import dev.pixelstep.testkit.ImageOperationContract;
import dev.pixelstep.testkit.Pixels;
import dev.pixelstep.testkit.gen.ImageType;
import dev.pixelstep.testkit.gen.Images;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RotateFreeTest extends ImageOperationContract {

    @Override
    protected String operationName() {
        return "rotate-free";
    }

    @Override
    protected boolean keepsEveryPixelsAlpha() {
        return false;
    }

    @Test
    void zeroDegreesKeepsTheImage() {
        theory().forAll(Images.any()).checkAssert(sample ->
                assertArrayEquals(Pixels.visible(sample.image()), Pixels.visible(BuiltIns.apply("rotate-free(degrees=0)", sample.image()))));
    }

    @Test
    void quarterTurnsMatchTheExactRotation() {
        theory().forAll(Images.of(48, ImageType.RGB, ImageType.BGR, ImageType.GRAY)).checkAssert(sample -> {
            BufferedImage image = sample.image();
            assertArrayEquals(Pixels.argb(BuiltIns.apply("rotate(angle=90)", image)), Pixels.argb(BuiltIns.apply("rotate-free(degrees=90)", image)));
            assertArrayEquals(Pixels.argb(BuiltIns.apply("rotate(angle=270)", image)), Pixels.argb(BuiltIns.apply("rotate-free(degrees=-90)", image)));
        });
    }

    @Test
    void growsToTheBoundingBoxAndFillsCornersWithTheBackground() {
        int[] white = new int[40 * 20];
        java.util.Arrays.fill(white, 0x000000);
        BufferedImage out = BuiltIns.apply("rotate-free(degrees=45, background=red)", Pixels.image(40, 20, false, white));
        assertEquals(Math.round(60 / Math.sqrt(2)), out.getWidth());
        assertEquals(Math.round(60 / Math.sqrt(2)), out.getHeight());
        assertEquals(0xffff0000, out.getRGB(0, 0), "corner is background");
        assertEquals(0xff000000, out.getRGB(out.getWidth() / 2, out.getHeight() / 2), "centre is the image");
    }

    @Test
    void transparentBackgroundStaysTransparentWithAlpha() {
        BufferedImage out = BuiltIns.apply("rotate-free(degrees=30, background=transparent)", Pixels.image(4, 4, true, new int[16]));
        assertTrue(java.util.Arrays.stream(Pixels.argb(out)).allMatch(p -> Pixels.alpha(p) == 0));
    }
}
