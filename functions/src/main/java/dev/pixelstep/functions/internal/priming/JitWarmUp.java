package dev.pixelstep.functions.internal.priming;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * Repeats a priming round until HotSpot's JIT compilers have (nearly) stopped compiling, so that a
 * SnapStart snapshot holds the hot path compiled by C2 instead of leaving that work, and the
 * slower code before it, to the first requests after every restore. A round is settled when the
 * compilers spent at most {@value #SETTLED_PERCENT}% of its time compiling; after at least
 * {@value #MIN_ROUNDS} rounds the first settled one ends the warm-up, and so do {@value #MAX_ROUNDS}
 * rounds or the time budget; then it waits (at most {@value #QUIET_WAIT_MILLIS} ms) until the
 * compile queue is quiet. Where the JVM does not report its compile time, it runs {@value #MIN_ROUNDS}
 * rounds. Compile time is the JVM's {@link CompilationMXBean#getTotalCompilationTime}, summed over
 * the compiler threads.
 */
public final class JitWarmUp {

    /** The time budget of the functions' priming: well inside SnapStart's initialisation limit (at least 130 s). */
    public static final Duration BUDGET = Duration.ofSeconds(20);

    static final int MIN_ROUNDS = 3;
    static final int MAX_ROUNDS = 40;
    static final int SETTLED_PERCENT = 5;
    static final long QUIET_WAIT_MILLIS = 2_000;
    private static final long QUIET_POLL_MILLIS = 100;

    private final Duration budget;

    /** A warm-up that stops after {@code budget} at the latest. */
    public JitWarmUp(Duration budget) {
        this.budget = budget;
    }

    /**
     * What a warm-up did.
     *
     * @param rounds    rounds run
     * @param millis    how long they and the wait for a quiet compile queue took
     * @param compiling the compilers' time during the rounds, in ms ({@code -1} where the JVM does not report it)
     * @param settled   whether the last round was settled (not stopped by the budget or the round limit)
     */
    public record Result(int rounds, long millis, long compiling, boolean settled) {

        /** No warm-up ran. */
        public static final Result NONE = new Result(0, 0, -1, false);
    }

    /** Runs {@code round} until the compilers settle, the budget is spent or {@value #MAX_ROUNDS} rounds ran. */
    public Result run(Runnable round) {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        boolean measured = jit != null && jit.isCompilationTimeMonitoringSupported();
        long start = System.nanoTime();
        long deadline = start + budget.toNanos();
        long compiledAtStart = measured ? jit.getTotalCompilationTime() : 0;
        int rounds = 0;
        boolean settled = false;
        while (rounds < MAX_ROUNDS) {
            long roundStart = System.nanoTime();
            long compiled = measured ? jit.getTotalCompilationTime() : 0;
            round.run();
            rounds++;
            long roundMillis = Math.max(1, (System.nanoTime() - roundStart) / 1_000_000);
            if (measured) {
                long compiling = jit.getTotalCompilationTime() - compiled;
                settled = compiling * 100 <= roundMillis * SETTLED_PERCENT;
            }
            if (rounds >= MIN_ROUNDS && (settled || !measured) || System.nanoTime() - deadline >= 0) {
                break;
            }
        }
        if (measured) {
            awaitQuiet(jit);
        }
        long compiling = measured ? jit.getTotalCompilationTime() - compiledAtStart : -1;
        return new Result(rounds, (System.nanoTime() - start) / 1_000_000, compiling, measured && settled);
    }

    /** Waits until the compile time stops growing for one poll (compilations queued by the last round end). */
    private static void awaitQuiet(CompilationMXBean jit) {
        long end = System.nanoTime() + QUIET_WAIT_MILLIS * 1_000_000;
        long last = jit.getTotalCompilationTime();
        while (System.nanoTime() - end < 0) {
            try {
                Thread.sleep(QUIET_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long now = jit.getTotalCompilationTime();
            if (now == last) {
                return;
            }
            last = now;
        }
    }
}
