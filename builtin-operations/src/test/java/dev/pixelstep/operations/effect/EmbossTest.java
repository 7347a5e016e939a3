package dev.pixelstep.operations.effect;

import dev.pixelstep.operations.BuiltIns;
import dev.pixelstep.operations.reference.JhlabsFilters;
import dev.pixelstep.testkit.ImageOperationContract;
import dev.pixelstep.testkit.Pixels;
import dev.pixelstep.testkit.gen.Images;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.doubles;

/**
 * emboss, a kernel of our own since issue 13, gives exactly the pixels of the JHLabs
 * {@code EmbossFilter} it replaced ({@link JhlabsFilters}), for every image type, shape, alpha and
 * parameter, in one band and in parallel bands.
 */
class EmbossTest extends ImageOperationContract {

    @Override
    protected String operationName() {
        return "emboss";
    }

    @Test
    void aFlatImageGivesAnEvenGrayRelief() {
        theory().forAll(Images.flat(48)).checkAssert(sample -> {
            int[] out = Pixels.argb(BuiltIns.apply("emboss", sample.image()));
            assertEquals(1, Arrays.stream(out).map(p -> p & 0xffffff).distinct().count(), "one shade");
            assertEquals(Pixels.red(out[0]), Pixels.blue(out[0]), "gray");
        });
    }

    @Test
    void givesExactlyThePixelsOfTheJhlabsFilterItReplaced() {
        theory().withExamples(300).forAll(Images.any(), doubles().between(0, 360), doubles().between(0, 90),
                doubles().between(0.1, 10).zip(booleans().all(), Relief::new)).checkAssert((sample, azimuth, elevation, relief) -> {
            double depth = relief.depth();
            boolean color = relief.color();
            String chain = String.format(Locale.ROOT, "emboss(azimuth=%.4f, elevation=%.4f, depth=%.4f, color=%s)", azimuth, elevation, depth, color);
            BufferedImage image = sample.image();
            BufferedImage expected = JhlabsFilters.emboss(image, four(azimuth), four(elevation), four(depth), color);
            BufferedImage actual = BuiltIns.apply(chain, image);
            assertEquals(expected.getType(), actual.getType(), "image type");
            assertArrayEquals(Pixels.argb(expected), Pixels.argb(actual), chain + " on " + sample);
        });
    }

    @Test
    void aLargeImageInParallelBandsGivesTheJhlabsFiltersPixels() {
        BufferedImage image = noise(701, 301);
        for (String chain : new String[] {"emboss", "emboss(azimuth=300, elevation=5, depth=7.5, color=true)", "emboss(elevation=90, depth=0.1)"}) {
            BufferedImage expected = chain.equals("emboss") ? JhlabsFilters.emboss(image, 135, 30, 1, false)
                    : chain.contains("300") ? JhlabsFilters.emboss(image, 300, 5, 7.5, true) : JhlabsFilters.emboss(image, 135, 90, 0.1, false);
            assertArrayEquals(Pixels.argb(expected), Pixels.argb(BuiltIns.apply(chain, image)), chain);
        }
    }

    /** Random ARGB pixels, smoothed a little so that the relief has every slope, not only the steepest. */
    static BufferedImage noise(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Random random = new Random(13);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int base = (x * 7 + y * 3) & 0xff;
                int jitter = random.nextInt(32);
                image.setRGB(x, y, random.nextInt() & 0xff000000 | (base + jitter & 0xff) << 16 | (base ^ jitter) << 8 | random.nextInt(256));
            }
        }
        return image;
    }

    private record Relief(double depth, boolean color) {
    }

    /** The value the chain text with four decimals gives. */
    private static double four(double value) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.4f", value));
    }
}
