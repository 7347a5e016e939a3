package dev.pixelstep.functions.internal.image;

import dev.pixelstep.functions.support.FormatFixtures;
import dev.pixelstep.functions.support.FormatFixtures.Fixture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every row of the functions' README format table ({@link FormatFixtures}): each fixture decodes to
 * the sRGB pixels a reference decoder gives, upright, through {@link ImageDecoder#decode} and
 * through {@link ImageDecoder#decodeAsRead} (the histogram's path). The layer contract test runs
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
        FormatFixtures.assertMatches(fixture.file() + " (as read)", expected,
                decoder.decodeAsRead(fixture.file(), bytes).image(), fixture.tolerance());
    }
}
