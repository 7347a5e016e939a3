package dev.pixelstep.local.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

class MetadataTextTest {

    @Test
    void printableAsciiStaysAsItIsAndTheRestBecomesOneEncodedWord() {
        assertEquals("grayscale, blur(radius=4)", MetadataText.encode("grayscale, blur(radius=4)"));
        assertEquals("=?UTF-8?B?w4l0w6kg4piALmpwZw==?=", MetadataText.encode("Été ☀.jpg"));
        assertEquals("Été ☀.jpg", MetadataText.decode("=?UTF-8?B?w4l0w6kg4piALmpwZw==?="));
        assertEquals("=?not encoded", MetadataText.decode("=?not encoded"));
    }

    @Test
    void everyTextSurvivesAsAnAsciiHeaderValue() {
        qt().forAll(strings().allPossible().ofLengthBetween(0, 60)).assuming(MetadataTextTest::wellFormed).check(text -> {
            String header = MetadataText.encode(text);
            return header.chars().allMatch(c -> c >= 0x20 && c < 0x7f) && MetadataText.decode(header).equals(text);
        });
    }

    @Test
    void valuesThatLookEncodedOrThatHttpWouldTrimAreEncodedToo() {
        for (String tricky : java.util.List.of("=?UTF-8?B?AAAA?=", " =?UTF-8?B?AAAA?=", " padded ", "a=?b")) {
            assertTrue(MetadataText.encode(tricky).startsWith("=?UTF-8?B?"), tricky);
            assertEquals(tricky, MetadataText.decode(MetadataText.encode(tricky)));
        }
    }

    private static boolean wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
