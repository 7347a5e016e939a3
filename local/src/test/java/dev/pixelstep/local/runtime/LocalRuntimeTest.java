package dev.pixelstep.local.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pixelstep.asl.ExecutionStatus;
import dev.pixelstep.testkit.photos.TestPhotos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole workflow on one machine: real S3 API, real events, the published state machine, the real zips. */
class LocalRuntimeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofMinutes(2);

    @Test
    void aRealPhotoGoesThroughTheWholeWorkflow(@TempDir Path data) throws Exception {
        Path photo = TestPhotos.jpeg();
        BufferedImage original = ImageIO.read(photo.toFile());
        try (LocalStack stack = LocalStack.start(data, 2)) {
            String key = "holiday/Été 2026 + friends.jpg";
            stack.upload(key, Files.readAllBytes(photo), "grayscale, blur(radius=4)");
            JsonNode manifest = stack.awaitManifest(key, WAIT);

            assertEquals("SUCCEEDED", manifest.path("status").asText(), manifest.toString());
            assertEquals("pixelstep/manifest/v1", manifest.path("schema").asText());
            assertEquals("grayscale, blur(radius=4)", manifest.path("chain").asText());
            JsonNode outputs = manifest.path("outputs");
            assertImage(stack.output(outputs.path("combined").asText()), original.getWidth(), original.getHeight());
            assertEquals(2, outputs.path("independent").size());
            assertEquals(key + "/independent/01-grayscale.jpg", outputs.path("independent").get(0).asText());
            for (JsonNode independent : outputs.path("independent")) {
                assertImage(stack.output(independent.asText()), original.getWidth(), original.getHeight());
            }
            for (String label : List.of("histogramOriginal", "histogramCombined")) {
                JsonNode histogram = JSON.readTree(stack.output(outputs.path(label).path("histogram").asText()));
                long pixels = (long) original.getWidth() * original.getHeight();
                assertEquals(pixels, histogram.path("pixels").asLong(), label);
                for (JsonNode channel : histogram.path("channels")) {
                    long sum = 0;
                    for (JsonNode count : channel.path("counts")) {
                        sum += count.asLong();
                    }
                    assertEquals(pixels, sum, label + " counts add up to width x height");
                }
                assertNotNull(ImageIO.read(new ByteArrayInputStream(stack.output(outputs.path(label).path("chart").asText()))),
                        label + " chart is a PNG");
            }
            assertEquals(1, LocalRuntime.records(data).size());
            assertEquals(ExecutionStatus.SUCCEEDED, LocalRuntime.records(data).get(0).status());
        }
    }

    @Test
    void badUploadsEndInAFailedManifestAndTheRuntimeKeepsServing(@TempDir Path data) throws Exception {
        try (LocalStack stack = LocalStack.start(data, 2)) {
            stack.upload("not-an-image.jpg", "this is text, not a JPEG".getBytes(java.nio.charset.StandardCharsets.UTF_8), "grayscale");
            stack.upload("unknown-op.png", LocalStack.png(32, 24, 1), "grayscale, blurr(radius=4)");
            JsonNode notImage = stack.awaitManifest("not-an-image.jpg", WAIT);
            JsonNode unknownOp = stack.awaitManifest("unknown-op.png", WAIT);

            assertEquals("FAILED", notImage.path("status").asText());
            assertTrue(notImage.at("/error/type").asText().endsWith("UnsupportedImageException"), notImage.toString());
            assertEquals("FAILED", unknownOp.path("status").asText());
            assertTrue(unknownOp.at("/error/type").asText().endsWith("InvalidOperationsException"), unknownOp.toString());
            assertTrue(unknownOp.at("/error/message").asText().contains("unknown operation 'blurr'"), unknownOp.toString());
            assertTrue(unknownOp.at("/error/message").asText().contains("did you mean 'blur'?"), unknownOp.toString());

            stack.upload("fine.png", LocalStack.png(32, 24, 2), "invert");
            assertEquals("SUCCEEDED", stack.awaitManifest("fine.png", WAIT).path("status").asText());
        }
    }

    @Test
    void fiftyUploadsAtOnceAreAllProcessedExactlyOnce(@TempDir Path data) throws Exception {
        int uploads = 50;
        try (LocalStack stack = LocalStack.start(data, Runtime.getRuntime().availableProcessors())) {
            List<Thread> clients = new ArrayList<>();
            for (int i = 0; i < uploads; i++) {
                int n = i;
                Thread client = new Thread(() -> stack.upload("batch/" + n + ".png", LocalStack.png(48, 32, n), "grayscale, sepia"));
                clients.add(client);
                client.start();
            }
            for (Thread client : clients) {
                client.join();
            }
            for (int i = 0; i < uploads; i++) {
                assertEquals("SUCCEEDED", stack.awaitManifest("batch/" + i + ".png", WAIT).path("status").asText(), "upload " + i);
            }
            awaitRecords(data, uploads);
            List<ExecutionRecord> records = LocalRuntime.records(data);
            Set<String> keys = new HashSet<>();
            records.forEach(r -> keys.add(r.key()));
            assertEquals(uploads, records.size(), "one execution per upload, none duplicated");
            assertEquals(uploads, keys.size());
        }
    }

    @Test
    void uploadsPendingWhenTheRuntimeStopsAreProcessedAfterARestart(@TempDir Path data) throws Exception {
        int uploads = 6;
        try (LocalStack stack = LocalStack.start(data, 1)) {
            for (int i = 0; i < uploads; i++) {
                stack.upload("pending/" + i + ".png", LocalStack.png(400, 300, i), "blur(radius=20), sharpen");
            }
        }
        long finishedBefore = succeeded(data);
        assertTrue(finishedBefore < uploads, "the runtime stopped with work still queued (" + finishedBefore + " done)");
        try (LocalStack stack = LocalStack.start(data, 2)) {
            for (int i = 0; i < uploads; i++) {
                assertEquals("SUCCEEDED", stack.awaitManifest("pending/" + i + ".png", WAIT).path("status").asText());
            }
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (succeeded(data) < uploads && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Set<String> keys = new HashSet<>();
            for (ExecutionRecord r : LocalRuntime.records(data)) {
                if (r.status() == ExecutionStatus.SUCCEEDED) {
                    assertTrue(keys.add(r.key()), "processed twice: " + r.key());
                }
            }
            assertEquals(uploads, keys.size());
        }
    }

    private static long succeeded(Path data) {
        return LocalRuntime.records(data).stream().filter(r -> r.status() == ExecutionStatus.SUCCEEDED).count();
    }

    private static void awaitRecords(Path data, int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (LocalRuntime.records(data).size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    private static void assertImage(byte[] bytes, int width, int height) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertNotNull(image, "a readable image");
        assertEquals(width, image.getWidth());
        assertEquals(height, image.getHeight());
    }
}
