package dev.pixelstep.spi;

import dev.pixelstep.spi.chain.ChainStep;
import dev.pixelstep.spi.chain.OperationChain;
import dev.pixelstep.spi.param.IntParameter;
import dev.pixelstep.spi.param.Parameter;
import dev.pixelstep.spi.param.Parameters;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A composed operation is applied, sized and costed as the chain it stands for. */
class ComposedOperationTest {

    /** Halves the width; 10 units and 8 bytes per output pixel. */
    private static final class Halve implements ImageOperation {
        @Override
        public String name() {
            return "halve";
        }

        @Override
        public String description() {
            return "Halves the width.";
        }

        @Override
        public List<Parameter<?>> parameters() {
            return List.of();
        }

        @Override
        public BufferedImage apply(BufferedImage source, Parameters parameters) {
            return new BufferedImage(Math.max(1, source.getWidth() / 2), source.getHeight(), BufferedImage.TYPE_INT_RGB);
        }

        @Override
        public ImageSize outputSize(ImageSize source, Parameters parameters) {
            return new ImageSize(Math.max(1, source.width() / 2), source.height());
        }

        @Override
        public OperationCost cost(ImageSize source, Parameters parameters) {
            return new OperationCost(10, 8);
        }

        @Override
        public boolean keepsAlpha() {
            return false;
        }
    }

    /** Pads by {@code by} pixels on the right, making the image transparent; 3 units and 4 bytes. */
    private static final class Pad implements ImageOperation {
        static final IntParameter BY = IntParameter.of("by", 1, 0, 100, "px", "Pixels added.");

        @Override
        public String name() {
            return "pad";
        }

        @Override
        public String description() {
            return "Pads.";
        }

        @Override
        public List<Parameter<?>> parameters() {
            return List.of(BY);
        }

        @Override
        public BufferedImage apply(BufferedImage source, Parameters parameters) {
            return new BufferedImage(source.getWidth() + parameters.get(BY), source.getHeight(), BufferedImage.TYPE_INT_ARGB);
        }

        @Override
        public ImageSize outputSize(ImageSize source, Parameters parameters) {
            return new ImageSize(source.width() + parameters.get(BY), source.height());
        }

        @Override
        public OperationCost cost(ImageSize source, Parameters parameters) {
            return new OperationCost(3, 4);
        }

        @Override
        public boolean addsAlpha() {
            return true;
        }
    }

    /** halve, then pad(by=n). */
    private static final class HalveAndPad extends ComposedOperation {
        static final IntParameter BY = IntParameter.of("by", 10, 0, 100, "px", "Pixels added.");
        private final List<ImageOperation> parts = List.of(new Halve(), new Pad());

        @Override
        public String name() {
            return "halve-and-pad";
        }

        @Override
        public String description() {
            return "Halves, then pads.";
        }

        @Override
        public List<Parameter<?>> parameters() {
            return List.of(BY);
        }

        @Override
        protected OperationChain steps(Parameters parameters) {
            return OperationChain.of(List.of(ChainStep.of(parts.get(0)),
                    new ChainStep(parts.get(1), Parameters.of(parts.get(1), Map.of("by", parameters.get(BY))))));
        }
    }

    private final HalveAndPad op = new HalveAndPad();

    @Test
    void sizeAndPixelsAreTheLastStepsAndCostIsTheStepsSum() {
        Parameters p = Parameters.of(op, Map.of("by", 20));
        ImageSize source = new ImageSize(100, 10);
        assertEquals(new ImageSize(70, 10), op.outputSize(source, p));
        BufferedImage out = op.apply(new BufferedImage(100, 10, BufferedImage.TYPE_INT_RGB), p);
        assertEquals(70, out.getWidth());
        OperationCost cost = op.cost(source, p);
        // halve: 10 units x 500 pixels, 8 bytes x 500; pad: 3 units x 700 pixels, 4 bytes x 700; over 700 output pixels
        assertEquals((10.0 * 500 + 3 * 700) / 700, cost.work(), 1e-12);
        assertEquals((8.0 * 500 + 4 * 700) / 700, cost.bytes(), 1e-12);
    }

    @Test
    void alphaFollowsTheSteps() {
        assertFalse(op.keepsAlpha(), "halve drops alpha");
        assertTrue(op.addsAlpha(), "pad adds it");
    }

    @Test
    void aCompositeWithoutStepsIsRefusedWhenApplied() {
        ComposedOperation empty = new ComposedOperation() {
            @Override
            public String name() {
                return "empty";
            }

            @Override
            public String description() {
                return "Nothing.";
            }

            @Override
            public List<Parameter<?>> parameters() {
                return List.of();
            }

            @Override
            protected OperationChain steps(Parameters parameters) {
                return OperationChain.empty();
            }
        };
        assertThrows(IllegalStateException.class, () -> empty.apply(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), Parameters.defaults(empty)));
    }
}
