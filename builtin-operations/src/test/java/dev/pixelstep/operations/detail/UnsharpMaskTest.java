package dev.pixelstep.operations.detail;

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
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

class UnsharpMaskTest extends ImageOperationContract {

    @Override
    protected String operationName() {
        return "unsharp-mask";
    }

    @Override
    protected int examples() {
        return 20; // every application blurs
    }

    @Test
    void withoutThresholdItIsSharpen() {
        theory().forAll(Images.any(), doubles().between(0.5, 6), doubles().between(0, 5)).checkAssert((sample, radius, amount) -> {
            BufferedImage image = sample.image();
            assertArrayEquals(Pixels.argb(BuiltIns.apply("sharpen(radius=" + radius + ", amount=" + amount + ")", image)),
                    Pixels.argb(BuiltIns.apply("unsharp-mask(radius=" + radius + ", amount=" + amount + ", threshold=0)", image)));
        });
    }

    /** Where no channel differs from the blurred image by more than the threshold, the pixel is unchanged; elsewhere a channel moves away from the blur. */
    @Test
    void changesOnlyWhatDiffersByMoreThanTheThreshold() {
        theory().forAll(Images.of(48, ImageType.RGB, ImageType.BGR), integers().between(0, 60)).checkAssert((sample, threshold) -> {
            BufferedImage image = sample.image();
            int[] in = Pixels.argb(image);
            int[] blurred = Pixels.argb(BuiltIns.apply("blur(radius=2)", image));
            int[] out = Pixels.argb(BuiltIns.apply("unsharp-mask(radius=2, amount=1, threshold=" + threshold + ")", image));
            for (int i = 0; i < in.length; i++) {
                for (int shift = 0; shift <= 16; shift += 8) {
                    int c = (in[i] >> shift) & 0xff;
                    int b = (blurred[i] >> shift) & 0xff;
                    int o = (out[i] >> shift) & 0xff;
                    if (Math.abs(c - b) <= threshold) {
                        assertEquals(c, o, "channel at pixel " + i + " within the threshold");
                    } else {
                        assertTrue(c > b ? o >= c : o <= c, "channel at pixel " + i + " moves away from the blur");
                    }
                }
            }
        });
    }

    @Test
    void theLargestThresholdKeepsTheImage() {
        theory().forAll(Images.any()).checkAssert(sample ->
                assertArrayEquals(Pixels.argb(sample.image()), Pixels.argb(BuiltIns.apply("unsharp-mask(threshold=255)", sample.image()))));
    }
}
