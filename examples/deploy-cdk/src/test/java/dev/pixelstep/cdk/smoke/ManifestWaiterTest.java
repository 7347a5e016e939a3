package dev.pixelstep.cdk.smoke;

import dev.pixelstep.functions.support.S3ProxyServer;
import dev.pixelstep.statemachine.Manifest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Waiting for a manifest on a real S3 API (S3Proxy): it arrives while the waiter polls, or the wait ends with a message. */
class ManifestWaiterTest {

    private static S3ProxyServer s3;

    @BeforeAll
    static void start() {
        s3 = S3ProxyServer.start();
        s3.createBucket("out");
    }

    @AfterAll
    static void stop() {
        s3.close();
    }

    @Test
    void returnsTheManifestOnceItIsWritten() throws Exception {
        ManifestWaiter waiter = new ManifestWaiter(s3.client(), Clock.systemUTC(), Duration.ofMillis(50));
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> s3.put("out", "a/photo.jpg/manifest.json",
                ("{\"schema\":\"" + Manifest.SCHEMA + "\",\"status\":\"SUCCEEDED\",\"input\":{\"key\":\"a/photo.jpg\"},\"outputs\":{}}")
                        .getBytes(StandardCharsets.UTF_8), Map.of()),
                CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));
        long start = System.nanoTime();
        Manifest manifest = waiter.await("out", "a/photo.jpg", Duration.ofSeconds(10));
        writer.join();
        assertEquals(Manifest.Status.SUCCEEDED, manifest.status());
        assertEquals("a/photo.jpg", manifest.input().key());
        assertTrue(System.nanoTime() - start >= 250_000_000L, "it waited for the manifest");
    }

    @Test
    void endsWithAMessageWhenNoManifestArrives() {
        ManifestWaiter waiter = new ManifestWaiter(s3.client(), Clock.systemUTC(), Duration.ofMillis(20));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> waiter.await("out", "never.jpg", Duration.ofMillis(200)));
        assertTrue(e.getMessage().startsWith("no s3://out/never.jpg/manifest.json after 0 s: the run did not finish"), e.getMessage());
    }

    @Test
    void aManifestThatIsNotJsonIsReported() {
        s3.put("out", "broken.jpg/manifest.json", "{not json".getBytes(StandardCharsets.UTF_8), Map.of());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new ManifestWaiter(s3.client()).await("out", "broken.jpg", Duration.ofSeconds(1)));
        assertTrue(e.getMessage().startsWith("s3://out/broken.jpg/manifest.json is not a pixelstep manifest"), e.getMessage());
    }
}
