package dev.pixelstep.operations;

import dev.pixelstep.operations.reference.ReferencePointOperations;
import dev.pixelstep.testkit.Pixels;
import dev.pixelstep.testkit.gen.Images;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.Locale;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

/**
 * The point operations compute every output pixel straight from the source into the new image
 * (no copy first); their documented tolerance against the previous copy-then-transform
 * arithmetic ({@link ReferencePointOperations}) is zero: the same pixels for every image type,
 * alpha and parameter.
 */
class PointOperationsAgainstReferenceTest {

    @Test
    void everyPointOperationGivesExactlyThePreviousPixels() {
        check("grayscale", t -> "grayscale", (image, t) -> ReferencePointOperations.grayscale(image));
        check("invert", t -> "invert", (image, t) -> ReferencePointOperations.invert(image));
        check("threshold", t -> "threshold(level=" + (int) (t * 256) + ")", (image, t) -> ReferencePointOperations.threshold(image, (int) (t * 256)));
        check("brightness", t -> "brightness(amount=" + d(2 * t - 1) + ")", (image, t) -> ReferencePointOperations.brightness(image, v(2 * t - 1)));
        check("contrast", t -> "contrast(factor=" + d(10 * t) + ")", (image, t) -> ReferencePointOperations.contrast(image, v(10 * t)));
        check("posterize", t -> "posterize(levels=" + (2 + (int) (t * 62)) + ")", (image, t) -> ReferencePointOperations.posterize(image, 2 + (int) (t * 62)));
        check("solarize", t -> "solarize(threshold=" + (int) (t * 256) + ")", (image, t) -> ReferencePointOperations.solarize(image, (int) (t * 256)));
        check("sepia", t -> "sepia(intensity=" + d(t) + ")", (image, t) -> ReferencePointOperations.sepia(image, v(t)));
        check("saturation", t -> "saturation(factor=" + d(10 * t) + ")", (image, t) -> ReferencePointOperations.saturation(image, v(10 * t)));
        check("hue-rotate", t -> "hue-rotate(degrees=" + d(720 * t - 360) + ")", (image, t) -> ReferencePointOperations.hueRotate(image, v(720 * t - 360)));
        check("vignette", t -> "vignette(strength=" + d(t) + ", start=" + d(1 - t) + ")",
                (image, t) -> ReferencePointOperations.vignette(image, v(t), v(1 - t)));
    }

    @Test
    void aLargeImageInParallelBandsGivesThePreviousPixels() {
        BufferedImage image = new BufferedImage(700, 300, BufferedImage.TYPE_INT_ARGB);
        java.util.Random random = new java.util.Random(1);
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 700; x++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        assertArrayEquals(Pixels.argb(ReferencePointOperations.sepia(image, 1)), Pixels.argb(BuiltIns.apply("sepia", image)));
        assertArrayEquals(Pixels.argb(ReferencePointOperations.grayscale(image)), Pixels.argb(BuiltIns.apply("grayscale", image)));
        assertArrayEquals(Pixels.argb(ReferencePointOperations.solarize(image, 100)), Pixels.argb(BuiltIns.apply("solarize(threshold=100)", image)));
    }

    private static void check(String name, java.util.function.DoubleFunction<String> chain, BiFunction<BufferedImage, Double, BufferedImage> reference) {
        qt().withExamples(40).forAll(Images.any(), doubles().between(0, 1)).checkAssert((sample, t) -> {
            BufferedImage image = sample.image();
            BufferedImage expected = reference.apply(image, t);
            BufferedImage actual = BuiltIns.apply(chain.apply(t), image);
            assertEquals(expected.getType(), actual.getType(), name + " image type");
            assertArrayEquals(Pixels.argb(expected), Pixels.argb(actual), name + " on " + sample + " with " + chain.apply(t));
        });
    }

    /** The value as chain text (4 decimals, so that the parsed value is {@link #v} of it). */
    private static String d(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    private static double v(double value) {
        return Double.parseDouble(d(value));
    }
}
