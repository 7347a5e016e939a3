package dev.pixelstep.operations.geometry;

import dev.pixelstep.operations.BuiltIns;
import dev.pixelstep.testkit.ImageOperationContract;
import dev.pixelstep.testkit.Pixels;
import dev.pixelstep.testkit.gen.Images;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.generators.SourceDSL.integers;

class CropTest extends ImageOperationContract {

    @Override
    protected String operationName() {
        return "crop";
    }

    @Override
    protected boolean keepsEveryPixelsAlpha() {
        return false; // pixels move to the origin
    }

    @Test
    void keepsExactlyTheRequestedRegion() {
        theory().forAll(Images.any(), corners(), sides())
                .checkAssert((sample, corner, side) -> {
                    int x = corner[0];
                    int y = corner[1];
                    int width = side[0];
                    int height = side[1];
                    BufferedImage image = sample.image();
                    BufferedImage out = BuiltIns.apply("crop(x=" + x + ", y=" + y + ", width=" + width + ", height=" + height + ")", image);
                    int left = Math.min(x, image.getWidth() - 1);
                    int top = Math.min(y, image.getHeight() - 1);
                    assertEquals(Math.min(width, image.getWidth() - left), out.getWidth());
                    assertEquals(Math.min(height, image.getHeight() - top), out.getHeight());
                    for (int j = 0; j < out.getHeight(); j++) {
                        for (int i = 0; i < out.getWidth(); i++) {
                            assertEquals(image.getRGB(left + i, top + j), out.getRGB(i, j), "pixel " + i + "," + j);
                        }
                    }
                });
    }

    private static org.quicktheories.core.Gen<int[]> corners() {
        return integers().between(0, 70).zip(integers().between(0, 70), (x, y) -> new int[] {x, y})
                .describedAs(c -> "x=" + c[0] + ", y=" + c[1]);
    }

    private static org.quicktheories.core.Gen<int[]> sides() {
        return integers().between(1, 70).zip(integers().between(1, 70), (w, h) -> new int[] {w, h})
                .describedAs(c -> "width=" + c[0] + ", height=" + c[1]);
    }

    @Test
    void defaultsKeepTheWholeImage() {
        theory().forAll(Images.any()).checkAssert(sample -> org.junit.jupiter.api.Assertions.assertArrayEquals(
                Pixels.argb(sample.image()), Pixels.argb(BuiltIns.apply("crop", sample.image()))));
    }
}
