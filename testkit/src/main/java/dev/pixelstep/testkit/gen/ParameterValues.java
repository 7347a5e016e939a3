package dev.pixelstep.testkit.gen;

import dev.pixelstep.spi.ImageOperation;
import dev.pixelstep.spi.param.BooleanParameter;
import dev.pixelstep.spi.param.ChoiceParameter;
import dev.pixelstep.spi.param.ColorParameter;
import dev.pixelstep.spi.param.DoubleParameter;
import dev.pixelstep.spi.param.IntParameter;
import dev.pixelstep.spi.param.Parameter;
import dev.pixelstep.spi.param.Parameters;
import dev.pixelstep.spi.param.TextParameter;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.awt.Color;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

/**
 * Generators of parameter values drawn from an operation's declared ranges. Edge values (minimum,
 * maximum, default) are drawn about half of the time, values anywhere in the range otherwise.
 */
public final class ParameterValues {

    private ParameterValues() {
    }

    /** Valid values of one parameter, as the Java type its {@link Parameter#validate(Object)} returns. */
    public static Gen<Object> of(Parameter<?> parameter) {
        Gen<Object> edges = Generate.pick(edgeValues(parameter));
        Gen<Object> anywhere = anywhere(parameter);
        return Generate.oneOf(edges, anywhere);
    }

    /** Every declared parameter of {@code operation} with a generated valid value. */
    public static Gen<Parameters> of(ImageOperation operation) {
        List<Parameter<?>> declared = operation.parameters();
        List<Gen<Object>> gens = new ArrayList<>();
        declared.forEach(p -> gens.add(of(p)));
        Gen<Parameters> gen = in -> {
            Map<String, Object> values = new LinkedHashMap<>();
            for (int i = 0; i < declared.size(); i++) {
                values.put(declared.get(i).name(), gens.get(i).generate(in));
            }
            return Parameters.of(operation, values);
        };
        return gen.describedAs(p -> operation.name() + p.asText());
    }

    /**
     * The values at the edges of a parameter's range: minimum, maximum and default for numbers,
     * every choice, both booleans, a few colours, the empty and the longest free text (of a text
     * with a pattern, only its default: override {@code parameterValues()} to draw others).
     */
    public static List<Object> edgeValues(Parameter<?> parameter) {
        List<Object> out = new ArrayList<>();
        if (parameter instanceof IntParameter p) {
            out.add(p.min());
            out.add(p.max());
        } else if (parameter instanceof DoubleParameter p) {
            out.add(p.min());
            out.add(p.max());
        } else if (parameter instanceof BooleanParameter) {
            out.add(true);
            out.add(false);
        } else if (parameter instanceof ChoiceParameter p) {
            out.addAll(p.choices());
        } else if (parameter instanceof ColorParameter) {
            out.add(new Color(0, 0, 0));
            out.add(new Color(255, 255, 255));
            out.add(new Color(0, 0, 0, 0));
        } else if (parameter instanceof TextParameter p && p.pattern() == null) {
            out.add("");
            out.add("x".repeat(p.maxLength()));
        }
        if (!out.contains(parameter.defaultValue())) {
            out.add(parameter.defaultValue());
        }
        return List.copyOf(out);
    }

    private static Gen<Object> anywhere(Parameter<?> parameter) {
        if (parameter instanceof IntParameter p) {
            return integers().between(p.min(), p.max()).map(v -> (Object) v);
        }
        if (parameter instanceof DoubleParameter p) {
            return doubles().between(p.min(), p.max()).map(v -> (Object) (v == 0.0 ? 0.0 : v));
        }
        if (parameter instanceof ColorParameter) {
            return integers().all().map(v -> (Object) new Color(v, true));
        }
        if (parameter instanceof TextParameter p && p.pattern() == null) {
            return strings().basicLatinAlphabet().ofLengthBetween(0, Math.min(p.maxLength(), 24))
                    .map(s -> (Object) s.replaceAll("\\p{Cntrl}", "_"));
        }
        return Generate.pick(edgeValues(parameter));
    }

    /**
     * Values just outside what a parameter allows, as chain text and as the Java value given to
     * {@link Parameters#of}: one below the minimum and one above the maximum for numbers, an unknown
     * word for choices, {@code maybe} for booleans, a malformed colour, a text one character too long.
     */
    public static List<OutOfRange> outOfRange(Parameter<?> parameter) {
        List<OutOfRange> out = new ArrayList<>();
        if (parameter instanceof IntParameter p) {
            if (p.min() > Integer.MIN_VALUE) {
                long v = p.min() - 1L;
                out.add(new OutOfRange(parameter, Long.toString(v), v));
            }
            if (p.max() < Integer.MAX_VALUE) {
                long v = p.max() + 1L;
                out.add(new OutOfRange(parameter, Long.toString(v), v));
            }
        } else if (parameter instanceof DoubleParameter p) {
            double step = p.max() > p.min() ? (p.max() - p.min()) / 1000 : Math.max(Math.abs(p.max()) / 1000, 1e-3);
            BigDecimal delta = BigDecimal.valueOf(step);
            String below = BigDecimal.valueOf(p.min()).subtract(delta).stripTrailingZeros().toPlainString();
            String above = BigDecimal.valueOf(p.max()).add(delta).stripTrailingZeros().toPlainString();
            out.add(new OutOfRange(parameter, below, Double.parseDouble(below)));
            out.add(new OutOfRange(parameter, above, Double.parseDouble(above)));
        } else if (parameter instanceof BooleanParameter) {
            out.add(new OutOfRange(parameter, "maybe", "maybe"));
        } else if (parameter instanceof ChoiceParameter p) {
            String word = "not-" + String.join("-", p.choices());
            out.add(new OutOfRange(parameter, word, word));
        } else if (parameter instanceof ColorParameter) {
            out.add(new OutOfRange(parameter, "#12345", "#12345"));
        } else if (parameter instanceof TextParameter p && p.maxLength() < 1000) {
            String text = "x".repeat(p.maxLength() + 1);
            out.add(new OutOfRange(parameter, '"' + text + '"', text));
            if (p.pattern() != null && !p.pattern().matcher("?").matches()) {
                out.add(new OutOfRange(parameter, "\"?\"", "?"));
            }
        }
        return out;
    }

    /**
     * A value a parameter must refuse.
     *
     * @param parameter the parameter
     * @param text      the value as written in a chain
     * @param value     the value as given to {@link Parameters#of}
     */
    public record OutOfRange(Parameter<?> parameter, String text, Object value) {
        @Override
        public String toString() {
            return parameter.name() + "=" + text;
        }
    }
}
