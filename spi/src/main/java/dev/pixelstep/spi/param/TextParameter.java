package dev.pixelstep.spi.param;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * A short free-text parameter, e.g. a watermark's text. In a chain it is written in double quotes,
 * {@code watermark(text="© ACME")}, with {@code \"} and {@code \\} as the only escapes. Control
 * characters are refused. A parameter declared with {@link #matching} also refuses any text that
 * its pattern does not match entirely, so that structured values (a convolution kernel's numbers)
 * are refused when the chain is read, before any work.
 */
public final class TextParameter extends Parameter<String> {

    private final int maxLength;
    private final Pattern pattern;
    private final String form;

    private TextParameter(String name, String defaultValue, int maxLength, Pattern pattern, String form, String description) {
        super(name, defaultValue, "", description);
        if (maxLength < 1 || defaultValue.length() > maxLength || hasControl(defaultValue)) {
            throw new IllegalArgumentException("parameter '" + name + "': need a default of at most maxLength (" + maxLength
                    + ") printable characters");
        }
        if (pattern != null && (!pattern.matcher(defaultValue).matches() || form.isBlank())) {
            throw new IllegalArgumentException("parameter '" + name + "': need a default that the pattern matches and a description of the form");
        }
        this.maxLength = maxLength;
        this.pattern = pattern;
        this.form = form;
    }

    /** Declares a text parameter of at most {@code maxLength} characters. */
    public static TextParameter of(String name, String defaultValue, int maxLength, String description) {
        return new TextParameter(name, defaultValue, maxLength, null, "", description);
    }

    /**
     * Declares a text parameter of at most {@code maxLength} characters that {@code pattern} matches
     * entirely, e.g. a list of numbers.
     *
     * @param form what the pattern allows, in words for people (shown in {@link #allowed()} and in
     *             refusals), e.g. {@code "9, 25 or 49 numbers separated by spaces"}
     * @throws IllegalArgumentException if the pattern does not match the default or {@code form} is blank
     */
    public static TextParameter matching(String name, String defaultValue, int maxLength, Pattern pattern, String form,
                                         String description) {
        return new TextParameter(name, defaultValue, maxLength, java.util.Objects.requireNonNull(pattern, "pattern"),
                java.util.Objects.requireNonNull(form, "form"), description);
    }

    public int maxLength() {
        return maxLength;
    }

    /** The pattern every value matches entirely, or {@code null} for free text. */
    public Pattern pattern() {
        return pattern;
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
        if (value instanceof String s && s.length() <= maxLength && !hasControl(s)
                && (pattern == null || pattern.matcher(s).matches())) {
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
        return "a quoted text of at most " + maxLength + " printable characters" + (pattern == null ? "" : ": " + form);
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> out = super.describe();
        out.put("default", defaultValue());
        out.put("maxLength", maxLength);
        if (pattern != null) {
            out.put("pattern", pattern.pattern());
        }
        return out;
    }

    private static boolean hasControl(String s) {
        return s.chars().anyMatch(Character::isISOControl);
    }
}
