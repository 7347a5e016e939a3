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

class OilPaintTest extends ImageOperationContract {

    @Override
    protected String operationName() {
        return "oil-paint";
    }

    @Test
    void keepsAFlatImage() {
        theory().forAll(Images.flat(30), integers().between(1, 15)).checkAssert((sample, radius) -> assertArrayEquals(
                Arrays.stream(Pixels.argb(sample.image())).toArray(),
                Pixels.argb(BuiltIns.apply("oil-paint(radius=" + radius + ")", sample.image()))));
    }

    /** Every output colour is the mean of the window pixels of one intensity bin, so a two-colour image keeps its two colours. */
    @Test
    void paintsWithTheColoursOfTheWindow() {
        theory().forAll(Images.upTo(30), integers().between(1, 4)).checkAssert((sample, radius) -> {
            BufferedImage image = sample.image();
            int[] in = Pixels.argb(image);
            int[] out = Pixels.argb(BuiltIns.apply("oil-paint(radius=" + radius + ", levels=2)", image));
            int w = image.getWidth();
            int h = image.getHeight();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int min = 255;
                    int max = 0;
                    for (int dy = -radius; dy <= radius; dy++) {
                        for (int dx = -radius; dx <= radius; dx++) {
                            int p = in[Math.min(h - 1, Math.max(0, y + dy)) * w + Math.min(w - 1, Math.max(0, x + dx))];
                            min = Math.min(min, Pixels.red(p));
                            max = Math.max(max, Pixels.red(p));
                        }
                    }
                    int red = Pixels.red(out[y * w + x]);
                    assertTrue(red >= min && red <= max, "red of pixel " + x + "," + y + " within its window");
                }
            }
        });
    }
}
