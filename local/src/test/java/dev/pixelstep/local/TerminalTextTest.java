package dev.pixelstep.local;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TerminalTextTest {

    @Test
    void controlCharactersAreShownAsEscapes() {
        assertEquals("\\e[2J\\e]0;title\\a\\r\\n\\t\\b\\v\\f", TerminalText.escape("\u001b[2J\u001b]0;title\u0007\r\n\t\b\u000b\f"));
        assertEquals("\\x00\\x01\\x7f", TerminalText.escape("\u0000\u0001\u007f"));
        assertEquals("\\u009b31m", TerminalText.escape("\u009b31m"), "a C1 control introducer");
        assertEquals("a\\u202eb\\u2066c\\u200bd\\u2028e", TerminalText.escape("a\u202eb\u2066c\u200bd\u2028e"),
                "bidirectional overrides, zero-width and line separators");
        assertEquals("lone \\ud83d.", TerminalText.escape("lone \uD83D."));
        assertEquals("null", TerminalText.escape(null));
    }

    @Test
    void printableTextIsLeftAlone() {
        String text = "holiday/Été 2026 + friends 😀 \\ 100%.jpg";
        assertSame(text, TerminalText.escape(text));
        for (int c = 0x20; c < 0x7f; c++) {
            String s = Character.toString(c);
            assertEquals(s, TerminalText.escape(s));
        }
        assertTrue(TerminalText.escape("日本語の写真.png").equals("日本語の写真.png"));
    }
}
