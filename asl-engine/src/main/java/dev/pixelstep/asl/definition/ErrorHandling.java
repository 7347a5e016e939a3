package dev.pixelstep.asl.definition;

import java.util.List;

/**
 * The Retry and Catch fields of a Task, Parallel or Map state.
 *
 * @param retriers the retriers, in order
 * @param catchers the catchers, in order
 */
public record ErrorHandling(List<Retrier> retriers, List<Catcher> catchers) {

    /** Neither Retry nor Catch. */
    public static final ErrorHandling NONE = new ErrorHandling(List.of(), List.of());

    /** Copies the lists. */
    public ErrorHandling {
        retriers = List.copyOf(retriers);
        catchers = List.copyOf(catchers);
    }
}
