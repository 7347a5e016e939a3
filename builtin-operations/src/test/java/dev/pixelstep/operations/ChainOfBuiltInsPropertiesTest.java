package dev.pixelstep.operations;

import dev.pixelstep.spi.ImageOperation;
import dev.pixelstep.spi.chain.ChainStep;
import dev.pixelstep.spi.chain.InvalidChainException;
import dev.pixelstep.spi.chain.OperationChain;
import dev.pixelstep.testkit.gen.ParameterValues;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

/** The chain grammar over the built-in operations: canonical text reads back, and nothing else escapes. */
class ChainOfBuiltInsPropertiesTest {

    private static Gen<ChainStep> steps() {
        List<Gen<ChainStep>> perOperation = new ArrayList<>();
        for (ImageOperation op : BuiltIns.REGISTRY.operations()) {
            perOperation.add(ParameterValues.of(op).map(p -> new ChainStep(op, p)));
        }
        Gen<Integer> which = integers().between(0, perOperation.size() - 1);
        Gen<ChainStep> gen = in -> perOperation.get(which.generate(in)).generate(in);
        return gen.describedAs(ChainStep::toString);
    }

    private static Gen<OperationChain> chains() {
        Gen<Integer> length = integers().between(0, OperationChain.MAX_OPERATIONS);
        Gen<ChainStep> step = steps();
        Gen<OperationChain> gen = in -> {
            int n = length.generate(in);
            List<ChainStep> list = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                list.add(step.generate(in));
            }
            return OperationChain.of(list);
        };
        return gen.describedAs(OperationChain::toString);
    }

    @Test
    void canonicalTextOfRandomChainsReadsBack() {
        qt().withExamples(500).forAll(chains()).checkAssert(chain -> {
            String text = chain.toString();
            OperationChain parsed = BuiltIns.REGISTRY.parse(text);
            assertEquals(text, parsed.toString());
            assertEquals(chain.size(), parsed.size());
            for (int i = 0; i < chain.size(); i++) {
                assertEquals(chain.steps().get(i).parameters(), parsed.steps().get(i).parameters(), text);
            }
        });
    }

    @Test
    void arbitraryTextOnlyEverFailsWithInvalidChainException() {
        qt().withExamples(2000).forAll(strings().allPossible().ofLengthBetween(0, 40)).checkAssert(this::parseOrRefuse);
    }

    @Test
    void builtInShapedNoiseOnlyEverFailsWithInvalidChainException() {
        List<String> tokens = new ArrayList<>(BuiltIns.REGISTRY.names());
        tokens.addAll(List.of("(", ")", ",", "=", "\"", " ", "radius", "angle", "direction", "levels", "width",
                "background", "90", "-1", "1e999", ".5", "#fff", "both", "true", "NaN", "0x10", "65536"));
        Gen<String> noise = lists().of(Generate.pick(tokens)).ofSizeBetween(0, 24).map(l -> String.join("", l));
        qt().withExamples(2000).forAll(noise).checkAssert(this::parseOrRefuse);
    }

    private void parseOrRefuse(String text) {
        try {
            OperationChain chain = BuiltIns.REGISTRY.parse(text);
            assertEquals(chain, BuiltIns.REGISTRY.parse(chain.toString()));
        } catch (InvalidChainException expected) {
            assertTrue(expected.position() >= 1 && expected.position() <= text.length() + 1,
                    "position " + expected.position() + " lies in '" + text + "'");
        }
    }
}
