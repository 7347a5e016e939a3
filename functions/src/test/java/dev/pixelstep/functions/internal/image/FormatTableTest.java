package dev.pixelstep.functions.internal.image;

import dev.pixelstep.functions.internal.analyser.HistogramCounter;
import dev.pixelstep.functions.internal.analyser.ImageHistogram;
import dev.pixelstep.functions.support.FormatFixtures;
import dev.pixelstep.functions.support.FormatFixtures.Fixture;
import dev.pixelstep.functions.support.Histograms;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every row of the functions' README format table ({@link FormatFixtures}): each fixture decodes to
 * the sRGB pixels a reference decoder gives, upright, through {@link ImageDecoder#decode} and
 * through {@link ImageDecoder#read} (the histogram's path: the same size and format, the same pixels
 * when it gives an image, and the same histogram when the rows were counted as decoded). The layer contract test runs
 * the same fixtures through the processor from the built zips.
 */
class FormatTableTest {

    private final ImageDecoder decoder = new ImageDecoder(ImageLimits.defaults());

    @ParameterizedTest(name = "{0}")
    @FieldSource("dev.pixelstep.functions.support.FormatFixtures#ALL")
    void decodesToTheReferenceDecodersSrgbPixels(Fixture fixture) {
        byte[] bytes = FormatFixtures.bytes(fixture.file());
        BufferedImage expected = FormatFixtures.expected(fixture.file());
        DecodedImage decoded = decoder.decode(fixture.file(), bytes);
        assertEquals(fixture.format(), decoded.format().id());
        FormatFixtures.assertMatches(fixture.file(), expected, decoded.image(), fixture.tolerance());
        HistogramCounter counter = new HistogramCounter();
        ReadImage read = decoder.read(fixture.file(), bytes, counter);
        assertEquals(decoded.format(), read.format());
        assertEquals(decoded.width(), read.width());
        assertEquals(decoded.height(), read.height());
        read.image().ifPresent(image -> FormatFixtures.assertMatches(fixture.file() + " (as read)", expected, image, fixture.tolerance()));
        Histograms.assertSame(ImageHistogram.of(decoded.image()), counter.histogram(read), fixture.file() + " (as read)");
    }
}
