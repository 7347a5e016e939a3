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

class PencilSketchTest extends ImageOperationContract {

    @Override
    protected String operationName() {
        return "pencil-sketch";
    }

    @Override
    protected int examples() {
        return 20;
    }

    @Test
    void isGreyAndTurnsFlatAreasWhite() {
        theory().forAll(Images.flat(30)).checkAssert(sample -> {
            int[] out = Pixels.argb(BuiltIns.apply("pencil-sketch", sample.image()));
            assertTrue(Arrays.stream(out).allMatch(p -> (p & 0xffffff) == 0xffffff), "a flat image is a blank page");
        });
        theory().forAll(Images.any()).checkAssert(sample -> assertTrue(Arrays.stream(Pixels.argb(BuiltIns.apply("pencil-sketch", sample.image())))
                .allMatch(p -> Pixels.red(p) == Pixels.green(p) && Pixels.green(p) == Pixels.blue(p)), "grey"));
    }

    @Test
    void drawsADarkStrokeAlongAnEdge() {
        int w = 40;
        int[] px = new int[w * w];
        for (int i = 0; i < px.length; i++) {
            px[i] = i % w < w / 2 ? 0x202020 : 0xe0e0e0;
        }
        int[] out = Pixels.argb(BuiltIns.apply("pencil-sketch(radius=3)", Pixels.image(w, w, false, px)));
        assertTrue(Pixels.red(out[20 * w + w / 2 - 1]) < 128, "the dark side of the edge is a stroke: " + Pixels.red(out[20 * w + w / 2 - 1]));
        assertEquals(255, Pixels.red(out[20 * w + 2]), "far from the edge the page is white");
    }
}
