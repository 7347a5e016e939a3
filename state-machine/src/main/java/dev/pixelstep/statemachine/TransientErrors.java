package dev.pixelstep.statemachine;

import java.util.List;
import java.util.stream.Stream;

/**
 * The retry contract of the pipeline, in one place: the error names the state machine retries on
 * every Lambda task, and how. Every other error is final: it is caught and ends in a
 * {@code FAILED} manifest at once. The published definition ({@value PipelineDefinition#DEFINITION})
 * writes these lists out, and both the state machine's tests and the functions' tests read them
 * from here: the first check that every Lambda task retries exactly these, the second that the
 * functions raise exactly {@link #FUNCTION_ERRORS} for transient faults and never for bad input.
 *
 * <p>Two retriers, in this order:
 * <ol>
 *   <li>{@link #THROTTLING}: Lambda is at its concurrency limit (a burst of uploads against the
 *       function's reserved concurrency). Retried for long, so that a burst drains instead of
 *       failing: {@value #THROTTLING_INTERVAL_SECONDS} s, doubling, at most
 *       {@value #THROTTLING_MAX_DELAY_SECONDS} s apart, {@value #THROTTLING_MAX_ATTEMPTS} attempts,
 *       full jitter (about 11 minutes of waiting at most).</li>
 *   <li>{@link #SERVICE_ERRORS} and {@link #FUNCTION_ERRORS}: faults of the Lambda service and of
 *       S3 inside a function, which a later attempt gets past:
 *       {@value #TRANSIENT_INTERVAL_SECONDS} s, doubling, at most
 *       {@value #TRANSIENT_MAX_DELAY_SECONDS} s apart, {@value #TRANSIENT_MAX_ATTEMPTS} attempts,
 *       full jitter.</li>
 * </ol>
 */
public final class TransientErrors {

    /**
     * Lambda's throttling error: the function is at its concurrency limit.
     */
    public static final List<String> THROTTLING = List.of("Lambda.TooManyRequestsException");

    /**
     * Transient Lambda service errors: the four AWS's Step Functions guide recommends retrying
     * ("Handle Lambda service exceptions") and the three SnapStart errors of invoking a version
     * whose snapshot is being restored or re-activated (Lambda guide, "Troubleshooting SnapStart errors").
     */
    public static final List<String> SERVICE_ERRORS = List.of(
            "Lambda.ClientExecutionTimeoutException",
            "Lambda.ServiceException",
            "Lambda.AWSLambdaException",
            "Lambda.SdkClientException",
            "Lambda.SnapStartException",
            "Lambda.SnapStartTimeoutException",
            "Lambda.SnapStartNotReadyException");

    /**
     * The errors the pixelstep functions raise for transient faults (S3 throttling, 5xx and network
     * faults once the SDK's own retries are spent), as Lambda reports them: the exception's fully
     * qualified class name.
     */
    public static final List<String> FUNCTION_ERRORS = List.of("dev.pixelstep.functions.error.TransientException");

    /** First wait of the throttling retrier, in seconds. */
    public static final int THROTTLING_INTERVAL_SECONDS = 2;
    /** Longest wait of the throttling retrier, in seconds. */
    public static final int THROTTLING_MAX_DELAY_SECONDS = 60;
    /** Attempts of the throttling retrier. */
    public static final int THROTTLING_MAX_ATTEMPTS = 15;
    /** First wait of the transient-fault retrier, in seconds. */
    public static final int TRANSIENT_INTERVAL_SECONDS = 2;
    /** Longest wait of the transient-fault retrier, in seconds. */
    public static final int TRANSIENT_MAX_DELAY_SECONDS = 30;
    /** Attempts of the transient-fault retrier. */
    public static final int TRANSIENT_MAX_ATTEMPTS = 6;
    /** Both retriers double the wait after each attempt. */
    public static final double BACKOFF_RATE = 2.0;
    /** Both retriers wait a random time up to the computed wait. */
    public static final String JITTER = "FULL";

    private TransientErrors() {
    }

    /** The error names of the second retrier: {@link #SERVICE_ERRORS}, then {@link #FUNCTION_ERRORS}. */
    public static List<String> transientFaults() {
        return Stream.concat(SERVICE_ERRORS.stream(), FUNCTION_ERRORS.stream()).toList();
    }

    /** Every error name the state machine retries. */
    public static List<String> all() {
        return Stream.concat(THROTTLING.stream(), transientFaults().stream()).toList();
    }
}
