package dev.pixelstep.local.runtime;

import dev.pixelstep.local.RuntimeConfig;
import dev.pixelstep.local.storage.EmbeddedS3;
import dev.pixelstep.testkit.photos.TestPhotos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A heavy chain does not hold up light runs, and the queue of waiting uploads is bounded with
 * back-pressure that loses nothing (issue 11, item 11).
 */
class FairnessTest {

    @Test
    void theQueueIsBoundedByRefusingUploadsWithSlowDownAndNothingIsLost(@TempDir Path data) throws Exception {
        int uploads = 10;
        int maxPending = 2;
        RuntimeConfig defaults = LocalStack.config(data, 1);
        RuntimeConfig config = new RuntimeConfig(data, defaults.host(), 0, defaults.inputBucket(), defaults.outputBucket(), 1,
                defaults.functionZip(), defaults.layers(), defaults.heavyWork(), maxPending);
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger mostWaiting = new AtomicInteger();
        AtomicReference<Exception> unexpected = new AtomicReference<>();
        try (LocalStack stack = LocalStack.start(config, UnaryOperator.identity());
             S3Client noRetries = S3Client.builder().endpointOverride(stack.pipeline.endpoint()).region(EmbeddedS3.REGION)
                     .credentialsProvider(stack.pipeline.storage().credentials().provider())
                     .forcePathStyle(true).httpClient(UrlConnectionHttpClient.create())
                     .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                     .overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(1))).build()) {
            List<Thread> clients = new ArrayList<>();
            for (int i = 0; i < uploads; i++) {
                int n = i;
                Thread client = new Thread(() -> {
                    while (true) {
                        try {
                            noRetries.putObject(b -> b.bucket(LocalStack.INPUT).key("queue/" + n + ".png")
                                    .metadata(Map.of("operations", "grayscale")), RequestBody.fromBytes(LocalStack.png(40, 30, n)));
                            return;
                        } catch (S3Exception e) {
                            if (e.statusCode() == 503 && "SlowDown".equals(e.awsErrorDetails().errorCode())) {
                                refused.incrementAndGet();
                            } else {
                                unexpected.set(e);
                            }
                        } catch (SdkClientException e) {
                            // a pooled connection the server closed after a refusal: S3 clients retry these too
                        }
                        mostWaiting.accumulateAndGet(stack.pipeline.queued(), Math::max);
                        sleep(50);
                    }
                });
                clients.add(client);
                client.start();
            }
            for (Thread client : clients) {
                client.join();
            }
            for (int i = 0; i < uploads; i++) {
                assertEquals("SUCCEEDED", stack.awaitManifest("queue/" + i + ".png", Duration.ofMinutes(2)).path("status").asText());
            }
        }
        assertNull(unexpected.get(), "refused with 503 SlowDown, nothing else");
        assertTrue(refused.get() > 0, "uploads beyond the bound were refused with 503 SlowDown");
        assertTrue(mostWaiting.get() <= maxPending, "at most " + maxPending + " waited: " + mostWaiting.get());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aLightRunIsNotStuckBehindAHeavyOne(@TempDir Path data) throws Exception {
        Path photo = TestPhotos.all().stream().filter(p -> p.getFileName().toString().equals("Elephants_3840x2160.jpg"))
                .findFirst().orElseThrow();
        // 8.3 MP through six operations: about 50 M pixel-operations, the heavy lane.
        String heavyChain = "blur(radius=40), emboss, blur(radius=40), edge-detect, blur(radius=40), sharpen";
        try (LocalStack stack = LocalStack.start(data, 1)) {
            stack.upload("heavy.jpg", Files.readAllBytes(photo), heavyChain);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (stack.pipeline.engine().executions().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(!stack.pipeline.engine().executions().isEmpty(), "the heavy run started");

            stack.upload("light.png", LocalStack.png(48, 32, 1), "invert");
            assertEquals("SUCCEEDED", stack.awaitManifest("light.png", Duration.ofMinutes(3)).path("status").asText());
            assertNull(stack.manifest("heavy.jpg"), "the light run finished while the heavy one was still running");
        }
    }
}
