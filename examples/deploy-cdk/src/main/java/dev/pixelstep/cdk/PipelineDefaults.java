package dev.pixelstep.cdk;

import java.time.Duration;
import java.util.OptionalInt;

/**
 * The defaults of {@link PixelstepPipelineProps}, with the reasons for them.
 */
public final class PipelineDefaults {

    /**
     * The processor: 2048 MB and 5 minutes. It holds the decoded source, the combined result and
     * one independent result at a time (4 bytes a pixel: 200 MB each for a 50-megapixel image, the
     * default limit) plus the encoders' buffers, and at 2048 MB Lambda gives it more than one full
     * vCPU for the pixel loops. Five minutes leave a wide margin over a 16-operation chain on a
     * 50-megapixel image; the state machine's own task timeout is 15 minutes.
     *
     * <p>At most {@value #RESERVED_CONCURRENCY} instances at once (see {@link #RESERVED_CONCURRENCY}).
     */
    public static final FunctionSizing PROCESSOR = new FunctionSizing(2048, Duration.ofMinutes(5), OptionalInt.of(PipelineDefaults.RESERVED_CONCURRENCY));

    /**
     * The analyser: 1024 MB and 2 minutes. It decodes one image and counts its pixels (one pass,
     * no second raster), then draws a small chart. At most {@value #RESERVED_CONCURRENCY} instances
     * at once, like the processor: every running execution holds at most one of each.
     */
    public static final FunctionSizing ANALYSER = new FunctionSizing(1024, Duration.ofMinutes(2), OptionalInt.of(PipelineDefaults.RESERVED_CONCURRENCY));

    /**
     * {@code JAVA_TOOL_OPTIONS} of both functions: the full JIT ({@code -XX:TieredStopAtLevel=4}).
     *
     * <p>Lambda's Java 17 and 21 runtimes start the JVM with {@code -XX:TieredStopAtLevel=1}, which
     * stops at the C1 compiler; the functions helper measured pixel loops about ten times slower
     * that way than with C2. Lambda's Java 25 runtime keeps the full JIT when SnapStart is on, so
     * with the defaults (java25, SnapStart) this setting restates the runtime's own choice; it is
     * set anyway so that the functions stay on C2 when deployed on java21 or with SnapStart off.
     * Much of the JIT warm-up it costs happens in the functions' SnapStart priming hooks, before the
     * snapshot is taken. The serial collector stays (Lambda's default, right for one or two vCPUs).
     *
     * <p>{@code -XX:InitialRAMPercentage=100} starts the heap at the maximum the runtime sets
     * ({@code -XX:MaxHeapSize}, 85% of the function's memory; the JVM caps the initial size there,
     * so it never fails whatever the memory). Otherwise the heap starts at 1/64 of the memory and
     * grows over many invocations; until then the young generation is too small to let an image
     * die in it, and every young collection copies the live 52 MB images of a 13 MP job into the
     * old generation (six collections a job instead of one or two). Pages are still touched only
     * when used.
     */
    public static final String JVM_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=4 -XX:InitialRAMPercentage=100";

    /** The name of the Lambda and state machine aliases the pipeline runs through. */
    public static final String ALIAS = "live";

    /**
     * Reserved concurrency of each function: 100. A burst of uploads then takes at most 200 of the
     * account's concurrency (1,000 by default) and leaves the rest to other workloads, while the
     * state machine's long, jittered retries on {@code Lambda.TooManyRequestsException} queue the
     * executions that find every instance busy. With about 2 s a request, 100 processors finish
     * 10,000 uploads in about 4 minutes, inside the retry window (the README's burst model).
     */
    public static final int RESERVED_CONCURRENCY = 100;

    /**
     * How often EventBridge retries starting an execution before the event goes to the dead-letter
     * queue: 185, EventBridge's maximum, so that StartExecution throttling in a burst is retried
     * rather than dead-lettered.
     */
    public static final int EVENT_RETRY_ATTEMPTS = 185;

    /** How long EventBridge keeps retrying one event: 24 hours, EventBridge's maximum. */
    public static final Duration EVENT_MAX_AGE = Duration.ofHours(24);

    /** Days the S3 server access logs of both buckets are kept. */
    public static final int ACCESS_LOG_EXPIRATION_DAYS = 90;

    /**
     * A function's duration alarm fires when its slowest invocation in 5 minutes passes this share
     * of its timeout: 80%, time enough to raise the timeout or the memory before invocations time out.
     */
    public static final double DURATION_ALARM_SHARE_OF_TIMEOUT = 0.8;

    private PipelineDefaults() {
    }
}
