package dev.pixelstep.spi.chain;

import dev.pixelstep.spi.chain.InvalidChainException.Reason;
import dev.pixelstep.spi.fixtures.TestOperations;
import dev.pixelstep.spi.fixtures.TestOperations.Everything;
import dev.pixelstep.spi.registry.OperationRegistry;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.util.Collections;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChainParserTest {

    private final OperationRegistry registry = OperationRegistry.of(TestOperations.all());

    private OperationChain parse(String text) {
        return registry.parse(text);
    }

    private InvalidChainException refused(String text) {
        return assertThrows(InvalidChainException.class, () -> parse(text), text);
    }

    @Test
    void originalCommaSeparatedFormStaysValid() {
        OperationChain chain = parse("grayscale,blur");
        assertEquals(2, chain.size());
        assertEquals("grayscale", chain.steps().get(0).name());
        assertEquals("grayscale, blur", chain.toString());
    }

    @Test
    void whitespaceIsIgnoredAndDefaultsAreOmittedFromTheCanonicalForm() {
        OperationChain chain = parse("  grayscale ,\tblur ( radius = 4 ) ,blur(radius=3), copy()  ");
        assertEquals("grayscale, blur(radius=4), blur, copy", chain.toString());
        assertEquals(4.0, chain.steps().get(1).parameters().get(TestOperations.Blur.RADIUS));
        assertEquals(3.0, chain.steps().get(2).parameters().get(TestOperations.Blur.RADIUS));
    }

    @Test
    void blankTextIsTheEmptyChain() {
        assertTrue(parse("").isEmpty());
        assertTrue(parse(" \n\t ").isEmpty());
        assertEquals("", parse("").toString());
    }

    @Test
    void everyParameterTypeIsRead() {
        OperationChain chain = parse("everything(count=-2, amount=.25, enabled=no, mode=X-2, tint=#abc, label=\"a \\\"b\\\", c\")");
        var p = chain.steps().get(0).parameters();
        assertAll(
                () -> assertEquals(-2, p.get(Everything.COUNT)),
                () -> assertEquals(0.25, p.get(Everything.AMOUNT)),
                () -> assertEquals(false, p.get(Everything.ENABLED)),
                () -> assertEquals("x-2", p.get(Everything.MODE)),
                () -> assertEquals(new Color(0xaabbcc), p.get(Everything.TINT)),
                () -> assertEquals("a \"b\", c", p.get(Everything.LABEL)));
        assertEquals("everything(count=-2, amount=0.25, enabled=false, mode=x-2, tint=#aabbcc, label=\"a \\\"b\\\", c\")",
                chain.toString());
    }

    @Test
    void unknownOperationNamesThePositionTheKnownNamesAndASuggestion() {
        InvalidChainException e = refused("grayscale, blurr(radius=4)");
        assertEquals(Reason.UNKNOWN_OPERATION, e.reason());
        assertEquals(12, e.position());
        assertEquals("blurr", e.offendingText());
        assertEquals("at character 12: unknown operation 'blurr'; known operations: blur, copy, everything, grayscale"
                + " (did you mean 'blur'?)", e.getMessage());
    }

    @Test
    void outOfRangeValueNamesTheParameterAndItsRange() {
        InvalidChainException e = refused("blur(radius=400)");
        assertEquals(Reason.INVALID_VALUE, e.reason());
        assertEquals(13, e.position());
        assertEquals("400", e.offendingText());
        assertEquals("at character 13: invalid value '400' for blur.radius; expected a number from 0.5 to 100 px", e.getMessage());
    }

    @Test
    void unknownParameterListsTheDeclaredOnes() {
        InvalidChainException e = refused("blur(radus=4)");
        assertEquals(Reason.UNKNOWN_PARAMETER, e.reason());
        assertTrue(e.getMessage().contains("operation 'blur' has no parameter 'radus'"), e.getMessage());
        assertTrue(e.getMessage().contains("radius (a number from 0.5 to 100 px)"), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean 'radius'?"), e.getMessage());
        assertTrue(refused("grayscale(radius=1)").getMessage().contains("'grayscale' takes no parameters"));
    }

    @Test
    void duplicateParameterIsRefused() {
        assertEquals(Reason.DUPLICATE_PARAMETER, refused("blur(radius=1, radius=2)").reason());
    }

    @Test
    void syntaxErrorsSayWhatWasExpected() {
        assertAll(
                () -> assertEquals(Reason.SYNTAX, refused("grayscale,").reason()),
                () -> assertEquals(Reason.SYNTAX, refused("grayscale,,blur").reason()),
                () -> assertEquals(Reason.SYNTAX, refused("blur(radius=4").reason()),
                () -> assertEquals(Reason.SYNTAX, refused("blur(radius)").reason()),
                () -> assertEquals(Reason.SYNTAX, refused("blur(radius=)").reason()),
                () -> assertEquals(Reason.SYNTAX, refused("blur radius=4").reason()),
                () -> assertEquals(Reason.SYNTAX, refused("everything(label=\"open)").reason()),
                () -> assertEquals(Reason.SYNTAX, refused("everything(label=\"bad \\n escape\")").reason()));
        InvalidChainException e = refused("grayscale blur");
        assertEquals(11, e.position());
        assertTrue(e.getMessage().contains("expected ',' between operations"), e.getMessage());
    }

    @Test
    void aCharacterOutsideTheBasicPlaneIsReportedWholeNeverAsALoneSurrogate() {
        for (String text : new String[] {"grayscale\uD83D\uDE00", "\uD83D\uDE00", "blur(radius=4\uD83D\uDE00)",
                "blur(\uD83D\uDE00=4)", "grayscale,\uD83D\uDE00"}) {
            InvalidChainException e = refused(text);
            assertTrue(e.getMessage().contains("\uD83D\uDE00"), e.getMessage());
            for (int i = 0; i < e.getMessage().length(); i++) {
                char c = e.getMessage().charAt(i);
                assertTrue(!Character.isSurrogate(c) || Character.isHighSurrogate(c) && i + 1 < e.getMessage().length()
                        && Character.isLowSurrogate(e.getMessage().charAt(++i)), () -> "a lone surrogate in: " + e.getMessage());
            }
        }
    }

    @Test
    void upperCaseNamesAreRefusedWithTheLowerCaseSuggestion() {
        InvalidChainException e = refused("Grayscale");
        assertEquals(Reason.SYNTAX, e.reason());
        assertTrue(e.getMessage().contains("did you mean 'grayscale'?"), e.getMessage());
    }

    @Test
    void sixteenOperationsAreAllowedSeventeenAreNot() {
        String sixteen = String.join(",", Collections.nCopies(16, "grayscale"));
        assertEquals(16, parse(sixteen).size());
        InvalidChainException e = refused(sixteen + ",blur");
        assertEquals(Reason.TOO_MANY_OPERATIONS, e.reason());
        assertEquals(sixteen.length() + 2, e.position());
        assertTrue(e.getMessage().contains("at most 16 operations"), e.getMessage());
    }

    @Test
    void textOverTwoKilobytesIsRefusedBeforeParsing() {
        String longText = "grayscale" + " ".repeat(2040);
        InvalidChainException e = refused(longText);
        assertEquals(Reason.TOO_LONG, e.reason());
        assertTrue(e.getMessage().contains("2049 bytes"), e.getMessage());
        // multi-byte characters count as bytes, not chars
        assertEquals(Reason.TOO_LONG, refused("everything(label=\"" + "é".repeat(1020) + "\")").reason());
    }
}
