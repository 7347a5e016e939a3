package dev.pixelstep.functions.processor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pixelstep.functions.config.FunctionConfig;
import dev.pixelstep.functions.internal.image.ImageLimits;
import dev.pixelstep.functions.support.Buckets;
import dev.pixelstep.functions.support.Invoke;
import dev.pixelstep.functions.support.S3ProxyExtension;
import dev.pixelstep.functions.support.S3ProxyServer;
import dev.pixelstep.functions.support.TestImages;
import dev.pixelstep.statemachine.BulkSummary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a bulk reprocess asks of the processor, against a real S3 API (S3Proxy on loopback): the chain given in the
 * request instead of the object's metadata, and the summary of a Map Run's result files, read back through
 * {@link BulkSummary}, the summary's one Java reading.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(S3ProxyExtension.class)
class BulkRequestsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final S3ProxyServer s3;
    private final String in = Buckets.fresh("in");
    private final String out = Buckets.fresh("out");
    private ProcessorHandler handler;

    BulkRequestsTest(S3ProxyServer s3) {
        this.s3 = s3;
    }

    @BeforeAll
    void start() {
        s3.createBucket(in);
        s3.createBucket(out);
        handler = new ProcessorHandler(new FunctionConfig(out, ImageLimits.defaults(), Optional.of(s3.endpoint()), true), s3.client());
    }


    private JsonNode invoke(ObjectNode request) throws Exception {
        return Invoke.handler(handler, JSON.writeValueAsBytes(request));
    }

    @Test
    void aChainInTheRequestReplacesTheMetadataChainAndNullKeepsIt() throws Exception {
        s3.put(in, "bulk/a.png", TestImages.png(40, 30, false), Map.of("operations", "grayscale"));
        ObjectNode request = JSON.createObjectNode().put("bucket", in).put("key", "bulk/a.png").put("operations", "sepia, invert");
        JsonNode given = invoke(request);
        assertEquals("sepia, invert", given.path("chain").asText());
        assertEquals(2, given.path("outputs").path("independent").size());
        request.putNull("operations");
        assertEquals("grayscale", invoke(request).path("chain").asText(), "null: the metadata's chain, as an upload runs");
    }

    private static ObjectNode entry(String status, ObjectNode input, JsonNode output, String error, String cause) {
        ObjectNode entry = JSON.createObjectNode();
        entry.put("ExecutionArn", "arn:aws:states:us-east-1:123456789012:execution:bulk/ReprocessObjects:" + input.path("key").asText());
        entry.put("Input", input.toString());
        entry.put("Status", status);
        if (output != null) {
            entry.put("Output", output.toString());
        }
        if (error != null) {
            entry.put("Error", error);
            entry.put("Cause", cause);
        }
        return entry;
    }

    private void putJson(String key, JsonNode json) throws Exception {
        s3.put(out, key, JSON.writeValueAsBytes(json), Map.of());
    }

    @Test
    void theSummaryCountsEveryObjectByStatusAndListsFailedKeysWithThePipelinesOwnError() throws Exception {
        String prefix = "bulk-runs/run-1";
        ArrayNode succeeded = JSON.createArrayNode();
        succeeded.add(entry("SUCCEEDED", JSON.createObjectNode().put("key", "p/a.jpg"),
                JSON.createObjectNode().put("key", "p/a.jpg").put("status", "SUCCEEDED"), null, null));
        succeeded.add(entry("SUCCEEDED", JSON.createObjectNode().put("key", "p/"),
                JSON.createObjectNode().put("key", "p/").put("status", "SKIPPED"), null, null));
        ObjectNode described = JSON.createObjectNode().put("ExecutionArn", "arn:aws:states:us-east-1:123456789012:execution:image-pipeline:x")
                .put("Status", "FAILED").put("Error", "dev.pixelstep.functions.error.UnsupportedImageException")
                .put("Cause", "s3://in/p/b.jpg is not an image pixelstep can read");
        ArrayNode failed = JSON.createArrayNode();
        failed.add(entry("FAILED", JSON.createObjectNode().put("key", "p/b.jpg"), null, "States.TaskFailed", described.toString()));
        failed.add(entry("TIMED_OUT", JSON.createObjectNode().put("key", "p/c.jpg"), null, "States.Timeout", "too slow"));
        ArrayNode pending = JSON.createArrayNode();
        pending.add(JSON.createObjectNode().put("Input", "{\"key\":\"p/d.jpg\"}").put("Status", "PENDING"));
        putJson(prefix + "/8f1/SUCCEEDED_0.json", succeeded);
        putJson(prefix + "/8f1/FAILED_0.json", failed);
        putJson(prefix + "/8f1/PENDING_0.json", pending);
        ObjectNode manifest = JSON.createObjectNode().put("DestinationBucket", out).put("MapRunArn", "arn:aws:states:::mapRun:bulk/M:8f1");
        ObjectNode files = manifest.putObject("ResultFiles");
        files.putArray("SUCCEEDED").addObject().put("Key", prefix + "/8f1/SUCCEEDED_0.json").put("Size", 1);
        files.putArray("FAILED").addObject().put("Key", prefix + "/8f1/FAILED_0.json").put("Size", 1);
        files.putArray("PENDING").addObject().put("Key", prefix + "/8f1/PENDING_0.json").put("Size", 1);
        putJson(prefix + "/8f1/manifest.json", manifest);

        ObjectNode request = JSON.createObjectNode().put("action", "summarise").put("bucket", out).put("key", prefix)
                .put("status", "FAILED").put("execution", "arn:aws:states:us-east-1:123456789012:execution:bulk:run-1");
        request.putObject("request").put("bucket", in).put("prefix", "p/").put("operations", "sepia");
        request.putObject("error").put("type", "States.ExceedToleratedFailureThreshold").put("message", "too many");
        JsonNode returned = invoke(request);

        BulkSummary summary = BulkSummary.parse(s3.get(out, prefix + "/summary.json"));
        assertEquals(BulkSummary.parse(returned.toString().getBytes(StandardCharsets.UTF_8)), summary, "it returns what it wrote");
        assertEquals(new BulkSummary.Counts(5, 1, 2, 1, 1), summary.counts());
        assertEquals(List.of(
                new BulkSummary.FailedObject("p/b.jpg", new BulkSummary.Failure("dev.pixelstep.functions.error.UnsupportedImageException",
                        "s3://in/p/b.jpg is not an image pixelstep can read")),
                new BulkSummary.FailedObject("p/c.jpg", new BulkSummary.Failure("States.Timeout", "too slow"))), summary.failed());
        assertEquals("FAILED", summary.status());
        assertEquals("States.ExceedToleratedFailureThreshold", summary.error().type());
        assertEquals("sepia", summary.request().path("operations").asText());
        assertEquals(prefix + "/8f1/manifest.json", summary.resultManifest());
        invoke(request);
        assertEquals(summary.counts(), BulkSummary.parse(s3.get(out, prefix + "/summary.json")).counts(), "summarising again is harmless");
    }

    @Test
    void aRunThatNeverListedAnythingStillGetsItsSummary() throws Exception {
        ObjectNode request = JSON.createObjectNode().put("action", "summarise").put("bucket", out).put("key", "bulk-runs/invalid")
                .put("status", "FAILED");
        request.putObject("error").put("type", "Pixelstep.InvalidBulkRequest").put("message", "the request must be ...");
        invoke(request);
        BulkSummary summary = BulkSummary.parse(s3.get(out, "bulk-runs/invalid/summary.json"));
        assertEquals(new BulkSummary.Counts(0, 0, 0, 0, 0), summary.counts());
        assertNull(summary.resultManifest());
        assertTrue(summary.failed().isEmpty());
        assertEquals("Pixelstep.InvalidBulkRequest", summary.error().type());
    }
}
