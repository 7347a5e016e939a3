package dev.pixelstep.spi.param;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Pattern;

/** A decimal-number parameter within a closed range {@code [min, max]}; never NaN or infinite. */
public final class DoubleParameter extends Parameter<Double> {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?([0-9]{1,30}(\\.[0-9]{0,30})?|\\.[0-9]{1,30})([eE][+-]?[0-9]{1,3})?");

    private final double min;
    private final double max;

    private DoubleParameter(String name, double defaultValue, double min, double max, String unit, String description) {
        super(name, defaultValue, unit, description);
        if (!Double.isFinite(min) || !Double.isFinite(max) || min > max || !(defaultValue >= min && defaultValue <= max)) {
            throw new IllegalArgumentException("parameter '" + name + "': need finite min <= default <= max, got "
                    + min + " <= " + defaultValue + " <= " + max);
        }
        this.min = min;
        this.max = max;
    }

    /**
     * Declares a decimal-number parameter.
     *
     * @param unit shown after the value, or {@code ""}
     */
    public static DoubleParameter of(String name, double defaultValue, double min, double max, String unit, String description) {
        return new DoubleParameter(name, defaultValue, min, max, unit, description);
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    @Override
    public ParameterType type() {
        return ParameterType.DOUBLE;
    }

    @Override
    public Double parse(String text) {
        String t = text.strip();
        if (!DECIMAL.matcher(t).matches()) {
            throw invalid(text);
        }
        return inRange(Double.parseDouble(t), text);
    }

    @Override
    public Double validate(Object value) {
        if (!(value instanceof Number number)) {
            throw wrongType(value);
        }
        return inRange(number.doubleValue(), String.valueOf(value));
    }

    private double inRange(double value, String text) {
        if (!(value >= min && value <= max)) {
            throw invalid(text);
        }
        return value == 0.0 ? 0.0 : value; // no negative zero in canonical text
    }

    @Override
    public String format(Double value) {
        return plain(value);
    }

    /** The shortest decimal that reads back as {@code value}; scientific only for very small or large magnitudes. */
    static String plain(double value) {
        if (value == 0.0) {
            return "0";
        }
        BigDecimal decimal = BigDecimal.valueOf(value).stripTrailingZeros();
        String s = decimal.toPlainString();
        return s.length() <= 24 ? s : decimal.toString();
    }

    @Override
    public String allowed() {
        return withUnit("a number from " + plain(min) + " to " + plain(max));
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> out = super.describe();
        out.put("min", min);
        out.put("max", max);
        return out;
    }
}
