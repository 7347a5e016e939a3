package dev.pixelstep.local;

/**
 * Text that came from an upload (object keys, metadata, error messages that quote them) made safe
 * to print on a terminal: control characters would otherwise reach it as commands (ESC sequences
 * that move the cursor, clear the screen, set the window title; BEL; carriage returns that overwrite
 * a line; bidirectional overrides that reverse it). Each is shown as an escape instead:
 * {@code \e \a \b \t \n \v \f \r}, {@code \xNN} for the other C0 controls and DEL, {@code \}{@code uNNNN}
 * for C1 controls, Unicode format characters (bidirectional controls, zero-width characters), line
 * and paragraph separators and lone surrogates. Everything else is printed as it is.
 */
public final class TerminalText {

    private TerminalText() {
    }

    /** {@code text} with every control character escaped; {@code "null"} for null. */
    public static String escape(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int width = Character.charCount(c);
            String escaped = escapeOf(c);
            if (escaped != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (escaped != null) {
                    out.append(escaped);
                } else {
                    out.appendCodePoint(c);
                }
            }
            i += width;
        }
        return out == null ? text : out.toString();
    }

    private static String escapeOf(int c) {
        switch (c) {
            case 0x07: return "\\a";
            case 0x08: return "\\b";
            case 0x09: return "\\t";
            case 0x0a: return "\\n";
            case 0x0b: return "\\v";
            case 0x0c: return "\\f";
            case 0x0d: return "\\r";
            case 0x1b: return "\\e";
            default:
                break;
        }
        if (c < 0x20 || c == 0x7f) {
            return String.format("\\x%02x", c);
        }
        int type = Character.getType(c);
        if (Character.isISOControl(c) || type == Character.FORMAT || type == Character.SURROGATE
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
            return String.format("\\u%04x", c);
        }
        return null;
    }
}
