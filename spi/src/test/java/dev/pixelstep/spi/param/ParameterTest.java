package dev.pixelstep.spi.param;

import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

class ParameterTest {

    private static final IntParameter WIDTH = IntParameter.of("width", 800, 1, 10000, "px", "Box width.");
    private static final DoubleParameter SIGMA = DoubleParameter.of("sigma", 1.5, 0.1, 50, "px", "Sigma.");

    @Test
    void intParsesWholeNumbersInRange() {
        assertEquals(1, WIDTH.parse("1"));
        assertEquals(10000, WIDTH.parse(" 10000 "));
        assertEquals(42, WIDTH.parse("+42"));
    }

    @Test
    void intRefusesOutOfRangeAndNonNumbers() {
        for (String bad : List.of("0", "10001", "-5", "4.5", "abc", "", "99999999999999", "1e3")) {
            InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> WIDTH.parse(bad), bad);
            assertEquals("width", e.parameter());
            assertTrue(e.getMessage().contains("a whole number from 1 to 10000 px"), e.getMessage());
        }
    }

    @Test
    void doubleRefusesNanInfinityAndHex() {
        for (String bad : List.of("NaN", "Infinity", "0x10", "1.5.5", "50.01", "0.09", "")) {
            assertThrows(InvalidParameterException.class, () -> SIGMA.parse(bad), bad);
        }
        assertEquals(2.5, SIGMA.parse("2.5"));
        assertEquals(20.0, SIGMA.parse("2e1"));
        assertEquals(0.5, SIGMA.parse(".5"));
    }

    @Test
    void doubleCanonicalFormHasNoTrailingZeros() {
        assertEquals("4", SIGMA.format(4.0));
        assertEquals("0.25", SIGMA.format(0.25));
        assertEquals("a number from 0.1 to 50 px", SIGMA.allowed());
        DoubleParameter wide = DoubleParameter.of("x", 0, -1e300, 1e300, "", "");
        assertEquals("1.1102230246251565E-16", wide.format(1.1102230246251565E-16));
        assertEquals(1.1102230246251565E-16, wide.parse(wide.format(1.1102230246251565E-16)));
        assertEquals(-1e300, wide.parse(wide.format(-1e300)));
    }

    @Test
    void intFormatParsesBack() {
        qt().forAll(integers().between(1, 10000)).checkAssert(v -> assertEquals(v, WIDTH.parse(WIDTH.format(v))));
    }

    @Test
    void doubleFormatParsesBack() {
        qt().forAll(doubles().between(0.1, 50)).checkAssert(v -> assertEquals(v, SIGMA.parse(SIGMA.format(v))));
    }

    @Test
    void booleanAcceptsTrueFalseYesNo() {
        BooleanParameter p = BooleanParameter.of("keep", false, "Keep.");
        assertEquals(true, p.parse("TRUE"));
        assertEquals(false, p.parse("no"));
        assertThrows(InvalidParameterException.class, () -> p.parse("1"));
        assertThrows(InvalidParameterException.class, () -> p.validate("true"));
    }

    @Test
    void choiceIsCaseInsensitiveAndCanonicalLowerCase() {
        ChoiceParameter p = ChoiceParameter.of("axis", "horizontal", List.of("horizontal", "vertical", "both"), "Axis.");
        assertEquals("vertical", p.parse("Vertical"));
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> p.parse("diagonal"));
        assertTrue(e.getMessage().contains("one of horizontal, vertical, both"), e.getMessage());
    }

    @Test
    void choiceDeclarationMustContainTheDefault() {
        assertThrows(IllegalArgumentException.class, () -> ChoiceParameter.of("axis", "up", List.of("left", "right"), ""));
        assertThrows(IllegalArgumentException.class, () -> ChoiceParameter.of("axis", "Left", List.of("Left"), ""));
    }

    @Test
    void colourReadsHexFormsAndNames() {
        ColorParameter p = ColorParameter.of("tint", Color.BLACK, "Tint.");
        assertEquals(new Color(0x336699), p.parse("#336699"));
        assertEquals(new Color(0x336699), p.parse("#369"));
        assertEquals(new Color(0x33, 0x66, 0x99, 0x80), p.parse("#33669980"));
        assertEquals(new Color(0xffa500), p.parse("Orange"));
        assertEquals("#336699", p.format(new Color(0x336699)));
        assertEquals("#33669980", p.format(new Color(0x33, 0x66, 0x99, 0x80)));
        assertThrows(InvalidParameterException.class, () -> p.parse("#12345"));
        assertThrows(InvalidParameterException.class, () -> p.parse("chartreuse"));
    }

    @Test
    void colourFormatParsesBack() {
        ColorParameter p = ColorParameter.of("tint", Color.BLACK, "Tint.");
        qt().forAll(integers().all(), integers().between(0, 255)).checkAssert((rgb, alpha) -> {
            Color c = new Color((rgb & 0xffffff) | (alpha << 24), true);
            assertEquals(c, p.parse(p.format(c)));
        });
    }

    @Test
    void textIsQuotedAndEscaped() {
        TextParameter p = TextParameter.of("text", "", 10, "Text.");
        assertEquals("\"say \\\"hi\\\" \\\\o/\"", p.format("say \"hi\" \\o/"));
        assertThrows(InvalidParameterException.class, () -> p.parse("eleven char"));
        assertThrows(InvalidParameterException.class, () -> p.parse("tab\there"));
    }

    @Test
    void textWithAPatternRefusesWhatItDoesNotMatchEntirely() {
        TextParameter p = TextParameter.matching("digits", "12", 5, java.util.regex.Pattern.compile("[0-9]+"), "digits only", "Digits.");
        assertEquals("345", p.parse("345"));
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> p.parse("34a"));
        assertTrue(e.getMessage().contains("digits only"), e.getMessage());
        assertThrows(InvalidParameterException.class, () -> p.validate(""));
        assertThrows(InvalidParameterException.class, () -> p.parse("123456"));
        assertEquals("[0-9]+", p.describe().get("pattern"));
        assertThrows(IllegalArgumentException.class,
                () -> TextParameter.matching("d", "x", 5, java.util.regex.Pattern.compile("[0-9]+"), "digits", "Digits."));
    }

    @Test
    void declarationsCheckTheirOwnConsistency() {
        assertThrows(IllegalArgumentException.class, () -> IntParameter.of("n", 0, 1, 10, "", ""));
        assertThrows(IllegalArgumentException.class, () -> DoubleParameter.of("n", 1, 2, 1, "", ""));
        assertThrows(IllegalArgumentException.class, () -> DoubleParameter.of("n", Double.NaN, 0, 1, "", ""));
        assertThrows(IllegalArgumentException.class, () -> IntParameter.of("Bad_Name", 1, 1, 1, "", ""));
    }

    @Test
    void describeGivesJsonReadyMetadata() {
        var d = WIDTH.describe();
        assertEquals("width", d.get("name"));
        assertEquals("int", d.get("type"));
        assertEquals("800", d.get("default"));
        assertEquals(1, d.get("min"));
        assertEquals(10000, d.get("max"));
        assertEquals("px", d.get("unit"));
    }
}
