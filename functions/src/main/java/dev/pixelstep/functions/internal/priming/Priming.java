package dev.pixelstep.functions.internal.priming;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs named priming steps one after another; a failing step is recorded and the rest still run,
 * because priming must never break a checkpoint.
 */
public final class Priming {

    private final List<String> steps = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final long start = System.nanoTime();

    /** Runs {@code step} and records it under {@code name}. */
    public Priming run(String name, Runnable step) {
        try {
            step.run();
            steps.add(name);
        } catch (RuntimeException | LinkageError e) {
            failures.add(name + ": " + e);
        }
        return this;
    }

    /** The report of every step run so far. */
    public PrimingReport report() {
        return new PrimingReport(steps, failures, (System.nanoTime() - start) / 1_000_000);
    }
}
