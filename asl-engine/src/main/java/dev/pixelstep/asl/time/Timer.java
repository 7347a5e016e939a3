package dev.pixelstep.asl.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How an engine enforces its time limits: the state machine's {@code TimeoutSeconds} and a task's
 * {@code TimeoutSeconds} and {@code HeartbeatSeconds} are actions scheduled on a timer. It must follow the same
 * time as the engine's clock and sleeper: {@link #system(Clock)} for real time, {@link SimulatedTime#timer()} for
 * simulated time, where limits fire when the test advances the clock and no test ever sleeps for them.
 */
public interface Timer extends AutoCloseable {

    /** A scheduled action, which can be cancelled until it has run. */
    @FunctionalInterface
    interface Scheduled {
        /** Cancels the action; nothing happens when it has run already. */
        void cancel();
    }

    /**
     * Runs {@code action} once when the timer's clock reaches {@code when} (at once when it has), on a thread of
     * the timer's. An instant rather than a delay, so that the time between reading the clock and scheduling
     * never makes a limit late.
     */
    Scheduled at(Instant when, Runnable action);

    /** Cancels every action still scheduled. */
    @Override
    void close();

    /** Real time by {@code clock}: one daemon thread runs the actions. */
    static Timer system(Clock clock) {
        AtomicInteger threads = new AtomicInteger();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "asl-timer-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        return new Timer() {
            @Override
            public Scheduled at(Instant when, Runnable action) {
                long delay = Math.max(0, Duration.between(clock.instant(), when).toNanos());
                ScheduledFuture<?> future = executor.schedule(action, delay, TimeUnit.NANOSECONDS);
                return () -> future.cancel(false);
            }

            @Override
            public void close() {
                executor.shutdownNow();
            }
        };
    }
}
