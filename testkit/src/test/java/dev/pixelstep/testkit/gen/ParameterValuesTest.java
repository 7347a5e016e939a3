package dev.pixelstep.testkit.gen;

import dev.pixelstep.spi.param.BooleanParameter;
import dev.pixelstep.spi.param.ChoiceParameter;
import dev.pixelstep.spi.param.ColorParameter;
import dev.pixelstep.spi.param.DoubleParameter;
import dev.pixelstep.spi.param.IntParameter;
import dev.pixelstep.spi.param.InvalidParameterException;
import dev.pixelstep.spi.param.Parameter;
import dev.pixelstep.spi.param.TextParameter;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

/** Parameter values stay inside declared ranges, edges are drawn, and out-of-range values are refused. */
class ParameterValuesTest {

    private static final IntParameter LEVELS = IntParameter.of("levels", 4, 2, 64, "", "levels");
    private static final DoubleParameter RADIUS = DoubleParameter.of("radius", 3, 0.5, 100, "px", "radius");
    private static final List<Parameter<?>> ALL = List.of(LEVELS, RADIUS,
            BooleanParameter.of("enlarge", false, "enlarge"),
            ChoiceParameter.of("direction", "horizontal", List.of("horizontal", "vertical", "both"), "direction"),
            ColorParameter.of("background", Color.BLACK, "background"),
            TextParameter.of("text", "hi", 8, "text"));

    @Test
    void generatedValuesAreValid() {
        for (Parameter<?> p : ALL) {
            qt().withExamples(300).forAll(ParameterValues.of(p)).checkAssert(v -> assertEquals(p.validate(v), v, p.name()));
        }
    }

    @Test
    void edgesAreDrawn() {
        Set<Object> seen = new HashSet<>();
        qt().withExamples(300).forAll(ParameterValues.of(LEVELS)).checkAssert(seen::add);
        assertTrue(seen.containsAll(List.of(2, 64, 4)), "min, max and default are drawn: " + seen);
        Set<Object> radii = new HashSet<>();
        qt().withExamples(300).forAll(ParameterValues.of(RADIUS)).checkAssert(radii::add);
        assertTrue(radii.containsAll(List.of(0.5, 100.0, 3.0)), "min, max and default are drawn");
        assertTrue(radii.size() > 10, "values inside the range are drawn too");
    }

    @Test
    void outOfRangeValuesAreJustOutsideAndRefused() {
        for (Parameter<?> p : ALL) {
            List<ParameterValues.OutOfRange> outside = ParameterValues.outOfRange(p);
            assertFalse(outside.isEmpty(), p.name());
            for (ParameterValues.OutOfRange bad : outside) {
                if (!(p instanceof TextParameter)) {
                    assertThrows(InvalidParameterException.class, () -> p.parse(bad.text()), bad.toString());
                }
                assertThrows(InvalidParameterException.class, () -> p.validate(bad.value()), bad.toString());
            }
        }
        assertEquals(List.of("1", "65"), ParameterValues.outOfRange(LEVELS).stream().map(ParameterValues.OutOfRange::text).toList());
        assertEquals(List.of("0.4005", "100.0995"), ParameterValues.outOfRange(RADIUS).stream().map(ParameterValues.OutOfRange::text).toList());
    }
}
