package dev.pixelstep.operations.artistic;

import dev.pixelstep.operations.BuiltIns;
import dev.pixelstep.testkit.ImageOperationContract;
import dev.pixelstep.testkit.Pixels;
import dev.pixelstep.testkit.gen.Images;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

class LensBlurTest extends ImageOperationContract {

    @Override
    protected String operationName() {
        return "lens-blur";
    }

    @Override
    protected boolean keepsEveryPixelsAlpha() {
        return false; // alpha is blurred too
    }

    /** Against the definition: the rounded mean over the pixels within the disc, edges clamped. */
    @Test
    void isTheMeanOverTheDisc() {
        theory().forAll(Images.upTo(24), integers().between(1, 9)).checkAssert((sample, radius) -> {
            BufferedImage image = sample.image();
            int[] in = Pixels.argb(image);
            int[] out = Pixels.argb(BuiltIns.apply("lens-blur(radius=" + radius + ")", image));
            int w = image.getWidth();
            int h = image.getHeight();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    long r = 0;
                    long n = 0;
                    for (int dy = -radius; dy <= radius; dy++) {
                        for (int dx = -radius; dx <= radius; dx++) {
                            if (dx * dx + dy * dy <= radius * radius) {
                                r += Pixels.red(in[Math.min(h - 1, Math.max(0, y + dy)) * w + Math.min(w - 1, Math.max(0, x + dx))]);
                                n++;
                            }
                        }
                    }
                    assertEquals((r + n / 2) / n, Pixels.red(out[y * w + x]), "red of pixel " + x + "," + y);
                }
            }
        });
    }
}
