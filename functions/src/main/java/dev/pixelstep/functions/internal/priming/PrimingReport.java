package dev.pixelstep.functions.internal.priming;

import java.util.List;

/**
 * What a priming run did.
 *
 * @param steps    the parts of the path that were exercised, e.g. {@code decode-jpeg}
 * @param failures parts that failed (priming never fails the checkpoint), with their error
 * @param millis   how long it took
 * @param jit      what the JIT warm-up did ({@link JitWarmUp.Result#NONE} when none ran)
 */
public record PrimingReport(List<String> steps, List<String> failures, long millis, JitWarmUp.Result jit) {

    public PrimingReport {
        steps = List.copyOf(steps);
        failures = List.copyOf(failures);
    }
}
