package dev.pixelstep.asl.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Simulated time for tests and fast-forward runs: a {@link Clock} that only moves when asked, a
 * {@link Sleeper} that, instead of sleeping, records the requested duration and advances the clock by it, and a
 * {@link Timer} whose actions run, on the thread that moves the clock, once the clock has reached their time.
 * Thread-safe.
 */
public final class SimulatedTime {

    private final Object lock = new Object();
    private final List<Duration> sleeps = new ArrayList<>();
    private final PriorityQueue<Pending> pending = new PriorityQueue<>(
            Comparator.comparing(Pending::due).thenComparingLong(Pending::order));
    private final AtomicLong order = new AtomicLong();
    private Instant now;

    /** @param start the clock's initial instant */
    public SimulatedTime(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    /** The current simulated instant. */
    public Instant now() {
        synchronized (lock) {
            return now;
        }
    }

    /** Moves the clock forward, then runs the timer's actions that have become due, in the order of their time. */
    public void advance(Duration duration) {
        synchronized (lock) {
            now = now.plus(duration);
        }
        runDue();
    }

    /** Every duration slept so far, in order. */
    public List<Duration> sleeps() {
        synchronized (lock) {
            return List.copyOf(sleeps);
        }
    }

    /** The sleeper: records and advances, never blocks (but honours interruption). */
    public Sleeper sleeper() {
        return duration -> {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            synchronized (lock) {
                sleeps.add(duration);
                now = now.plus(duration);
            }
            runDue();
        };
    }

    /** The timer: its actions run when {@link #advance} or the sleeper moves the clock to their time. */
    public Timer timer() {
        return new Timer() {
            @Override
            public Scheduled at(Instant when, Runnable action) {
                Pending scheduled = new Pending(when, order.incrementAndGet(), action);
                synchronized (lock) {
                    pending.add(scheduled);
                }
                runDue();
                return () -> {
                    synchronized (lock) {
                        pending.remove(scheduled);
                    }
                };
            }

            @Override
            public void close() {
                synchronized (lock) {
                    pending.clear();
                }
            }
        };
    }

    private void runDue() {
        while (true) {
            Pending due;
            synchronized (lock) {
                due = pending.peek();
                if (due == null || due.due().isAfter(now)) {
                    return;
                }
                pending.poll();
            }
            due.action().run();
        }
    }

    private record Pending(Instant due, long order, Runnable action) {
    }

    /** The clock, in UTC. */
    public Clock clock() {
        return new SimulatedClock(ZoneOffset.UTC);
    }

    private final class SimulatedClock extends Clock {
        private final ZoneId zone;

        SimulatedClock(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId newZone) {
            return new SimulatedClock(newZone);
        }

        @Override
        public Instant instant() {
            return now();
        }
    }
}
