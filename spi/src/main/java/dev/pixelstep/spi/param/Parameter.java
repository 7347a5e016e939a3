package dev.pixelstep.spi.param;

import dev.pixelstep.spi.ImageOperation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A declared, typed parameter of an {@link ImageOperation}: its name, default, allowed values,
 * unit and description.
 *
 * <p>A parameter knows how to read its value from chain text ({@link #parse(String)}), how to check
 * a value given in code ({@link #validate(Object)}) and how to write a value back in the canonical
 * form ({@link #format(Object)}) so that {@code parse(format(v))} equals {@code v}. Instances are
 * immutable and thread-safe. Create them with the {@code of} factories of the subclasses.
 *
 * @param <T> the Java type of the value
 */
public abstract sealed class Parameter<T>
        permits IntParameter, DoubleParameter, BooleanParameter, ChoiceParameter, ColorParameter, TextParameter {

    private final String name;
    private final T defaultValue;
    private final String unit;
    private final String description;

    Parameter(String name, T defaultValue, String unit, String description) {
        this.name = requireName(name);
        this.defaultValue = Objects.requireNonNull(defaultValue, "defaultValue");
        this.unit = Objects.requireNonNull(unit, "unit");
        this.description = Objects.requireNonNull(description, "description");
    }

    /** The key users write, e.g. {@code radius}; matches {@link ImageOperation#NAME_PATTERN}. */
    public final String name() {
        return name;
    }

    /** The value used when the chain does not give one; always valid. */
    public final T defaultValue() {
        return defaultValue;
    }

    /** The unit shown next to the value ({@code px}, {@code %}, {@code degrees}), or empty. */
    public final String unit() {
        return unit;
    }

    /** One line saying what the parameter controls. */
    public final String description() {
        return description;
    }

    /** The value type. */
    public abstract ParameterType type();

    /**
     * Reads a value from its chain text.
     *
     * @throws InvalidParameterException if the text is not a valid value; the message says what is allowed
     */
    public abstract T parse(String text);

    /**
     * Checks a value given in code and returns it as this parameter's type.
     *
     * @throws InvalidParameterException if the value has the wrong type or is out of range
     */
    public abstract T validate(Object value);

    /** Writes a valid value in the canonical chain form, which {@link #parse(String)} reads back. */
    public abstract String format(T value);

    /** What values are allowed, in words, e.g. {@code "a number from 0.1 to 100 px"}. */
    public abstract String allowed();

    /**
     * A description of this parameter as plain maps, lists, strings, numbers and booleans, ready
     * to be written as JSON by the CLI or the web page.
     */
    public Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", name);
        out.put("type", type().name().toLowerCase(java.util.Locale.ROOT));
        out.put("default", format(defaultValue));
        if (!unit.isEmpty()) {
            out.put("unit", unit);
        }
        out.put("description", description);
        out.put("allowed", allowed());
        return out;
    }

    /** Formats a value that is first {@linkplain #validate(Object) validated}. */
    public final String formatValue(Object value) {
        return format(validate(value));
    }

    final InvalidParameterException invalid(String text) {
        return new InvalidParameterException(name, text, allowed());
    }

    final InvalidParameterException wrongType(Object value) {
        return new InvalidParameterException(name, String.valueOf(value), allowed());
    }

    final String withUnit(String text) {
        return unit.isEmpty() ? text : text + " " + unit;
    }

    private static String requireName(String name) {
        if (name == null || !name.matches(ImageOperation.NAME_PATTERN)) {
            throw new IllegalArgumentException("parameter name must match " + ImageOperation.NAME_PATTERN + ", got '" + name + "'");
        }
        return name;
    }

    @Override
    public String toString() {
        return name + " (" + allowed() + ", default " + format(defaultValue) + ")";
    }
}
