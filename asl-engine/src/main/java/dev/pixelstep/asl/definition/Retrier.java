package dev.pixelstep.asl.definition;

import dev.pixelstep.asl.error.ErrorNames;
import java.time.Duration;
import java.util.List;
import java.util.Random;

/**
 * One element of a state's Retry field.
 *
 * @param errorEquals      the error names it handles
 * @param intervalSeconds  the delay before the first retry (default 1)
 * @param maxAttempts      the maximum number of retries (default 3; 0 never retries)
 * @param backoffRate      the multiplier of the delay for each further retry (default 2.0)
 * @param maxDelaySeconds  the cap on any delay, or null for none
 * @param jitterStrategy   the jitter applied to each delay (default NONE)
 */
public record Retrier(List<String> errorEquals, int intervalSeconds, int maxAttempts, double backoffRate,
                      Integer maxDelaySeconds, JitterStrategy jitterStrategy) {

    /** Default IntervalSeconds. */
    public static final int DEFAULT_INTERVAL_SECONDS = 1;
    /** Default MaxAttempts. */
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    /** Default BackoffRate. */
    public static final double DEFAULT_BACKOFF_RATE = 2.0;

    /** Copies the error list. */
    public Retrier {
        errorEquals = List.copyOf(errorEquals);
    }

    /** Whether this retrier handles an error. */
    public boolean handles(String error) {
        return ErrorNames.matches(errorEquals, error);
    }

    /**
     * The delay before a retry: {@code IntervalSeconds * BackoffRate^retryIndex}, capped by MaxDelaySeconds, then,
     * with FULL jitter, a uniformly random fraction of it.
     *
     * @param retryIndex the number of retries this retrier has already made (0 for the first retry)
     * @param random     the random source for jitter
     */
    public Duration delay(int retryIndex, Random random) {
        double seconds = intervalSeconds * Math.pow(backoffRate, retryIndex);
        if (maxDelaySeconds != null) {
            seconds = Math.min(seconds, maxDelaySeconds);
        }
        if (jitterStrategy == JitterStrategy.FULL) {
            seconds = random.nextDouble() * seconds;
        }
        return Duration.ofMillis(Math.round(Math.min(seconds, Long.MAX_VALUE / 1000.0) * 1000));
    }
}
