package dev.pixelstep.spi.chain;

import dev.pixelstep.spi.ImageOperation;
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

    /** Applies this step to {@code source}, which is not modified. */
    public BufferedImage apply(BufferedImage source) {
        return operation.apply(source, parameters);
    }

    /** Canonical text: the name, then the non-default parameters in parentheses, e.g. {@code blur(radius=4)}. */
    @Override
    public String toString() {
        String args = parameters.toCanonicalString();
        return args.isEmpty() ? operation.name() : operation.name() + "(" + args + ")";
    }
}
