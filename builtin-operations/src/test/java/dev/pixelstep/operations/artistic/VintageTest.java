package dev.pixelstep.operations.artistic;

import dev.pixelstep.operations.BuiltIns;
import dev.pixelstep.spi.ImageSize;
import dev.pixelstep.spi.OperationCost;
import dev.pixelstep.spi.chain.ChainStep;
import dev.pixelstep.spi.chain.OperationChain;
import dev.pixelstep.testkit.ImageOperationContract;
import dev.pixelstep.testkit.Pixels;
import dev.pixelstep.testkit.gen.Images;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

class VintageTest extends ImageOperationContract {

    @Override
    protected String operationName() {
        return "vintage";
    }

    private static String chain(double s, int seed) {
        return String.format(Locale.ROOT, "contrast(factor=%s), sepia(intensity=%s), vignette(strength=%s, start=0.4), noise(amount=%s, seed=%d, monochrome=true)",
                1 - 0.2 * s, 0.7 * s, 0.5 * s, 8 * s, seed);
    }

    /** The preset gives the pixels, size and cost of the chain it stands for, written out by hand. */
    @Test
    void isTheChainItStandsFor() {
        theory().forAll(Images.any(), doubles().between(0, 1), integers().between(0, 1000)).checkAssert((sample, s, seed) -> {
            OperationChain written = BuiltIns.REGISTRY.parse(chain(s, seed));
            String preset = String.format(Locale.ROOT, "vintage(strength=%s, seed=%d)", s, seed);
            assertArrayEquals(Pixels.argb(written.apply(sample.image())), Pixels.argb(BuiltIns.apply(preset, sample.image())));
            ImageSize size = ImageSize.of(sample.image());
            ChainStep step = BuiltIns.REGISTRY.parse(preset).steps().get(0);
            double work = written.steps().stream().mapToDouble(x -> x.cost(size).work()).sum();
            double bytes = written.steps().stream().mapToDouble(x -> x.cost(size).bytesFor(size)).sum() / size.pixels();
            OperationCost cost = step.cost(size);
            assertEquals(work, cost.work(), 1e-9 * work, "work is the steps' sum");
            assertEquals(bytes, cost.bytes(), 1e-9 * bytes, "bytes are the steps' sum");
        });
    }

    @Test
    void strengthZeroKeepsTheImage() {
        theory().forAll(Images.any()).checkAssert(sample -> assertArrayEquals(Pixels.argb(sample.image()),
                Pixels.argb(BuiltIns.apply("vintage(strength=0)", sample.image()))));
    }
}
