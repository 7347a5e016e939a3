package dev.pixelstep.spi.param;

import java.util.Locale;

/** A yes/no parameter, written {@code true} or {@code false} ({@code yes}/{@code no} also read). */
public final class BooleanParameter extends Parameter<Boolean> {

    private BooleanParameter(String name, boolean defaultValue, String description) {
        super(name, defaultValue, "", description);
    }

    /** Declares a boolean parameter. */
    public static BooleanParameter of(String name, boolean defaultValue, String description) {
        return new BooleanParameter(name, defaultValue, description);
    }

    @Override
    public ParameterType type() {
        return ParameterType.BOOLEAN;
    }

    @Override
    public Boolean parse(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> throw invalid(text);
        };
    }

    @Override
    public Boolean validate(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        throw wrongType(value);
    }

    @Override
    public String format(Boolean value) {
        return value.toString();
    }

    @Override
    public String allowed() {
        return "true or false";
    }
}
