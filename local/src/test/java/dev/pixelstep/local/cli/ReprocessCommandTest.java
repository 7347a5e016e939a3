package dev.pixelstep.local.cli;

import dev.pixelstep.local.Artifacts;
import dev.pixelstep.local.RuntimeConfig;
import dev.pixelstep.local.runtime.BulkProgress;
import dev.pixelstep.local.runtime.LocalRuntime;
import dev.pixelstep.statemachine.BulkReprocessDefinition;
import dev.pixelstep.statemachine.BulkSummary;
import dev.pixelstep.statemachine.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code pixelstep reprocess} end to end against a running stack (the real S3 API, the published bulk and image
 * pipeline state machines on the local engine, the real function zips), with an object that cannot be processed:
 * a run that tolerates its failure succeeds with every other object reprocessed with the new chain, and a run that
 * does not fails with States.ExceedToleratedFailureThreshold; both summaries count exactly.
 */
class ReprocessCommandTest {

    private static final String INPUT = RuntimeConfig.DEFAULT_INPUT_BUCKET;
    private static final String OUTPUT = RuntimeConfig.DEFAULT_OUTPUT_BUCKET;
    /** Sorts first, so that with one child at a time it is the first to fail; its name is a terminal escape sequence. */
    private static final String BROKEN = "bulk/0-broken\u001b[31m.png";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private int reprocess(Path data, String... args) {
        out.reset();
        List<String> argv = new java.util.ArrayList<>(List.of("reprocess", "--data", data.toString()));
        argv.addAll(List.of(args));
        return Main.run(argv, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private static byte[] png(int seed) throws IOException {
        BufferedImage image = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
        image.setRGB(seed % 32, 0, 0xffffff);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    @Test
    void failuresBelowTheToleratedThresholdLetTheRunSucceedAndAboveItFailTheRun(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        RuntimeConfig config = new RuntimeConfig(data, "127.0.0.1", 0, INPUT, OUTPUT, 2,
                Artifacts.extract(Artifacts.FUNCTION_ZIP, data.resolve("artifacts")), List.of(Artifacts.extract(Artifacts.LAYER_ZIP, data.resolve("artifacts"))));
        try (LocalRuntime serve = LocalRuntime.start(config, new PrintStream(OutputStream.nullOutputStream()))) {
            S3Client s3 = serve.storage().client();
            List<String> good = List.of("bulk/1.png", "bulk/2.png", "bulk/3.png", "bulk/4.png", "bulk/5.png", "bulk/a/6.png");
            for (int i = 0; i < good.size(); i++) {
                String key = good.get(i);
                byte[] bytes = png(i);
                s3.putObject(b -> b.bucket(INPUT).key(key).metadata(Map.of("operations", "grayscale")), RequestBody.fromBytes(bytes));
            }
            s3.putObject(b -> b.bucket(INPUT).key(BROKEN).metadata(Map.of("operations", "grayscale")),
                    RequestBody.fromString("this is text, not a PNG"));
            s3.putObject(b -> b.bucket(INPUT).key("bulk/folder/"), RequestBody.empty()); // a console "folder": no run, skipped
            s3.putObject(b -> b.bucket(INPUT).key("elsewhere.png"), RequestBody.fromBytes(png(9))); // outside the prefix
            for (String key : good) {
                awaitManifest(s3, key, "grayscale");
            }

            assertEquals(0, reprocess(data, "--prefix", "bulk/", "--ops", "invert", "--concurrency", "2",
                    "--tolerated-failure-percentage", "20", "--name", "below"), out());
            assertTrue(out().contains("Using the pixelstep running at " + serve.endpoint()), out());
            assertTrue(out().contains("progress: "), "plain progress lines when not on a terminal:\n" + out());
            assertTrue(out().contains("SUCCEEDED: 8 object(s): 6 succeeded, 1 failed, 1 skipped, 0 not run"), out());
            assertTrue(out().contains("FAILED bulk/0-broken\\e[31m.png  dev.pixelstep.functions.error.UnsupportedImageException"), out());
            assertFalse(out().contains("\u001b"), "keys are printed escaped");
            BulkSummary below = BulkSummary.parse(get(s3, BulkReprocessDefinition.summaryKey("below")));
            assertEquals(new BulkSummary.Counts(8, 6, 1, 1, 0), below.counts());
            assertEquals(List.of(BROKEN), below.failed().stream().map(BulkSummary.FailedObject::key).toList());
            for (String key : good) {
                Manifest manifest = Manifest.parse(get(s3, Manifest.keyFor(key)));
                assertEquals(Manifest.Status.SUCCEEDED, manifest.status(), key);
                assertEquals("invert", manifest.chain(), key + " was reprocessed with the request's chain, not its metadata's");
            }
            List<String> manifests = s3.listObjectsV2Paginator(b -> b.bucket(OUTPUT).encodingType(software.amazon.awssdk.services.s3.model.EncodingType.URL)).contents().stream()
                    .map(o -> o.key()).filter(k -> k.endsWith("/" + Manifest.FILE_NAME)).sorted().toList();
            List<String> expected = new java.util.ArrayList<>(good.stream().map(Manifest::keyFor).toList());
            expected.add(Manifest.keyFor(BROKEN));
            expected.add(Manifest.keyFor("elsewhere.png"));
            // bulk-runs/below/<map run>/manifest.json is the Map Run's result manifest
            assertEquals(expected.stream().sorted().toList(), manifests.stream().filter(k -> !k.startsWith("bulk-runs/")).toList(),
                    "every object exactly one manifest, none for the folder");
            BulkProgress progress = BulkProgress.parse(get(s3, BulkProgress.key("below")));
            assertEquals(List.of(8L, 6L, 1L, 1L, "SUCCEEDED"), List.of(progress.total(), progress.succeeded(), progress.failed(),
                    progress.skipped(), progress.status()));
            assertEquals("below", serve.bulkRuns().get(0).name());

            assertEquals(1, reprocess(data, "--prefix", "bulk/", "--ops", "invert", "--concurrency", "1",
                    "--tolerated-failure-percentage", "0", "--name", "above"), out());
            assertTrue(out().contains("FAILED: 8 object(s): 0 succeeded, 1 failed, 0 skipped, 7 not run"), out());
            assertTrue(out().contains("error: States.ExceedToleratedFailureThreshold"), out());
            BulkSummary above = BulkSummary.parse(get(s3, BulkReprocessDefinition.summaryKey("above")));
            assertEquals("States.ExceedToleratedFailureThreshold", above.error().type());
            assertEquals(new BulkSummary.Counts(8, 0, 1, 0, 7), above.counts());

            assertEquals(2, reprocess(data, "--prefix", "bulk/", "--ops", "invert", "--name", "above"));
            assertTrue(out().contains("exists already"), out());
            assertEquals(2, reprocess(data, "--prefix", "bulk/", "--ops", "blurr(radius=2)"));
            assertTrue(out().contains("--ops"), out());
        }
    }

    private static void awaitManifest(S3Client s3, String key, String chain) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (Manifest.parse(get(s3, Manifest.keyFor(key))).chain().equals(chain)) {
                    return;
                }
            } catch (software.amazon.awssdk.services.s3.model.NoSuchKeyException e) {
                // not yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no manifest for " + key);
    }

    private static byte[] get(S3Client s3, String key) {
        return s3.getObjectAsBytes(b -> b.bucket(OUTPUT).key(key)).asByteArray();
    }
}
