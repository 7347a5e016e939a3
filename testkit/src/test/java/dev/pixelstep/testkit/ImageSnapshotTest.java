package dev.pixelstep.testkit;

import dev.pixelstep.testkit.gen.Images;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

/** A snapshot sees any change to any sample of any image type. */
class ImageSnapshotTest {

    @Test
    void anUntouchedImageHasAnEqualSnapshot() {
        qt().withExamples(100).forAll(Images.any()).checkAssert(sample -> {
            BufferedImage image = sample.image();
            assertEquals("", ImageSnapshot.of(image).difference(ImageSnapshot.of(image)));
        });
    }

    @Test
    void changingOneSampleOfTheLastPixelIsSeen() {
        qt().withExamples(100).forAll(Images.any()).checkAssert(sample -> {
            BufferedImage image = sample.image();
            ImageSnapshot before = ImageSnapshot.of(image);
            int x = image.getWidth() - 1;
            int y = image.getHeight() - 1;
            int band = image.getRaster().getNumBands() - 1;
            int value = image.getRaster().getSample(x, y, band);
            image.getRaster().setSample(x, y, band, value == 0 ? 1 : value - 1);
            assertTrue(before.difference(ImageSnapshot.of(image)).startsWith("raster sample"), sample.toString());
        });
    }
}
