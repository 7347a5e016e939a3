package dev.pixelstep.operations.composition;

import dev.pixelstep.operations.BuiltIns;
import dev.pixelstep.testkit.ImageOperationContract;
import dev.pixelstep.testkit.Pixels;
import dev.pixelstep.testkit.gen.ImageContent;
import dev.pixelstep.testkit.gen.ImageType;
import dev.pixelstep.testkit.gen.Images;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.integers;

class ShadowTest extends ImageOperationContract {

    @Override
    protected String operationName() {
        return "shadow";
    }

    @Override
    protected int examples() {
        return 20;
    }

    @Override
    protected boolean keepsEveryPixelsAlpha() {
        return false; // the canvas grows
    }

    /** An opaque source sits unchanged in the middle of the grown canvas; the shadow is darker on the side it falls to. */
    @Test
    void keepsAnOpaqueSourceInTheMiddleAndCastsTheShadowTowardsTheOffset() {
        theory().forAll(Images.of(4, 30, List.of(ImageContent.values()), ImageType.RGB, ImageType.BGR), integers().between(1, 10))
                .checkAssert((sample, offset) -> {
                    BufferedImage source = sample.image();
                    BufferedImage out = BuiltIns.apply("shadow(blur=2, x=" + offset + ", y=" + offset + ", colour=#000000)", source);
                    int pad = 6 + offset;
                    assertEquals(source.getWidth() + 2 * pad, out.getWidth());
                    int[] in = Pixels.argb(source);
                    int[] px = Pixels.argb(out);
                    int w = source.getWidth();
                    int ow = out.getWidth();
                    for (int y = 0; y < source.getHeight(); y++) {
                        for (int x = 0; x < w; x++) {
                            assertEquals(in[y * w + x], px[(y + pad) * ow + x + pad], "source pixel " + x + "," + y);
                        }
                    }
                    int below = Pixels.alpha(px[(pad + source.getHeight() + offset / 2) * ow + pad + w / 2 + offset]);
                    int above = Pixels.alpha(px[(pad - 1 - offset / 2) * ow + pad + w / 2]);
                    assertTrue(below > above, "the shadow falls below: alpha " + below + " against " + above);
                    assertEquals(0, Pixels.alpha(px[0]), "the far corner stays clear");
                });
    }
}
