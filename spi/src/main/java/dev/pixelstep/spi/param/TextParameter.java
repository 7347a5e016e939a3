package dev.pixelstep.spi.param;

import java.util.Map;

/**
 * A short free-text parameter, e.g. a watermark's text. In a chain it is written in double quotes,
 * {@code watermark(text="© ACME")}, with {@code \"} and {@code \\} as the only escapes. Control
 * characters are refused.
 */
public final class TextParameter extends Parameter<String> {

    private final int maxLength;

    private TextParameter(String name, String defaultValue, int maxLength, String description) {
        super(name, defaultValue, "", description);
        if (maxLength < 1 || defaultValue.length() > maxLength || hasControl(defaultValue)) {
            throw new IllegalArgumentException("parameter '" + name + "': need a default of at most maxLength (" + maxLength
                    + ") printable characters");
        }
        this.maxLength = maxLength;
    }

    /** Declares a text parameter of at most {@code maxLength} characters. */
    public static TextParameter of(String name, String defaultValue, int maxLength, String description) {
        return new TextParameter(name, defaultValue, maxLength, description);
    }

    public int maxLength() {
        return maxLength;
    }

    @Override
    public ParameterType type() {
        return ParameterType.TEXT;
    }

    /** Reads the value; {@code text} is the unquoted, unescaped string. */
    @Override
    public String parse(String text) {
        return validate(text);
    }

    @Override
    public String validate(Object value) {
        if (value instanceof String s && s.length() <= maxLength && !hasControl(s)) {
            return s;
        }
        throw wrongType(value);
    }

    /** The quoted form with {@code "} and {@code \} escaped. */
    @Override
    public String format(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    @Override
    public String allowed() {
        return "a quoted text of at most " + maxLength + " printable characters";
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> out = super.describe();
        out.put("default", defaultValue());
        out.put("maxLength", maxLength);
        return out;
    }

    private static boolean hasControl(String s) {
        return s.chars().anyMatch(Character::isISOControl);
    }
}
