package dev.pixelstep.functions.internal.s3;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

class MetadataValuesTest {

    @Test
    void plainValuesAreUnchanged() {
        assertEquals("grayscale, blur(radius=4)", MetadataValues.decode("grayscale, blur(radius=4)"));
        assertEquals("a=?b", MetadataValues.decode("a=?b"));
    }

    @Test
    void decodesBase64AndQuotedPrintableWords() {
        assertEquals("text(value=\"Grüße\")", MetadataValues.decode("=?UTF-8?B?" + base64("text(value=\"Grüße\")") + "?="));
        assertEquals("caption Grüße", MetadataValues.decode("=?UTF-8?Q?caption_Gr=C3=BC=C3=9Fe?="));
    }

    @Test
    void base64WordsRoundTrip() {
        qt().forAll(strings().betweenCodePoints(0x20, 0xD7FF).ofLengthBetween(0, 60))
                .assuming(s -> !s.contains("=?"))
                .checkAssert(s -> assertEquals(s, MetadataValues.decode("=?UTF-8?B?" + base64(s) + "?=")));
    }

    private static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
