package dev.pixelstep.local.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pixelstep.asl.AslEngine;
import dev.pixelstep.asl.Execution;
import dev.pixelstep.asl.ExecutionStatus;
import dev.pixelstep.asl.StateMachine;
import dev.pixelstep.asl.error.TaskFailure;
import dev.pixelstep.asl.history.HistoryEvent;
import dev.pixelstep.asl.history.HistoryEventType;
import dev.pixelstep.asl.task.LambdaFunction;
import dev.pixelstep.asl.task.LambdaInvokeIntegration;
import dev.pixelstep.local.Artifacts;
import dev.pixelstep.local.events.ObjectCreatedEvent;
import dev.pixelstep.local.lambda.HostedFunction;
import dev.pixelstep.local.lambda.LambdaLayout;
import dev.pixelstep.local.storage.EmbeddedS3;
import dev.pixelstep.local.storage.ObjectCreated;
import dev.pixelstep.local.storage.S3Credentials;
import dev.pixelstep.statemachine.Manifest;
import dev.pixelstep.statemachine.PipelineDefinition;
import dev.pixelstep.testkit.photos.TestPhotos;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The published state machine, run by the local ASL engine with the real processor and analyser
 * (loaded from the built function and layer zips) against a real S3 API, with faults injected
 * between the engine and the functions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImagePipelineDefinitionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INPUT = "pipeline-input";
    private static final String OUTPUT = "pipeline-output";
    private static final String OTHER_OUTPUT = "other-output";

    /** The class's data directory, deleted after its last test. */
    @TempDir
    static Path data;
    private EmbeddedS3 s3;
    private HostedFunction processor;
    private HostedFunction analyser;
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @BeforeAll
    void start() throws Exception {
        s3 = EmbeddedS3.start(data.resolve("s3"), "127.0.0.1", 0, S3Credentials.generate(), created -> { }, INPUT, OUTPUT, OTHER_OUTPUT);
        Map<String, String> environment = LocalRuntime.functionEnvironment(s3.endpoint(), s3.credentials(), OUTPUT);
        LambdaLayout layout = LambdaLayout.prepare(data.resolve("lambda"),
                Artifacts.extract(Artifacts.FUNCTION_ZIP, data.resolve("artifacts")),
                List.of(Artifacts.extract(Artifacts.LAYER_ZIP, data.resolve("artifacts"))));
        PrintStream log = new PrintStream(System.out, true);
        processor = HostedFunction.load("processor", layout, LocalRuntime.PROCESSOR_HANDLER, environment, log);
        analyser = HostedFunction.load("analyser", layout, LocalRuntime.ANALYSER_HANDLER, environment, log);
        this.layout = layout;
    }

    private LambdaLayout layout;

    @AfterAll
    void stop() {
        processor.close();
        analyser.close();
        s3.close();
    }

    /** Runs one upload through the definition; the wrappers may inject faults in front of each function. */
    private Execution run(String key, byte[] image, String operations, UnaryOperator<LambdaFunction> processorFaults,
                          UnaryOperator<LambdaFunction> analyserFaults) throws Exception {
        s3.client().putObject(b -> b.bucket(INPUT).key(key).metadata(Map.of("operations", operations)), RequestBody.fromBytes(image));
        AslEngine engine = AslEngine.builder()
                .sleeper(sleeps::add)
                .lambda(LambdaInvokeIntegration.builder()
                        .function("processor", processorFaults.apply(real(processor)))
                        .function("analyser", analyserFaults.apply(real(analyser)))
                        .build())
                .task(S3PutObjectIntegration.RESOURCE, new S3PutObjectIntegration(s3.client()))
                .build();
        StateMachine machine = StateMachine.parse("image-pipeline", PipelineDefinition.load().substitute(Map.of(
                "ProcessorFunctionArn", "arn:aws:lambda:us-east-1:123456789012:function:processor",
                "AnalyserFunctionArn", "arn:aws:lambda:us-east-1:123456789012:function:analyser",
                "OutputBucket", OUTPUT)));
        var head = s3.head(INPUT, key);
        JsonNode event = new ObjectCreatedEvent("123456789012", "us-east-1").of(new ObjectCreated(INPUT, key,
                head.contentLength(), head.eTag().replace("\"", ""), "PutObject", Instant.now()), 1);
        Execution execution = engine.start(machine, event);
        assertTrue(execution.await(Duration.ofMinutes(2)), "the execution ends");
        engine.close();
        return execution;
    }

    private static LambdaFunction real(HostedFunction function) {
        return event -> LocalRuntime.invoke(function, event);
    }

    private JsonNode manifest(String key) throws Exception {
        return JSON.readTree(s3.client().getObjectAsBytes(b -> b.bucket(OUTPUT).key(Manifest.keyFor(key))).asByteArray());
    }

    private static long count(Execution execution, HistoryEventType type, String state) {
        return execution.history().stream().filter(e -> e.type() == type && (state == null || state.equals(e.stateName()))).count();
    }

    @Test
    void functionsInOneJvmKeepTheirOwnSettings() throws Exception {
        // The regression: settings went through JVM-wide system properties, so the last function
        // (or runtime) configured in a JVM decided every function's output bucket and credentials.
        Map<String, String> other = LocalRuntime.functionEnvironment(s3.endpoint(), s3.credentials(), OTHER_OUTPUT);
        HostedFunction second = HostedFunction.load("second-processor", layout, LocalRuntime.PROCESSOR_HANDLER, other,
                new PrintStream(System.out, true));
        try {
            s3.client().putObject(b -> b.bucket(INPUT).key("settings/one.png").metadata(Map.of("operations", "invert")),
                    RequestBody.fromBytes(LocalStack.png(8, 8, 1)));
            JsonNode request = JSON.createObjectNode().put("bucket", INPUT).put("key", "settings/one.png");
            LocalRuntime.invoke(second, request);
            LocalRuntime.invoke(processor, request);
        } finally {
            second.close();
        }
        assertTrue(s3.head(OTHER_OUTPUT, "settings/one.png/combined.png") != null, "the second processor wrote to its own bucket");
        assertTrue(s3.head(OUTPUT, "settings/one.png/combined.png") != null, "the first processor still writes to its bucket");
        assertEquals(null, System.getProperty("PIXELSTEP_OUTPUT_BUCKET"), "no function setting leaks into the JVM's properties");
    }

    @Test
    void aPhotoSucceedsWithEveryOutputInTheManifest() throws Exception {
        Execution execution = run("photos/ok.jpg", Files.readAllBytes(TestPhotos.jpeg()), "grayscale, sepia(intensity=0.5)",
                f -> f, f -> f);
        assertEquals(ExecutionStatus.SUCCEEDED, execution.status(), execution.error() + ": " + execution.cause());
        JsonNode manifest = manifest("photos/ok.jpg");
        assertEquals("SUCCEEDED", manifest.path("status").asText());
        assertEquals(PipelineDefinition.load().version(), manifest.path("pipelineVersion").asText());
        assertEquals(execution.arn(), manifest.path("execution").asText());
        assertEquals("grayscale, sepia(intensity=0.5)", manifest.path("chain").asText());
        JsonNode outputs = manifest.path("outputs");
        List<String> keys = new ArrayList<>();
        keys.add(outputs.path("combined").asText());
        outputs.path("independent").forEach(k -> keys.add(k.asText()));
        keys.add(outputs.at("/histogramOriginal/histogram").asText());
        keys.add(outputs.at("/histogramOriginal/chart").asText());
        keys.add(outputs.at("/histogramCombined/histogram").asText());
        keys.add(outputs.at("/histogramCombined/chart").asText());
        assertEquals(List.of("photos/ok.jpg/combined.jpg", "photos/ok.jpg/independent/01-grayscale.jpg",
                "photos/ok.jpg/independent/02-sepia.jpg", "photos/ok.jpg/histogram-original.json",
                "photos/ok.jpg/histogram-original.png", "photos/ok.jpg/histogram-combined.json",
                "photos/ok.jpg/histogram-combined.png"), keys);
        for (String key : keys) {
            assertTrue(s3.head(OUTPUT, key).contentLength() > 0, key);
        }
        assertEquals(2560, manifest.at("/input/width").asInt());
    }

    @Test
    void badOperationsGiveAFailedManifestNamingTheOperation() throws Exception {
        Execution execution = run("photos/bad-ops.png", LocalStack.png(16, 16, 3), "grayscale, sharpen(amount=99), pixelatte",
                f -> f, f -> f);
        assertEquals(ExecutionStatus.FAILED, execution.status());
        JsonNode manifest = manifest("photos/bad-ops.png");
        assertEquals("FAILED", manifest.path("status").asText());
        assertEquals("dev.pixelstep.functions.error.InvalidOperationsException", manifest.at("/error/type").asText());
        assertTrue(manifest.at("/error/message").asText().contains("sharpen.amount"), manifest.toString());
        assertEquals("dev.pixelstep.functions.error.InvalidOperationsException", execution.error());
        assertEquals(4, count(execution, HistoryEventType.TASK_SCHEDULED, null),
                "process and analyse-original ran once each, then the discard and the FAILED manifest: no retry of bad input");
    }

    @Test
    void aTransientFaultIsRetriedWithBackoffAndTheRunSucceeds() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Execution execution = run("photos/flaky.png", LocalStack.png(32, 32, 4), "invert",
                real -> event -> {
                    if (calls.getAndIncrement() == 0) {
                        throw new TaskFailure("Lambda.TooManyRequestsException", "Rate Exceeded.");
                    }
                    return real.invoke(event);
                }, f -> f);
        assertEquals(ExecutionStatus.SUCCEEDED, execution.status(), execution.error() + ": " + execution.cause());
        assertEquals(2, calls.get(), "one fault, one retry");
        assertEquals("SUCCEEDED", manifest("photos/flaky.png").path("status").asText());
        assertEquals(1, count(execution, HistoryEventType.TASK_FAILED, null));
        assertEquals(5, count(execution, HistoryEventType.TASK_SCHEDULED, null),
                "process twice, analyse original, analyse combined, write the manifest");
        assertTrue(sleeps.stream().anyMatch(d -> d.compareTo(Duration.ofSeconds(
                        dev.pixelstep.statemachine.TransientErrors.THROTTLING_INTERVAL_SECONDS)) <= 0),
                "the retry waited at most the throttling retrier's IntervalSeconds (FULL jitter): " + sleeps);
    }

    @Test
    void aFaultOnTheSecondAnalysisStillWritesAFailedManifest() throws Exception {
        Execution execution = run("photos/second-analysis.png", LocalStack.png(32, 32, 5), "grayscale",
                f -> f,
                real -> event -> {
                    if (event.path("label").asText().equals("combined")) {
                        throw new IllegalStateException("disk full while rendering the chart");
                    }
                    return real.invoke(event);
                });
        assertEquals(ExecutionStatus.FAILED, execution.status());
        JsonNode manifest = manifest("photos/second-analysis.png");
        assertEquals("FAILED", manifest.path("status").asText());
        assertEquals("java.lang.IllegalStateException", manifest.at("/error/type").asText());
        assertEquals("disk full while rendering the chart", manifest.at("/error/message").asText());
        List<HistoryEvent> failed = execution.history().stream().filter(e -> e.type() == HistoryEventType.TASK_FAILED).toList();
        assertEquals(1, failed.size(), "a function error is not retried");
    }
}
