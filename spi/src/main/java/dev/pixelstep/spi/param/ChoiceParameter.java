package dev.pixelstep.spi.param;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A parameter whose value is one of a fixed list of words, e.g. {@code horizontal} or {@code vertical}. */
public final class ChoiceParameter extends Parameter<String> {

    private static final String CHOICE_PATTERN = "[a-z0-9][a-z0-9-]*";

    private final List<String> choices;

    private ChoiceParameter(String name, String defaultValue, List<String> choices, String description) {
        super(name, defaultValue, "", description);
        this.choices = List.copyOf(choices);
        if (this.choices.isEmpty() || !this.choices.contains(defaultValue)
                || this.choices.stream().anyMatch(c -> !c.matches(CHOICE_PATTERN))
                || this.choices.stream().distinct().count() != this.choices.size()) {
            throw new IllegalArgumentException("parameter '" + name + "': choices must be distinct words matching "
                    + CHOICE_PATTERN + " and include the default, got " + choices + " with default " + defaultValue);
        }
    }

    /** Declares a choice parameter; choices are distinct lower-case words and include the default. */
    public static ChoiceParameter of(String name, String defaultValue, List<String> choices, String description) {
        return new ChoiceParameter(name, defaultValue, choices, description);
    }

    /** The allowed values, in declared order. */
    public List<String> choices() {
        return choices;
    }

    @Override
    public ParameterType type() {
        return ParameterType.CHOICE;
    }

    @Override
    public String parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (!choices.contains(t)) {
            throw invalid(text);
        }
        return t;
    }

    @Override
    public String validate(Object value) {
        if (value instanceof String s && choices.contains(s)) {
            return s;
        }
        throw wrongType(value);
    }

    @Override
    public String format(String value) {
        return value;
    }

    @Override
    public String allowed() {
        return "one of " + String.join(", ", choices);
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> out = super.describe();
        out.put("choices", choices);
        return out;
    }
}
