package dev.pixelstep.operations.tone;

import dev.pixelstep.operations.BuiltIns;
import dev.pixelstep.testkit.ImageOperationContract;
import dev.pixelstep.testkit.Pixels;
import dev.pixelstep.testkit.gen.Images;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.integers;

class EqualizeTest extends ImageOperationContract {

    @Override
    protected String operationName() {
        return "equalize";
    }

    @Test
    void keepsTheOrderOfValuesAndMakesTheLargestWhite() {
        theory().forAll(Images.any()).checkAssert(sample -> {
            int[] in = Pixels.argb(sample.image());
            int[] out = Pixels.argb(BuiltIns.apply("equalize", sample.image()));
            int[] map = new int[256];
            java.util.Arrays.fill(map, -1);
            for (int i = 0; i < in.length; i++) {
                for (int shift = 0; shift <= 16; shift += 8) {
                    int v = (in[i] >> shift) & 0xff;
                    int o = (out[i] >> shift) & 0xff;
                    assertTrue(map[v] < 0 || map[v] == o, "one value, one output");
                    map[v] = o;
                }
            }
            int last = -1;
            int top = -1;
            for (int v = 0; v < 256; v++) {
                if (map[v] >= 0) {
                    assertTrue(map[v] >= last, "order kept at " + v);
                    last = map[v];
                    top = v;
                }
            }
            int[] range = NormalizeTest.range(in);
            if (range[0] != range[1]) {
                assertEquals(255, map[top], "the largest value becomes white");
                assertEquals(0, map[range[0]], "the smallest becomes black");
            } else {
                assertArrayEquals(in, out, "a flat image is kept");
            }
        });
    }

    @Test
    void spreadsANarrowRampOverTheWholeRangeEvenly() {
        theory().forAll(integers().between(0, 200)).checkAssert(start -> {
            // 50 equally common values start .. start + 49 become 0, 5.2, ..., 255 (step 255 / 49)
            int[] px = new int[50 * 4];
            for (int i = 0; i < px.length; i++) {
                int v = start + i % 50;
                px[i] = v << 16 | v << 8 | v;
            }
            int[] out = Pixels.argb(BuiltIns.apply("equalize", Pixels.image(50, 4, false, px)));
            for (int i = 0; i < 50; i++) {
                assertEquals(Math.round(255.0 * i / 49), Pixels.red(out[i]), "value " + (start + i));
            }
        });
    }
}
