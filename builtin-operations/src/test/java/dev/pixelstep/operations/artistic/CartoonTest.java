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

class CartoonTest extends ImageOperationContract {

    @Override
    protected String operationName() {
        return "cartoon";
    }

    @Override
    protected int examples() {
        return 20;
    }

    @Test
    void aFlatImageTakesTheNearestLevelAndHasNoOutline() {
        theory().forAll(Images.flat(30), integers().between(2, 32)).checkAssert((sample, levels) -> {
            int[] in = Pixels.argb(sample.image());
            int[] out = Pixels.argb(BuiltIns.apply("cartoon(levels=" + levels + ")", sample.image()));
            for (int i = 0; i < in.length; i++) {
                for (int shift = 0; shift <= 16; shift += 8) {
                    int v = (in[i] >> shift) & 0xff;
                    int expected = Math.round(Math.round(v * (levels - 1) / 255.0) * 255f / (levels - 1));
                    assertEquals(expected, (out[i] >> shift) & 0xff, "channel at " + shift + " of pixel " + i);
                }
            }
        });
    }

    @Test
    void outlinesAHardEdgeInBlack() {
        int w = 40;
        int[] px = new int[w * w];
        for (int i = 0; i < px.length; i++) {
            px[i] = i % w < w / 2 ? 0x000080 : 0xffff00;
        }
        int[] out = Pixels.argb(BuiltIns.apply("cartoon", Pixels.image(w, w, false, px)));
        int darkest = Arrays.stream(out, 20 * w + w / 2 - 2, 20 * w + w / 2 + 2).map(p -> p & 0xffffff).min().orElseThrow();
        assertEquals(0, darkest, "black on the edge");
        assertEquals(0xffff00, out[20 * w + w - 3] & 0xffffff, "flat colour away from it");
    }
}
