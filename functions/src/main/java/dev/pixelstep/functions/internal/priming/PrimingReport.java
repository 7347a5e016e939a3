package dev.pixelstep.functions.internal.priming;

import java.util.List;

/**
 * What a priming run did.
 *
 * @param steps    the parts of the path that were exercised, e.g. {@code decode-jpeg}
 * @param failures parts that failed (priming never fails the checkpoint), with their error
 * @param millis   how long it took
 */
public record PrimingReport(List<String> steps, List<String> failures, long millis) {

    public PrimingReport {
        steps = List.copyOf(steps);
        failures = List.copyOf(failures);
    }
}
