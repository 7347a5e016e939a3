package dev.pixelstep.operations.geometry;

import dev.pixelstep.operations.BuiltIns;
import dev.pixelstep.testkit.ImageOperationContract;
import dev.pixelstep.testkit.Pixels;
import dev.pixelstep.testkit.gen.Images;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.generators.SourceDSL.integers;

class ExtendTest extends ImageOperationContract {

    @Override
    protected String operationName() {
        return "extend";
    }

    @Override
    protected boolean keepsEveryPixelsAlpha() {
        return false;
    }

    @Test
    void keepsTheImageExactlyInsideBordersOfTheColour() {
        // two borders per number: tens and units
        theory().forAll(Images.any(), integers().between(0, 99), integers().between(0, 99))
                .checkAssert((sample, topRight, bottomLeft) -> {
                    int top = topRight / 10;
                    int right = topRight % 10;
                    int bottom = bottomLeft / 10;
                    int left = bottomLeft % 10;
                    BufferedImage out = BuiltIns.apply("extend(top=" + top + ", right=" + right + ", bottom=" + bottom + ", left=" + left
                            + ", background=#12345680)", sample.image());
                    int w = out.getWidth();
                    assertEquals(sample.width() + left + right, w);
                    assertEquals(sample.height() + top + bottom, out.getHeight());
                    boolean alpha = out.getColorModel().hasAlpha();
                    int[] in = Pixels.argb(sample.image());
                    int[] px = Pixels.argb(out);
                    for (int i = 0; i < px.length; i++) {
                        int x = i % w - left;
                        int y = i / w - top;
                        if (x >= 0 && y >= 0 && x < sample.width() && y < sample.height()) {
                            int expected = in[y * sample.width() + x];
                            assertEquals(alpha ? expected : expected | 0xff000000, px[i], "image pixel " + x + "," + y);
                        } else {
                            assertEquals(alpha ? 0x80123456 : 0xff123456, px[i], "border at " + i);
                        }
                    }
                });
    }
}
