package dev.pixelstep.asl.time;

import java.time.Duration;

/**
 * How an engine waits: Wait states and the delays between retries go through this, so tests and fast local runs
 * can replace real sleeping (see {@link SimulatedTime}).
 */
@FunctionalInterface
public interface Sleeper {

    /**
     * Waits for a duration.
     *
     * @throws InterruptedException when the waiting thread is interrupted (the execution or branch is stopped)
     */
    void sleep(Duration duration) throws InterruptedException;

    /** Real sleeping with {@link Thread#sleep(long)}. */
    static Sleeper system() {
        return duration -> {
            if (!duration.isZero() && !duration.isNegative()) {
                Thread.sleep(duration.toMillis());
            }
        };
    }
}
