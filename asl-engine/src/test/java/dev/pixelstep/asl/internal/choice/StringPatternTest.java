package dev.pixelstep.asl.internal.choice;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import org.junit.jupiter.api.Test;

class StringPatternTest {

    @Test
    void starMatchesAnyRunAndEscapesAreLiteral() {
        assertTrue(StringPattern.compile("*.log").matches("server.log"));
        assertTrue(StringPattern.compile("a*b*c").matches("abc"));
        assertFalse(StringPattern.compile("a*b*c").matches("acb"));
        assertTrue(StringPattern.compile("100\\*").matches("100*"));
        assertFalse(StringPattern.compile("100\\*").matches("1000"));
        assertTrue(StringPattern.compile("(.+)?[x]").matches("(.+)?[x]"));
    }

    @Test
    void aPatternWithoutStarsMatchesExactlyItself() {
        qt().forAll(strings().allPossible().ofLengthBetween(0, 20))
                .assuming(text -> !text.contains("*") && !text.contains("\\"))
                .check(text -> StringPattern.compile(text).matches(text)
                        && !StringPattern.compile(text).matches(text + "x"));
    }

    @Test
    void prefixStarSuffixMatchesEveryStringBetween() {
        qt().forAll(strings().basicLatinAlphabet().ofLengthBetween(0, 8),
                        strings().allPossible().ofLengthBetween(0, 8),
                        strings().basicLatinAlphabet().ofLengthBetween(0, 8))
                .assuming((prefix, middle, suffix) -> !prefix.contains("*") && !prefix.contains("\\")
                        && !suffix.contains("*") && !suffix.contains("\\"))
                .check((prefix, middle, suffix) -> StringPattern.compile(prefix + "*" + suffix)
                        .matches(prefix + middle + suffix));
    }
}
