package dev.pixelstep.spi.chain;

import dev.pixelstep.spi.fixtures.TestOperations;
import dev.pixelstep.spi.registry.OperationRegistry;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

/** Properties of the chain grammar over generated chains and arbitrary text. */
class ChainParserPropertiesTest {

    private final OperationRegistry registry = OperationRegistry.of(TestOperations.all());

    private static Gen<String> steps() {
        Gen<String> everything = integers().between(-10, 10)
                .zip(doubles().between(0, 1), booleans().all(), Generate.pick(List.of("fast", "SLOW", "x-2")),
                        (count, amount, enabled, mode) -> "everything( count = " + count + ", amount=" + amount
                                + ", enabled=" + enabled + ",mode=" + mode + ")")
                .zip(Generate.pick(List.of("", ", tint=#fff", ", tint=red", ", label=\"q\\\"uote\"", ", label=plain")),
                        (head, tail) -> head.substring(0, head.length() - 1) + tail + ")");
        Gen<String> blur = doubles().between(0.5, 100).map(r -> "blur(radius=" + r + ")");
        return Generate.oneOf(Generate.pick(List.of("grayscale", "copy", "blur", "copy()")), blur, everything);
    }

    private static Gen<String> chains() {
        return lists().of(steps()).ofSizeBetween(0, OperationChain.MAX_OPERATIONS)
                .zip(Generate.pick(List.of(",", " , ", ",\n")), (list, separator) -> String.join(separator, list));
    }

    @Test
    void canonicalFormRoundTrips() {
        qt().forAll(chains()).checkAssert(text -> {
            OperationChain chain = registry.parse(text);
            String canonical = chain.toString();
            assertEquals(canonical, registry.parse(canonical).toString());
            assertEquals(chain, registry.parse(canonical));
        });
    }

    @Test
    void arbitraryTextOnlyEverFailsWithInvalidChainException() {
        qt().withExamples(3000).forAll(strings().allPossible().ofLengthBetween(0, 40)).checkAssert(this::parseOrRefuse);
    }

    @Test
    void grammarShapedNoiseOnlyEverFailsWithInvalidChainException() {
        Gen<String> tokens = Generate.pick(List.of("grayscale", "blur", "everything", "(", ")", ",", "=", "\"", "\\",
                " ", "radius", "count", "label", "tint", "4", "-1", "1e999", ".5", "#fff", "#12", "mode", "x-2", "é", "\t"));
        qt().withExamples(3000).forAll(lists().of(tokens).ofSizeBetween(0, 30).map(l -> String.join("", l)))
                .checkAssert(this::parseOrRefuse);
    }

    private void parseOrRefuse(String text) {
        try {
            OperationChain chain = registry.parse(text);
            assertEquals(chain, registry.parse(chain.toString()));
        } catch (InvalidChainException expected) {
            // the only allowed failure; its position lies within the text (or just past its end)
            if (expected.position() < 1 || expected.position() > text.length() + 1) {
                throw new AssertionError("position " + expected.position() + " outside '" + text + "'", expected);
            }
        }
    }
}
