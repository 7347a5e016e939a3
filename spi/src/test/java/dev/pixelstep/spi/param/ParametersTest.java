package dev.pixelstep.spi.param;

import dev.pixelstep.spi.fixtures.TestOperations.Everything;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.util.Map;
import java.util.NoSuchElementException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParametersTest {

    private final Everything op = new Everything();

    @Test
    void defaultsFillEveryDeclaredParameter() {
        Parameters p = Parameters.defaults(op);
        assertEquals(5, p.getInt("count"));
        assertEquals(0.5, p.getDouble("amount"));
        assertTrue(p.getBoolean("enabled"));
        assertEquals("fast", p.getString("mode"));
        assertEquals(new Color(0x112233), p.getColor("tint"));
        assertEquals("hi", p.get(Everything.LABEL));
        assertEquals("", p.toCanonicalString());
    }

    @Test
    void givenValuesAreValidatedAndOnlyNonDefaultsAreCanonical() {
        Parameters p = Parameters.of(op, Map.of("count", -3, "mode", "slow", "amount", 0.5));
        assertEquals(-3, p.get(Everything.COUNT));
        assertTrue(p.isDefault("amount"));
        assertFalse(p.isDefault("mode"));
        assertEquals("count=-3, mode=slow", p.toCanonicalString());
    }

    @Test
    void unknownNamesAndBadValuesAreRefused() {
        InvalidParameterException unknown = assertThrows(InvalidParameterException.class,
                () -> Parameters.of(op, Map.of("colour", "red")));
        assertTrue(unknown.getMessage().contains("'everything' has no parameter 'colour'"), unknown.getMessage());
        assertThrows(InvalidParameterException.class, () -> Parameters.of(op, Map.of("count", 11)));
        assertThrows(InvalidParameterException.class, () -> Parameters.of(op, Map.of("count", "3")));
        assertThrows(NoSuchElementException.class, () -> Parameters.defaults(op).get("nope"));
    }

    @Test
    void equalValuesAreEqual() {
        assertEquals(Parameters.of(op, Map.of("count", 2)), Parameters.of(op, Map.of("count", 2)));
    }
}
