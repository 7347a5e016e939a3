package dev.pixelstep.spi;

import dev.pixelstep.spi.chain.ChainStep;
import dev.pixelstep.spi.chain.OperationChain;
import dev.pixelstep.spi.param.Parameters;

import java.awt.image.BufferedImage;

/**
 * An operation defined as a chain of others, such as a {@code vintage} preset made of
 * {@code sepia}, {@code vignette} and {@code noise}: a subclass says which steps its parameters
 * stand for ({@link #steps(Parameters)}), and everything else an {@link ImageOperation} owes is
 * derived from them, so that a preset is applied, sized and planned exactly as the chain it stands
 * for:
 * <ul>
 *   <li>{@link #apply} applies the steps in order ({@link OperationChain#apply}; each step checks
 *       the current {@link Cancellation} before it starts);</li>
 *   <li>{@link #outputSize} is the last step's output size;</li>
 *   <li>{@link #cost} adds the steps' work (each step's work per pixel times its output pixels,
 *       over the result's pixels) and their bytes (each intermediate image is garbage once the
 *       next step has read it, so the true peak is lower, but the sum bounds everything the steps
 *       allocate, which is what the testkit's contract and the planner's memory check can rely on);</li>
 *   <li>{@link #keepsAlpha} holds when every step (at the defaults) keeps alpha, {@link #addsAlpha} when any adds it
 *       (alpha cannot come back once a step drops it).</li>
 * </ul>
 * The steps hold operation instances (a preset of built-ins creates them directly), so a preset
 * does not depend on what else is registered. {@code steps} must be cheap and must not look at
 * pixels: it is called for planning too.
 */
public abstract class ComposedOperation implements ImageOperation {

    /** A composite operation; subclasses need a public no-argument constructor to be registered. */
    protected ComposedOperation() {
    }

    /**
     * The chain this operation stands for with the given parameters; never empty.
     *
     * @param parameters values for every declared parameter, already range-checked
     */
    protected abstract OperationChain steps(Parameters parameters);

    @Override
    public final BufferedImage apply(BufferedImage source, Parameters parameters) {
        OperationChain chain = steps(parameters);
        BufferedImage result = chain.apply(source);
        if (result == source) {
            throw new IllegalStateException(name() + ": a composed operation needs at least one step");
        }
        return result;
    }

    @Override
    public final ImageSize outputSize(ImageSize source, Parameters parameters) {
        ImageSize size = source;
        for (ChainStep step : steps(parameters).steps()) {
            size = step.outputSize(size);
        }
        return size;
    }

    @Override
    public final OperationCost cost(ImageSize source, Parameters parameters) {
        double work = 0;
        double bytes = 0;
        ImageSize size = source;
        for (ChainStep step : steps(parameters).steps()) {
            ImageSize output = step.outputSize(size);
            OperationCost cost = step.cost(size);
            work += cost.workFor(output);
            bytes += cost.bytesFor(output);
            size = output;
        }
        double pixels = size.pixels();
        return new OperationCost(work / pixels, bytes / pixels);
    }

    @Override
    public boolean keepsAlpha() {
        return stepsAtDefaults().steps().stream().allMatch(s -> s.operation().keepsAlpha());
    }

    @Override
    public boolean addsAlpha() {
        return stepsAtDefaults().steps().stream().anyMatch(s -> s.operation().addsAlpha());
    }

    private OperationChain stepsAtDefaults() {
        return steps(Parameters.defaults(this));
    }
}
