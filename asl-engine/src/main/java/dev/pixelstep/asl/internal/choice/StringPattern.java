package dev.pixelstep.asl.internal.choice;

import java.util.regex.Pattern;

/**
 * A StringMatches pattern: {@code *} matches any run of characters (including none); {@code \*} is a literal
 * star and {@code \\} a literal backslash. Nothing else is special.
 */
public final class StringPattern {

    private final String text;
    private final Pattern regex;

    private StringPattern(String text, Pattern regex) {
        this.text = text;
        this.regex = regex;
    }

    /**
     * Compiles a pattern.
     *
     * @throws IllegalArgumentException when a backslash is followed by anything but {@code *} or {@code \}
     */
    public static StringPattern compile(String text) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                if (i + 1 >= text.length() || (text.charAt(i + 1) != '*' && text.charAt(i + 1) != '\\')) {
                    throw new IllegalArgumentException("in StringMatches pattern '" + text + "' a backslash at position "
                            + i + " must be followed by '*' or '\\'");
                }
                literal.append(text.charAt(++i));
            } else if (c == '*') {
                regex.append(Pattern.quote(literal.toString())).append(".*");
                literal.setLength(0);
            } else {
                literal.append(c);
            }
        }
        regex.append(Pattern.quote(literal.toString()));
        return new StringPattern(text, Pattern.compile(regex.toString(), Pattern.DOTALL));
    }

    /** Whether a whole string matches. */
    public boolean matches(String value) {
        return regex.matcher(value).matches();
    }

    @Override
    public String toString() {
        return text;
    }
}
