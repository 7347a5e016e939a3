package dev.pixelstep.operations.artistic;

import dev.pixelstep.operations.color.Contrast;
import dev.pixelstep.operations.color.Sepia;
import dev.pixelstep.operations.detail.Noise;
import dev.pixelstep.operations.effect.Vignette;
import dev.pixelstep.spi.ComposedOperation;
import dev.pixelstep.spi.ImageOperation;
import dev.pixelstep.spi.chain.ChainStep;
import dev.pixelstep.spi.chain.OperationChain;
import dev.pixelstep.spi.param.DoubleParameter;
import dev.pixelstep.spi.param.IntParameter;
import dev.pixelstep.spi.param.Parameter;
import dev.pixelstep.spi.param.Parameters;

import java.util.List;
import java.util.Map;

/**
 * {@code vintage(strength=0.7, seed=0)}: an old-photo preset, a {@link ComposedOperation} standing
 * for the chain, with s = strength:
 * {@code contrast(factor=1 - 0.2 s), sepia(intensity=0.7 s), vignette(strength=0.5 s, start=0.4),
 * noise(amount=8 s, seed=seed, monochrome=true)}: faded contrast, a warm tone, darker corners and
 * grain. Its result, size and cost are exactly that chain's. Strength 0 changes nothing.
 */
public final class Vintage extends ComposedOperation {

    /** How old the photo looks. */
    public static final DoubleParameter STRENGTH = DoubleParameter.of("strength", 0.7, 0, 1, "", "0 changes nothing, 1 the oldest look");
    /** The grain's seed. */
    public static final IntParameter SEED = IntParameter.of("seed", 0, 0, Integer.MAX_VALUE, "", "seed of the grain");

    private static final ImageOperation CONTRAST = new Contrast();
    private static final ImageOperation SEPIA = new Sepia();
    private static final ImageOperation VIGNETTE = new Vignette();
    private static final ImageOperation NOISE = new Noise();

    @Override
    public String name() {
        return "vintage";
    }

    @Override
    public String description() {
        return "Makes the image look like an old photo: faded, warm, darker corners and grain (a preset of four operations).";
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(STRENGTH, SEED);
    }

    @Override
    protected OperationChain steps(Parameters parameters) {
        double s = parameters.get(STRENGTH);
        return OperationChain.of(List.of(
                step(CONTRAST, Map.of("factor", 1 - 0.2 * s)),
                step(SEPIA, Map.of("intensity", 0.7 * s)),
                step(VIGNETTE, Map.of("strength", 0.5 * s, "start", 0.4)),
                step(NOISE, Map.of("amount", 8 * s, "seed", parameters.get(SEED), "monochrome", true))));
    }

    private static ChainStep step(ImageOperation operation, Map<String, ?> values) {
        return new ChainStep(operation, Parameters.of(operation, values));
    }
}
