package dev.pixelstep.spi.chain;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A parsed, validated chain of at most {@link #MAX_OPERATIONS} steps, applied in order.
 *
 * <p>{@link #toString()} is the canonical form: steps joined by {@code ", "}, each written as
 * {@link ChainStep#toString()}. Parsing the canonical form gives an equal chain.
 */
public final class OperationChain {

    /** The most operations one chain may hold. */
    public static final int MAX_OPERATIONS = 16;

    /** The longest chain text in UTF-8 bytes: S3 allows 2 KB of user metadata in all. */
    public static final int MAX_TEXT_BYTES = 2048;

    private static final OperationChain EMPTY = new OperationChain(List.of());

    private final List<ChainStep> steps;

    private OperationChain(List<ChainStep> steps) {
        this.steps = steps;
    }

    /**
     * A chain of the given steps.
     *
     * @throws IllegalArgumentException if there are more than {@link #MAX_OPERATIONS}
     */
    public static OperationChain of(List<ChainStep> steps) {
        if (steps.size() > MAX_OPERATIONS) {
            throw new IllegalArgumentException("a chain holds at most " + MAX_OPERATIONS + " operations, got " + steps.size());
        }
        return steps.isEmpty() ? EMPTY : new OperationChain(List.copyOf(steps));
    }

    /** The chain with no steps. */
    public static OperationChain empty() {
        return EMPTY;
    }

    /** The steps in order. */
    public List<ChainStep> steps() {
        return steps;
    }

    public int size() {
        return steps.size();
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /**
     * Applies every step in order to {@code source}, which is not modified. Only the current
     * intermediate image is kept alive. With no steps, the source itself is returned.
     *
     * @throws dev.pixelstep.spi.OperationCancelledException if the
     *         {@linkplain dev.pixelstep.spi.Cancellation#current() current cancellation} happens
     */
    public BufferedImage apply(BufferedImage source) {
        BufferedImage current = source;
        for (ChainStep step : steps) {
            current = step.apply(current);
        }
        return current;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OperationChain other && toString().equals(other.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    /** The canonical text, e.g. {@code grayscale, blur(radius=4)}; empty for the empty chain. */
    @Override
    public String toString() {
        return steps.stream().map(ChainStep::toString).collect(Collectors.joining(", "));
    }
}
