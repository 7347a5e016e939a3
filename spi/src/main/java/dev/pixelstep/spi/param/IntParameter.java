package dev.pixelstep.spi.param;

import java.util.Map;

/** A whole-number parameter within a closed range {@code [min, max]}. */
public final class IntParameter extends Parameter<Integer> {

    private final int min;
    private final int max;

    private IntParameter(String name, int defaultValue, int min, int max, String unit, String description) {
        super(name, defaultValue, unit, description);
        if (min > max || defaultValue < min || defaultValue > max) {
            throw new IllegalArgumentException("parameter '" + name + "': need min <= default <= max, got "
                    + min + " <= " + defaultValue + " <= " + max);
        }
        this.min = min;
        this.max = max;
    }

    /**
     * Declares a whole-number parameter.
     *
     * @param unit shown after the value, or {@code ""}
     */
    public static IntParameter of(String name, int defaultValue, int min, int max, String unit, String description) {
        return new IntParameter(name, defaultValue, min, max, unit, description);
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    @Override
    public ParameterType type() {
        return ParameterType.INT;
    }

    @Override
    public Integer parse(String text) {
        String t = text.strip();
        if (!t.matches("[+-]?[0-9]{1,10}")) {
            throw invalid(text);
        }
        long value = Long.parseLong(t);
        if (value < min || value > max) {
            throw invalid(text);
        }
        return (int) value;
    }

    @Override
    public Integer validate(Object value) {
        if (!(value instanceof Integer || value instanceof Short || value instanceof Byte || value instanceof Long)) {
            throw wrongType(value);
        }
        long v = ((Number) value).longValue();
        if (v < min || v > max) {
            throw wrongType(value);
        }
        return (int) v;
    }

    @Override
    public String format(Integer value) {
        return Integer.toString(value);
    }

    @Override
    public String allowed() {
        return withUnit("a whole number from " + min + " to " + max);
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> out = super.describe();
        out.put("min", min);
        out.put("max", max);
        return out;
    }
}
