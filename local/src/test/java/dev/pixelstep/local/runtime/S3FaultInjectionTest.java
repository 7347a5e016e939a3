package dev.pixelstep.local.runtime;

import dev.pixelstep.asl.ExecutionStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * S3 answering 500 and 503 and answering slowly, at a set rate, between every client (the test's,
 * the functions', the manifest writer's) and the store: the faults are recovered by retries and no
 * upload ends FAILED because of them. Every S3 client involved is the AWS SDK's with its default
 * retry policy (4 attempts, back-off, SlowDown treated as throttling), so the faults are capped at
 * 3 in a row per request: the most that policy promises to absorb.
 */
class S3FaultInjectionTest {

    @Test
    void transientS3FaultsBelowWhatRetriesAbsorbFailNoUpload(@TempDir Path data) throws Exception {
        int uploads = 16;
        AtomicReference<FaultyBlobStore> faulty = new AtomicReference<>();
        try (LocalStack stack = LocalStack.start(LocalStack.config(data, 2), store -> {
            faulty.set(new FaultyBlobStore(store, 0.15, 0.05, 300, 3, 42));
            return faulty.get();
        })) {
            List<Thread> clients = new ArrayList<>();
            for (int i = 0; i < uploads; i++) {
                int n = i;
                Thread client = new Thread(() -> stack.upload("faults/" + n + ".png", LocalStack.png(40, 30, n), "grayscale, sepia"));
                clients.add(client);
                client.start();
            }
            for (Thread client : clients) {
                client.join();
            }
            for (int i = 0; i < uploads; i++) {
                assertEquals("SUCCEEDED", stack.awaitManifest("faults/" + i + ".png", Duration.ofMinutes(2)).path("status").asText(),
                        "upload " + i);
            }
            FaultyBlobStore store = faulty.get();
            System.out.printf("injected %d faults and %d slow answers into %d S3 requests%n", store.faults.get(),
                    store.slowed.get(), store.requests.get());
            assertTrue(store.faults.get() >= uploads, "faults were injected: " + store.faults.get());
            assertTrue(store.slowed.get() > 0, "slow answers were injected");
            for (int i = 0; i < uploads; i++) {
                assertEquals(ExecutionStatus.SUCCEEDED, LocalStack.awaitRecord(data, "faults/" + i + ".png").status());
            }
        }
    }
}
