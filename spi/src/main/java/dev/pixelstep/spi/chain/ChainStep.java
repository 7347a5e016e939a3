package dev.pixelstep.spi.chain;

import dev.pixelstep.spi.Cancellation;
import dev.pixelstep.spi.ImageOperation;
import dev.pixelstep.spi.ImageSize;
import dev.pixelstep.spi.OperationCost;
import dev.pixelstep.spi.param.Parameters;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * One step of a chain: an operation and the values of its parameters.
 *
 * @param operation  the operation to apply
 * @param parameters values for every parameter the operation declares
 */
public record ChainStep(ImageOperation operation, Parameters parameters) {

    public ChainStep {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(parameters, "parameters");
        if (!parameters.declared().equals(operation.parameters())) {
            throw new IllegalArgumentException("parameters were not built for operation '" + operation.name() + "'");
        }
    }

    /** A step with every parameter at its default. */
    public static ChainStep of(ImageOperation operation) {
        return new ChainStep(operation, Parameters.defaults(operation));
    }

    /** The operation's name. */
    public String name() {
        return operation.name();
    }

    /**
     * Applies this step to {@code source}, which is not modified, unless the
     * {@linkplain Cancellation#current() current cancellation} has happened.
     *
     * @throws dev.pixelstep.spi.OperationCancelledException if the work is cancelled, before or during the step
     */
    public BufferedImage apply(BufferedImage source) {
        Cancellation.current().check();
        return operation.apply(source, parameters);
    }

    /** The size of this step's result for a source of {@code source}'s size. */
    public ImageSize outputSize(ImageSize source) {
        return operation.outputSize(source, parameters);
    }

    /** This step's cost per output pixel for a source of {@code source}'s size. */
    public OperationCost cost(ImageSize source) {
        return operation.cost(source, parameters);
    }

    /** Canonical text: the name, then the non-default parameters in parentheses, e.g. {@code blur(radius=4)}. */
    @Override
    public String toString() {
        String args = parameters.toCanonicalString();
        return args.isEmpty() ? operation.name() : operation.name() + "(" + args + ")";
    }
}
