package dev.pixelstep.operations.composition;

import dev.pixelstep.operations.BuiltIns;
import dev.pixelstep.testkit.ImageOperationContract;
import dev.pixelstep.testkit.Pixels;
import dev.pixelstep.testkit.gen.Images;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.generators.SourceDSL.integers;

class BorderTest extends ImageOperationContract {

    @Override
    protected String operationName() {
        return "border";
    }

    @Override
    protected boolean keepsEveryPixelsAlpha() {
        return false; // the image grows
    }

    /** The image grows by 2 x width, the frame has the colour and the middle is the source unchanged. */
    @Test
    void growsByTwiceTheWidthWithTheColourOnTheEdgeAndTheSourceInside() {
        theory().forAll(Images.any(), integers().between(0, 12), integers().all()).checkAssert((sample, width, rgb) -> {
            BufferedImage source = sample.image();
            String colour = String.format("#%06x", rgb & 0xffffff);
            BufferedImage out = BuiltIns.apply("border(width=" + width + ", colour=" + colour + ")", source);
            assertEquals(source.getWidth() + 2 * width, out.getWidth());
            assertEquals(source.getHeight() + 2 * width, out.getHeight());
            int[] in = Pixels.argb(source);
            int[] px = Pixels.argb(out);
            int ow = out.getWidth();
            for (int y = 0; y < out.getHeight(); y++) {
                for (int x = 0; x < ow; x++) {
                    boolean inside = x >= width && y >= width && x < width + source.getWidth() && y < width + source.getHeight();
                    int expected = inside ? in[(y - width) * source.getWidth() + x - width] : 0xff000000 | rgb;
                    assertEquals(Integer.toHexString(expected), Integer.toHexString(px[y * ow + x]), "pixel " + x + "," + y);
                }
            }
        });
    }

    @Test
    void aTranslucentColourIsCompositedOntoWhiteOnAnOpaqueImageAndKeptWithAlpha() {
        BufferedImage opaque = Pixels.image(1, 1, false, 0x123456);
        assertEquals(0xffff7f7f, Pixels.argb(BuiltIns.apply("border(width=1, colour=#ff000080)", opaque))[0]);
        BufferedImage alpha = Pixels.image(1, 1, true, 0x80123456);
        assertEquals(0x80ff0000, Pixels.argb(BuiltIns.apply("border(width=1, colour=#ff000080)", alpha))[0]);
    }
}
