package dev.pixelstep.operations.effect;

import dev.pixelstep.operations.BuiltIns;
import dev.pixelstep.operations.reference.JhlabsFilters;
import dev.pixelstep.testkit.ImageOperationContract;
import dev.pixelstep.testkit.Pixels;
import dev.pixelstep.testkit.gen.Images;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * edge-detect, a kernel of our own since issue 13, gives exactly the pixels of the JHLabs
 * {@code EdgeFilter} it replaced ({@link JhlabsFilters}), for every image type, shape and alpha, in
 * one band and in parallel bands.
 */
class EdgeDetectTest extends ImageOperationContract {

    @Override
    protected String operationName() {
        return "edge-detect";
    }

    @Test
    void aFlatImageHasNoEdges() {
        theory().forAll(Images.flat(48)).checkAssert(sample -> {
            for (int p : Pixels.argb(BuiltIns.apply("edge-detect", sample.image()))) {
                assertEquals(0, p & 0xffffff);
            }
        });
    }

    @Test
    void aStepLightsUpAtTheStepOnly() {
        int[] pixels = new int[8 * 8];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = i % 8 < 4 ? 0x000000 : 0xffffff;
        }
        int[] out = Pixels.argb(BuiltIns.apply("edge-detect", Pixels.image(8, 8, false, pixels)));
        assertTrue(Pixels.green(out[3 * 8 + 4]) > 128, "the step is bright");
        assertEquals(0, out[3 * 8] & 0xffffff, "far from the step is black");
    }

    @Test
    void givesExactlyThePixelsOfTheJhlabsFilterItReplaced() {
        theory().withExamples(300).forAll(Images.any()).checkAssert(sample -> {
            BufferedImage image = sample.image();
            BufferedImage expected = JhlabsFilters.edgeDetect(image);
            BufferedImage actual = BuiltIns.apply("edge-detect", image);
            assertEquals(expected.getType(), actual.getType(), "image type");
            assertArrayEquals(Pixels.argb(expected), Pixels.argb(actual), "on " + sample);
        });
    }

    @Test
    void aLargeImageInParallelBandsGivesTheJhlabsFiltersPixels() {
        BufferedImage image = EmbossTest.noise(701, 301);
        assertArrayEquals(Pixels.argb(JhlabsFilters.edgeDetect(image)), Pixels.argb(BuiltIns.apply("edge-detect", image)));
    }
}
