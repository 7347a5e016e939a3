package dev.pixelstep.functions.internal.priming;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs named priming steps one after another; a failing step is recorded and the rest still run,
 * because priming must never break a checkpoint.
 */
public final class Priming {

    private final List<String> steps = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final long start = System.nanoTime();
    private JitWarmUp.Result jit = JitWarmUp.Result.NONE;

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

    /**
     * The step {@code jit}: makes the rounds' input with {@code setup} once, then runs {@code round}
     * on it under {@code warmUp} until the JIT settles; a failure ends it and is recorded like a
     * failing step's.
     */
    public <T> Priming warm(JitWarmUp warmUp, Supplier<T> setup, Consumer<T> round) {
        return run("jit", () -> {
            T input = setup.get();
            jit = warmUp.run(() -> round.accept(input));
        });
    }

    /** The report of every step run so far. */
    public PrimingReport report() {
        return new PrimingReport(steps, failures, (System.nanoTime() - start) / 1_000_000, jit);
    }
}
