package dev.pixelstep.spi.param;

import java.awt.Color;
import java.util.Locale;
import java.util.Map;

/**
 * An sRGB colour parameter. Written {@code #rgb}, {@code #rrggbb}, {@code #rrggbbaa} (hexadecimal,
 * any case) or as one of a few names ({@code black}, {@code white}, {@code red}, ...). The canonical
 * form is {@code #rrggbb}, or {@code #rrggbbaa} when the colour is not opaque.
 */
public final class ColorParameter extends Parameter<Color> {

    private static final Map<String, Color> NAMED = Map.ofEntries(
            Map.entry("black", new Color(0x000000)),
            Map.entry("white", new Color(0xffffff)),
            Map.entry("red", new Color(0xff0000)),
            Map.entry("green", new Color(0x008000)),
            Map.entry("blue", new Color(0x0000ff)),
            Map.entry("yellow", new Color(0xffff00)),
            Map.entry("cyan", new Color(0x00ffff)),
            Map.entry("magenta", new Color(0xff00ff)),
            Map.entry("gray", new Color(0x808080)),
            Map.entry("orange", new Color(0xffa500)),
            Map.entry("transparent", new Color(0, 0, 0, 0)));

    private ColorParameter(String name, Color defaultValue, String description) {
        super(name, defaultValue, "", description);
    }

    /** Declares a colour parameter. */
    public static ColorParameter of(String name, Color defaultValue, String description) {
        return new ColorParameter(name, defaultValue, description);
    }

    @Override
    public ParameterType type() {
        return ParameterType.COLOR;
    }

    @Override
    public Color parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        Color named = NAMED.get(t);
        if (named != null) {
            return named;
        }
        if (t.matches("#[0-9a-f]{3}")) {
            int r = Character.digit(t.charAt(1), 16) * 17;
            int g = Character.digit(t.charAt(2), 16) * 17;
            int b = Character.digit(t.charAt(3), 16) * 17;
            return new Color(r, g, b);
        }
        if (t.matches("#[0-9a-f]{6}")) {
            return new Color(Integer.parseInt(t.substring(1), 16));
        }
        if (t.matches("#[0-9a-f]{8}")) {
            long rgba = Long.parseLong(t.substring(1), 16);
            return new Color((int) (rgba >>> 24) & 0xff, (int) (rgba >>> 16) & 0xff, (int) (rgba >>> 8) & 0xff, (int) rgba & 0xff);
        }
        throw invalid(text);
    }

    @Override
    public Color validate(Object value) {
        if (value instanceof Color c) {
            return c;
        }
        if (value instanceof String s) {
            return parse(s);
        }
        throw wrongType(value);
    }

    @Override
    public String format(Color value) {
        String rgb = String.format(Locale.ROOT, "#%06x", value.getRGB() & 0xffffff);
        return value.getAlpha() == 255 ? rgb : rgb + String.format(Locale.ROOT, "%02x", value.getAlpha());
    }

    @Override
    public String allowed() {
        return "a colour as #rrggbb, #rrggbbaa, #rgb or one of " + String.join(", ", new java.util.TreeSet<>(NAMED.keySet()));
    }
}
