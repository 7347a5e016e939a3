package dev.pixelstep.asl.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Simulated time for tests and fast-forward runs: a {@link Clock} that only moves when asked and a
 * {@link Sleeper} that, instead of sleeping, records the requested duration and advances the clock by it.
 * Thread-safe.
 */
public final class SimulatedTime {

    private final Object lock = new Object();
    private final List<Duration> sleeps = new ArrayList<>();
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

    /** Moves the clock forward. */
    public void advance(Duration duration) {
        synchronized (lock) {
            now = now.plus(duration);
        }
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
        };
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
