package dev.pixelstep.testkit.gen;

import dev.pixelstep.spi.ImageSize;
import dev.pixelstep.testkit.Pixels;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.awt.image.BufferedImage;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

/** The image generators produce what they say. */
class ImagesTest {

    @Test
    void imagesHaveTheirDescribedTypeAndSizeWithinBounds() {
        qt().withExamples(300).forAll(Images.any()).checkAssert(sample -> {
            BufferedImage image = sample.image();
            assertEquals(sample.type().awtType(), image.getType());
            assertEquals(sample.width(), image.getWidth());
            assertEquals(sample.height(), image.getHeight());
            assertTrue(image.getWidth() <= Images.DEFAULT_MAX_SIDE && image.getHeight() <= Images.DEFAULT_MAX_SIDE);
            assertEquals(sample.type().hasAlpha(), image.getColorModel().hasAlpha());
        });
    }

    @Test
    void imagesWithAlphaAreReallyTransparentSomewhere() {
        qt().withExamples(300).forAll(Images.withAlpha()).checkAssert(sample -> {
            int[] argb = Pixels.argb(sample.image());
            assertTrue(java.util.Arrays.stream(argb).anyMatch(p -> Pixels.alpha(p) < 255), sample + " has no transparency");
        });
    }

    @Test
    void anImageIsRebuiltFromItsDescription() {
        qt().withExamples(100).forAll(Images.any()).checkAssert(sample -> {
            SampleImage again = new SampleImage(sample.type(), sample.content(), sample.width(), sample.height(), sample.seed());
            assertEquals(sample, again);
            assertArrayEquals(Pixels.argb(sample.image()), Pixels.argb(again.image()));
        });
    }

    @Test
    void descriptionsNameTypeSizeContentAndSeed() {
        SampleImage sample = new SampleImage(ImageType.ARGB, ImageContent.NOISE, 7, 1, 42);
        assertEquals("ARGB 7x1 noise seed=42", sample.toString());
    }

    @Test
    void everyTypeContentAndThinShapeIsDrawn() {
        Set<ImageType> types = EnumSet.noneOf(ImageType.class);
        Set<ImageContent> contents = EnumSet.noneOf(ImageContent.class);
        Set<String> shapes = new HashSet<>();
        Set<Integer> maxima = new HashSet<>();
        qt().withExamples(1000).forAll(Images.any()).checkAssert(sample -> {
            types.add(sample.type());
            contents.add(sample.content());
            if (sample.width() == 1 && sample.height() == 1) {
                shapes.add("1x1");
            } else if (sample.width() == 1) {
                shapes.add("1xN");
            } else if (sample.height() == 1) {
                shapes.add("Nx1");
            } else {
                shapes.add("NxM");
            }
            maxima.add(Math.max(sample.width(), sample.height()));
        });
        assertEquals(EnumSet.allOf(ImageType.class), types);
        assertEquals(EnumSet.allOf(ImageContent.class), contents);
        assertEquals(Set.of("1x1", "1xN", "Nx1", "NxM"), shapes);
        assertTrue(maxima.contains(Images.DEFAULT_MAX_SIDE) || maxima.stream().anyMatch(m -> m > Images.DEFAULT_MAX_SIDE / 2),
                "large images are drawn too: " + maxima);
    }

    @Test
    void flatImagesAreFlatAndNoiseIsNot() {
        Gen<SampleImage> rgb = Images.of(32, ImageType.RGB);
        qt().withExamples(200).forAll(rgb).checkAssert(sample -> {
            int[] argb = Pixels.argb(sample.image());
            long distinct = java.util.Arrays.stream(argb).distinct().count();
            if (sample.content() == ImageContent.FLAT) {
                assertEquals(1, distinct, sample.toString());
            }
            if (sample.content() == ImageContent.NOISE && argb.length >= 16) {
                assertTrue(distinct > argb.length / 2, sample + " looks too regular for noise");
            }
        });
    }

    @Test
    void sizesStayWithinTheBound() {
        qt().withExamples(500).forAll(Images.sizes(5)).checkAssert((ImageSize size) ->
                assertTrue(size.width() <= 5 && size.height() <= 5, size.toString()));
    }

    @Test
    void boundedImagesKeepTheirBoundsContentsAndTypes() {
        Gen<SampleImage> gen = Images.of(8, 20, java.util.List.of(ImageContent.NOISE), ImageType.GRAY, ImageType.ABGR);
        qt().withExamples(200).forAll(gen).checkAssert(sample -> {
            assertTrue(sample.width() >= 8 && sample.width() <= 20 && sample.height() >= 8 && sample.height() <= 20);
            assertEquals(ImageContent.NOISE, sample.content());
            assertTrue(sample.type() == ImageType.GRAY || sample.type() == ImageType.ABGR);
        });
        qt().withExamples(100).forAll(Images.flat(10)).checkAssert(sample -> assertEquals(ImageContent.FLAT, sample.content()));
    }
}
