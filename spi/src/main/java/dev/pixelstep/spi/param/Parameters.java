package dev.pixelstep.spi.param;

import dev.pixelstep.spi.ImageOperation;

import java.awt.Color;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * The values of one operation's declared parameters, every one present and valid: defaults fill
 * what was not given, and every given value was checked by its {@link Parameter}. Immutable.
 *
 * <p>Operations read values with {@link #get(Parameter)} (typed by the declaration) or with the
 * named getters such as {@link #getInt(String)}.
 */
public final class Parameters {

    private final List<Parameter<?>> declared;
    private final Map<String, Object> values;

    private Parameters(List<Parameter<?>> declared, Map<String, Object> values) {
        this.declared = declared;
        this.values = Collections.unmodifiableMap(values);
    }

    /** Every parameter of {@code operation} at its default. */
    public static Parameters defaults(ImageOperation operation) {
        return of(operation, Map.of());
    }

    /**
     * The parameters of {@code operation} with the given values, defaults for the rest.
     *
     * @param given values by parameter name; each must be valid for its declaration
     * @throws InvalidParameterException if a name is not declared or a value is not allowed
     */
    public static Parameters of(ImageOperation operation, Map<String, ?> given) {
        return of(operation.name(), operation.parameters(), given);
    }

    private static Parameters of(String operation, List<Parameter<?>> declared, Map<String, ?> given) {
        List<Parameter<?>> decl = List.copyOf(declared);
        Map<String, Object> values = new LinkedHashMap<>();
        for (Parameter<?> p : decl) {
            Object v = given.containsKey(p.name()) ? p.validate(given.get(p.name())) : p.defaultValue();
            if (values.put(p.name(), v) != null) {
                throw new IllegalArgumentException("parameter '" + p.name() + "' is declared twice");
            }
        }
        for (String name : given.keySet()) {
            if (!values.containsKey(name)) {
                throw InvalidParameterException.unknown(operation, name, names(decl));
            }
        }
        return new Parameters(decl, values);
    }

    /** The declarations these values belong to. */
    public List<Parameter<?>> declared() {
        return declared;
    }

    /** The value of a declared parameter. */
    public <T> T get(Parameter<T> parameter) {
        Object v = values.get(parameter.name());
        if (v == null) {
            throw new NoSuchElementException("no parameter '" + parameter.name() + "' is declared; declared: " + names(declared));
        }
        return parameter.validate(v);
    }

    /** The value of parameter {@code name}, as declared. */
    public Object get(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new NoSuchElementException("no parameter '" + name + "' is declared; declared: " + names(declared));
        }
        return v;
    }

    public int getInt(String name) {
        return (Integer) get(name);
    }

    public double getDouble(String name) {
        return (Double) get(name);
    }

    public boolean getBoolean(String name) {
        return (Boolean) get(name);
    }

    /** The value of a choice or text parameter. */
    public String getString(String name) {
        return (String) get(name);
    }

    public Color getColor(String name) {
        return (Color) get(name);
    }

    /** Whether parameter {@code name} has its default value. */
    public boolean isDefault(String name) {
        for (Parameter<?> p : declared) {
            if (p.name().equals(name)) {
                return p.defaultValue().equals(values.get(name));
            }
        }
        throw new NoSuchElementException("no parameter '" + name + "' is declared; declared: " + names(declared));
    }

    /** Every value by name, in declaration order, read-only. */
    public Map<String, Object> asMap() {
        return values;
    }

    /** Every value in canonical text form, by name, in declaration order. */
    public Map<String, String> asText() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Parameter<?> p : declared) {
            out.put(p.name(), p.formatValue(values.get(p.name())));
        }
        return out;
    }

    /**
     * The canonical text of the values that differ from their defaults, e.g. {@code radius=4},
     * in declaration order; empty when all are defaults.
     */
    public String toCanonicalString() {
        StringJoiner joiner = new StringJoiner(", ");
        for (Parameter<?> p : declared) {
            Object v = values.get(p.name());
            if (!p.defaultValue().equals(v)) {
                joiner.add(p.name() + "=" + p.formatValue(v));
            }
        }
        return joiner.toString();
    }

    static String names(List<Parameter<?>> declared) {
        if (declared.isEmpty()) {
            return "(none)";
        }
        StringJoiner joiner = new StringJoiner(", ");
        declared.forEach(p -> joiner.add(p.name()));
        return joiner.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Parameters other && values.equals(other.values) && declared.equals(other.declared);
    }

    @Override
    public int hashCode() {
        return Objects.hash(values);
    }

    @Override
    public String toString() {
        return asText().toString();
    }
}
