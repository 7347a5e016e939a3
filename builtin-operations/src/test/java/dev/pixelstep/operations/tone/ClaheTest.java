package dev.pixelstep.operations.tone;

import dev.pixelstep.operations.BuiltIns;
import dev.pixelstep.operations.color.Grayscale;
import dev.pixelstep.testkit.ImageOperationContract;
import dev.pixelstep.testkit.Pixels;
import dev.pixelstep.testkit.gen.Images;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

class ClaheTest extends ImageOperationContract {

    @Override
    protected String operationName() {
        return "clahe";
    }

    @Test
    void oneRegionKeepsTheOrderOfLumaAndGreysStayGrey() {
        theory().forAll(Images.any(), doubles().between(1, 100)).checkAssert((sample, slope) -> {
            int[] in = Pixels.argb(sample.image());
            int[] out = Pixels.argb(BuiltIns.apply("clahe(tiles=1, max-slope=" + slope + ")", sample.image()));
            int[] map = new int[256];
            java.util.Arrays.fill(map, -1);
            for (int i = 0; i < in.length; i++) {
                int p = in[i];
                int q = out[i];
                int shift = Pixels.red(q) - Pixels.red(p);
                if (Pixels.red(p) == Pixels.green(p) && Pixels.green(p) == Pixels.blue(p)) {
                    assertTrue(Pixels.red(q) == Pixels.green(q) && Pixels.green(q) == Pixels.blue(q), "grey stays grey");
                }
                int y = Grayscale.luma(p);
                int newLuma = Pixels.red(q) == 0 || Pixels.red(q) == 255 ? -1 : y + shift;
                if (newLuma >= 0) {
                    assertTrue(map[y] < 0 || map[y] == newLuma, "one luma, one output");
                    map[y] = newLuma;
                }
            }
            int last = -1;
            for (int y = 0; y < 256; y++) {
                if (map[y] >= 0) {
                    assertTrue(map[y] >= last, "luma order kept at " + y);
                    last = map[y];
                }
            }
        });
    }

    @Test
    void spreadsALowContrastImageAndMoreSlopeSpreadsMore() {
        theory().forAll(integers().between(1, 1000)).checkAssert(seed -> {
            Random random = new Random(seed);
            int[] px = new int[64 * 64];
            for (int i = 0; i < px.length; i++) {
                int v = 110 + random.nextInt(21);
                px[i] = v << 16 | v << 8 | v;
            }
            int low = spread(Pixels.argb(BuiltIns.apply("clahe(tiles=2, max-slope=1.5)", Pixels.image(64, 64, false, px))));
            int high = spread(Pixels.argb(BuiltIns.apply("clahe(tiles=2, max-slope=20)", Pixels.image(64, 64, false, px))));
            assertTrue(low >= 20, "wider than the input's 20 levels: " + low);
            assertTrue(high > low, high + " > " + low);
        });
    }

    @Test
    void aClipOfOneGivesAFlatHistogramItsIdentity() {
        int[] counts = new int[256];
        java.util.Arrays.fill(counts, 10);
        int[] map = Clahe.mapping(counts, 2560, 1);
        for (int v = 0; v < 256; v++) {
            assertEquals(Math.round(255.0 * (v + 1) / 256), map[v]);
        }
    }

    private static int spread(int[] pixels) {
        int[] range = NormalizeTest.range(pixels);
        return range[1] - range[0];
    }
}
