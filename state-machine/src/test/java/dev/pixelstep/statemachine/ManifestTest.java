package dev.pixelstep.statemachine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pixelstep.asl.AslEngine;
import dev.pixelstep.asl.Execution;
import dev.pixelstep.asl.ExecutionStatus;
import dev.pixelstep.asl.StateMachine;
import dev.pixelstep.asl.error.TaskFailure;
import dev.pixelstep.asl.task.LambdaFunction;
import dev.pixelstep.asl.task.LambdaInvokeIntegration;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The published state machine runs in the local engine with functions that answer in the processor's and the
 * analyser's shapes; what its manifest states write is read back through {@link Manifest}, for both endings.
 */
class ManifestTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "photos/cat.jpg";

    private final List<JsonNode> written = new CopyOnWriteArrayList<>();

    @Test
    void aSucceededRunsManifestReadsBackWithEveryOutput() throws Exception {
        Execution run = run(event -> event.has("action") ? JSON.readTree("{\"deleted\": []}") : JSON.readTree("""
                {"input": {"bucket": "in", "key": "photos/cat.jpg", "size": 1234, "width": 64, "height": 48, "format": "jpeg"},
                 "outputBucket": "out", "chain": "grayscale, blur(radius=2.0)",
                 "operations": [{"index": 1, "name": "grayscale", "parameters": {}},
                                {"index": 2, "name": "blur", "parameters": {"radius": "2.0"}}],
                 "outputs": {"combined": "photos/cat.jpg/combined.jpg",
                             "independent": ["photos/cat.jpg/independent/01-grayscale.jpg", "photos/cat.jpg/independent/02-blur.jpg"],
                             "files": [{"key": "photos/cat.jpg/combined.jpg", "format": "jpeg", "width": 64, "height": 48, "bytes": 2100},
                                       {"key": "photos/cat.jpg/independent/01-grayscale.jpg", "format": "jpeg", "width": 64, "height": 48, "bytes": 1500},
                                       {"key": "photos/cat.jpg/independent/02-blur.jpg", "format": "jpeg", "width": 64, "height": 48, "bytes": 900}]},
                 "timingsMs": {"decode": 5, "total": 40}}"""));

        assertEquals(ExecutionStatus.SUCCEEDED, run.status(), String.valueOf(run.cause()));
        assertEquals(1, written.size());
        JsonNode put = written.get(0);
        assertEquals(Manifest.keyFor(KEY), put.path("Key").asText());
        Manifest manifest = Manifest.parse(put.path("Body").asText().getBytes(StandardCharsets.UTF_8));

        assertTrue(manifest.succeeded());
        assertNull(manifest.error());
        assertEquals(new Manifest.Input("in", KEY, 1234, 64, 48, "jpeg"), manifest.input());
        assertEquals("grayscale, blur(radius=2.0)", manifest.chain());
        assertEquals(List.of(new Manifest.Step(1, "grayscale", Map.of()), new Manifest.Step(2, "blur", Map.of("radius", "2.0"))),
                manifest.operations());
        assertEquals(List.of(KEY + "/combined.jpg", KEY + "/independent/01-grayscale.jpg", KEY + "/independent/02-blur.jpg",
                KEY + "/histogram-original.json", KEY + "/histogram-original.png",
                KEY + "/histogram-combined.json", KEY + "/histogram-combined.png", KEY + "/manifest.json"), manifest.outputs().keys());
        assertEquals("out", manifest.outputs().bucket());
        assertEquals(List.of(new Manifest.File(KEY + "/combined.jpg", "jpeg", 64, 48, 2100),
                new Manifest.File(KEY + "/independent/01-grayscale.jpg", "jpeg", 64, 48, 1500),
                new Manifest.File(KEY + "/independent/02-blur.jpg", "jpeg", 64, 48, 900)), manifest.outputs().files(),
                "each output's format, size and byte count");
        assertEquals(Map.of("decode", 5L, "total", 40L), manifest.timingsMs());
        assertEquals(run.arn(), manifest.execution());
        assertFalse(manifest.pipelineVersion().isEmpty());
        assertFalse(manifest.writtenAt().isBefore(manifest.startedAt()));
    }

    @Test
    void aFailedRunsManifestReadsBackWithTheErrorAPersonCanActOn() throws Exception {
        Execution run = run(event -> {
            if (event.has("action")) {
                return JSON.readTree("{\"deleted\": []}");
            }
            throw new TaskFailure("dev.pixelstep.functions.error.UnsupportedImageException",
                    "photos/cat.jpg is not an image this pipeline reads (PDF); upload a JPEG or PNG");
        });

        assertEquals(ExecutionStatus.FAILED, run.status(), "the execution fails too, after the manifest (alarms count it)");
        assertEquals(1, written.size());
        Manifest manifest = Manifest.parse(written.get(0).path("Body").asText().getBytes(StandardCharsets.UTF_8));
        assertEquals(Manifest.Status.FAILED, manifest.status());
        assertEquals("dev.pixelstep.functions.error.UnsupportedImageException", manifest.error().type());
        assertTrue(manifest.error().message().contains("upload a JPEG or PNG"), manifest.error().message());
        assertEquals(new Manifest.Input("in", KEY, 1234, null, null, null), manifest.input());
        assertEquals(List.of(KEY + "/manifest.json"), manifest.outputs().keys());
        assertTrue(manifest.operations().isEmpty());
        assertEquals(manifest.error().type(), run.error());
    }

    @Test
    void anythingElseIsRefusedWithTheReason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Manifest.parse("{not json".getBytes(StandardCharsets.UTF_8)))
                .getMessage().startsWith("not a pixelstep manifest"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Manifest.parse("{\"schema\": \"other/v2\"}".getBytes(StandardCharsets.UTF_8)))
                .getMessage().contains(Manifest.SCHEMA));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Manifest.parse(
                ("{\"schema\": \"" + Manifest.SCHEMA + "\", \"status\": \"MAYBE\"}").getBytes(StandardCharsets.UTF_8)))
                .getMessage().contains("MAYBE"));
    }

    private Execution run(LambdaFunction processor) throws Exception {
        String definition = PipelineDefinition.load().substitute(Map.of(
                "ProcessorFunctionArn", "arn:aws:lambda:us-east-1:123456789012:function:processor",
                "AnalyserFunctionArn", "arn:aws:lambda:us-east-1:123456789012:function:analyser",
                "OutputBucket", "out"));
        LambdaFunction analyser = event -> JSON.readTree("{\"outputs\": {\"histogram\": \"" + KEY + "/histogram-"
                + event.path("label").asText() + ".json\", \"chart\": \"" + KEY + "/histogram-" + event.path("label").asText() + ".png\"}}");
        try (AslEngine engine = AslEngine.builder()
                .lambda(LambdaInvokeIntegration.builder().function("processor", processor).function("analyser", analyser).build())
                .task("arn:aws:states:::aws-sdk:s3:putObject", invocation -> {
                    written.add(invocation.input());
                    return JSON.createObjectNode();
                })
                .build()) {
            Execution execution = engine.start(StateMachine.parse("image-pipeline", definition), "run-1", JSON.readTree("""
                    {"detail": {"bucket": {"name": "in"}, "object": {"key": "photos/cat.jpg", "size": 1234, "etag": "e"}}}"""));
            assertTrue(execution.await(Duration.ofSeconds(30)), "the run ended");
            return execution;
        }
    }
}
