package dev.pixelstep.benchmarks.job;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import java.util.Locale;
import java.util.Optional;

/**
 * The network between a Lambda function and S3, simulated on a loopback S3Proxy: every call waits
 * a latency before it is sent, and as long as its bytes take at a bandwidth (the request's body on
 * the way out, the response's {@code Content-Length} on the way back), on the calling thread and
 * without using a processor, as a blocking call on a real network does. Set with the system
 * property {@code pixelstep.job.s3Link=<latency ms>,<MB/s>} (for example {@code 20,80}); absent, the
 * harness measures loopback as it always did.
 */
final class SimulatedLink implements ExecutionInterceptor {

    /** The system property that sets the link. */
    static final String PROPERTY = "pixelstep.job.s3Link";

    private final long latencyMs;
    private final double bytesPerMs;

    private SimulatedLink(long latencyMs, double megabytesPerSecond) {
        this.latencyMs = latencyMs;
        this.bytesPerMs = megabytesPerSecond * 1_000_000 / 1000;
    }

    /** The link the system property asks for, if any. */
    static Optional<SimulatedLink> fromSystemProperty() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String[] parts = value.split(",");
        if (parts.length != 2) {
            throw new IllegalArgumentException(PROPERTY + " is <latency ms>,<MB/s>, e.g. 20,80; got " + value);
        }
        return Optional.of(new SimulatedLink(Long.parseLong(parts[0].trim()), Double.parseDouble(parts[1].trim())));
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        long body = context.requestBody().flatMap(b -> b.optionalContentLength()).orElse(0L);
        pause(latencyMs + (long) (body / bytesPerMs));
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        long body = context.httpResponse().firstMatchingHeader("Content-Length").map(Long::parseLong).orElse(0L);
        pause((long) (body / bytesPerMs));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d ms latency, %.0f MB/s a call", latencyMs, bytesPerMs * 1000 / 1_000_000);
    }

    private static void pause(long ms) {
        if (ms <= 0) {
            return;
        }
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
