package dev.pixelstep.s3;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

class UserMetadataTest {

    @Test
    void printableAsciiStaysAsItIsAndTheRestBecomesOneEncodedWord() {
        assertEquals("grayscale, blur(radius=4)", UserMetadata.encode("grayscale, blur(radius=4)"));
        assertEquals("=?UTF-8?B?w4l0w6kg4piALmpwZw==?=", UserMetadata.encode("Été ☀.jpg"));
    }

    @Test
    void plainValuesAndWhatOnlyLooksEncodedAreReadAsTheyAre() {
        assertEquals("grayscale, blur(radius=4)", UserMetadata.decode("grayscale, blur(radius=4)"));
        assertEquals("a=?b", UserMetadata.decode("a=?b"));
        assertEquals("=?not encoded", UserMetadata.decode("=?not encoded"));
        assertEquals("=?no-such-charset?B?AAAA?=", UserMetadata.decode("=?no-such-charset?B?AAAA?="));
        assertEquals("=?UTF-8?Q?truncated=C?=", UserMetadata.decode("=?UTF-8?Q?truncated=C?="));
    }

    @Test
    void decodesBase64AndQuotedPrintableWordsInAnyCharsetAndAcrossSeveralWords() {
        // The regression: the page's decoder read one base64 word only, the functions' read both forms,
        // so a chain written Q-encoded by another client showed as gibberish on the page.
        assertEquals("text(value=\"Grüße\")", UserMetadata.decode("=?UTF-8?B?" + base64("text(value=\"Grüße\")") + "?="));
        assertEquals("caption Grüße", UserMetadata.decode("=?UTF-8?Q?caption_Gr=C3=BC=C3=9Fe?="));
        assertEquals("Grüße", UserMetadata.decode("=?ISO-8859-1?Q?Gr=FC=DFe?="));
        assertEquals("Été ☀.jpg", UserMetadata.decode("=?UTF-8?B?w4l0w6kg?= =?UTF-8?B?4piALmpwZw==?="));
        assertEquals("photo: Été", UserMetadata.decode("photo: =?UTF-8?B?w4l0w6k=?="));
    }

    @Test
    void everyTextSurvivesAsAnAsciiHeaderValue() {
        qt().forAll(strings().allPossible().ofLengthBetween(0, 60)).assuming(UserMetadataTest::wellFormed).check(text -> {
            String header = UserMetadata.encode(text);
            return header.chars().allMatch(c -> c >= 0x20 && c < 0x7f) && UserMetadata.decode(header).equals(text);
        });
    }

    @Test
    void valuesThatLookEncodedOrThatHttpWouldTrimAreEncodedToo() {
        for (String tricky : List.of("=?UTF-8?B?AAAA?=", " =?UTF-8?B?AAAA?=", " padded ", "a=?b")) {
            assertTrue(UserMetadata.encode(tricky).startsWith("=?UTF-8?B?"), tricky);
            assertEquals(tricky, UserMetadata.decode(UserMetadata.encode(tricky)));
        }
    }

    private static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
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
