package dev.pixelstep.spi.chain;

import dev.pixelstep.spi.ImageOperation;
import dev.pixelstep.spi.fixtures.TestOperations;
import dev.pixelstep.spi.param.Parameter;
import dev.pixelstep.spi.param.Parameters;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OperationChainTest {

    /** Records the width of each image it sees and returns a 1 pixel wider one. */
    private static final class Widen implements ImageOperation {
        final List<Integer> seen = new ArrayList<>();

        @Override
        public String name() {
            return "widen";
        }

        @Override
        public String description() {
            return "Adds one column.";
        }

        @Override
        public List<Parameter<?>> parameters() {
            return List.of();
        }

        @Override
        public BufferedImage apply(BufferedImage source, Parameters parameters) {
            seen.add(source.getWidth());
            return new BufferedImage(source.getWidth() + 1, source.getHeight(), BufferedImage.TYPE_INT_RGB);
        }
    }

    @Test
    void stepsApplyInOrderEachToThePreviousResult() {
        Widen widen = new Widen();
        OperationChain chain = OperationChain.of(List.of(ChainStep.of(widen), ChainStep.of(widen), ChainStep.of(widen)));
        BufferedImage out = chain.apply(new BufferedImage(5, 2, BufferedImage.TYPE_INT_RGB));
        assertEquals(List.of(5, 6, 7), widen.seen);
        assertEquals(8, out.getWidth());
    }

    @Test
    void emptyChainReturnsTheSourceUnchanged() {
        BufferedImage source = new BufferedImage(3, 3, BufferedImage.TYPE_INT_RGB);
        assertSame(source, OperationChain.empty().apply(source));
    }

    @Test
    void moreThanSixteenStepsAreRefused() {
        List<ChainStep> steps = Collections.nCopies(17, ChainStep.of(new TestOperations.Grayscale()));
        assertThrows(IllegalArgumentException.class, () -> OperationChain.of(steps));
    }

    @Test
    void aStepRefusesParametersOfAnotherOperation() {
        assertThrows(IllegalArgumentException.class, () -> new ChainStep(new TestOperations.Blur(),
                Parameters.defaults(new TestOperations.Everything())));
    }
}
