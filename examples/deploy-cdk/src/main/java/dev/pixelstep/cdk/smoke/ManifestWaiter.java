package dev.pixelstep.cdk.smoke;

import dev.pixelstep.s3.MissingObjects;
import dev.pixelstep.statemachine.Manifest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Waits for a run's manifest, {@code <key>/manifest.json} in the output bucket, by reading it every
 * {@link #POLL_INTERVAL} until it is there or the time is up. A missing object answers 404 only to a
 * caller with {@code s3:ListBucket} on the bucket (403 otherwise, which is reported, not waited on).
 */
public final class ManifestWaiter {

    /** How often the manifest is looked for. */
    public static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

    private final S3Client s3;
    private final Clock clock;
    private final Duration interval;

    /** A waiter on the system clock that polls every {@link #POLL_INTERVAL}. */
    public ManifestWaiter(S3Client s3) {
        this(s3, Clock.systemUTC(), POLL_INTERVAL);
    }

    /** A waiter with its own clock and polling interval. */
    public ManifestWaiter(S3Client s3, Clock clock, Duration interval) {
        this.s3 = s3;
        this.clock = clock;
        this.interval = interval;
    }

    /**
     * The manifest of input key {@code key}, once it exists.
     *
     * @throws IllegalStateException when it does not appear within {@code timeout}, or is not a manifest
     * @throws InterruptedException  when interrupted while waiting
     */
    public Manifest await(String outputBucket, String key, Duration timeout) throws InterruptedException {
        String manifest = Manifest.keyFor(key);
        Instant deadline = clock.instant().plus(timeout);
        while (true) {
            try {
                byte[] bytes = s3.getObjectAsBytes(b -> b.bucket(outputBucket).key(manifest)).asByteArray();
                return Manifest.parse(bytes);
            } catch (S3Exception e) {
                if (!MissingObjects.isMissing(e)) {
                    throw e;
                } // not written yet
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("s3://" + outputBucket + "/" + manifest + " is " + e.getMessage(), e);
            }
            if (!clock.instant().isBefore(deadline)) {
                throw new IllegalStateException("no s3://" + outputBucket + "/" + manifest + " after " + timeout.toSeconds()
                        + " s: the run did not finish (look at the dead-letter queue, the rule's FailedInvocations and the executions)");
            }
            Thread.sleep(interval.toMillis());
        }
    }
}
