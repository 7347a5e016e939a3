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
import dev.pixelstep.statemachine.TransientErrors;
import dev.pixelstep.testkit.net.FaultInjectingProxy;
import dev.pixelstep.testkit.net.FaultInjectingProxy.Fault;
import dev.pixelstep.testkit.photos.BenchmarkImages;
import dev.pixelstep.testkit.photos.TestPhotos;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The failure paths of the published state machine on the local ASL engine, with the real
 * processor and analyser from the built function and layer zips, against the embedded S3 server
 * reached through a {@link FaultInjectingProxy}: a transient S3 fault is retried to success; bad
 * input and the limits on a chain (issue 11's examples) are not retried and end in a FAILED
 * manifest a person can act on; a FAILED run leaves nothing but its manifest, and never loses the
 * outputs of another key; a failing cleanup still ends in the FAILED manifest; and work past the
 * function's time stops, because the local Lambda context counts its real remaining time down.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FailurePathsPipelineTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INPUT = "failure-input";
    private static final String OUTPUT = "failure-output";
    private static final String TRANSIENT = TransientErrors.FUNCTION_ERRORS.get(0);

    /** The class's data directory, deleted after its last test. */
    @TempDir
    static Path data;
    private EmbeddedS3 s3;
    private FaultInjectingProxy proxy;
    private HostedFunction processor;
    private HostedFunction analyser;
    private HostedFunction hurriedProcessor;
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @BeforeAll
    void start() throws Exception {
        s3 = EmbeddedS3.start(data.resolve("s3"), "127.0.0.1", 0, S3Credentials.generate(), created -> { }, INPUT, OUTPUT);
        proxy = FaultInjectingProxy.start(s3.endpoint());
        Map<String, String> environment = LocalRuntime.functionEnvironment(proxy.endpoint(), s3.credentials(), OUTPUT); // every S3 call of the functions passes the proxy
        LambdaLayout layout = LambdaLayout.prepare(data.resolve("lambda"),
                Artifacts.extract(Artifacts.FUNCTION_ZIP, data.resolve("artifacts")),
                List.of(Artifacts.extract(Artifacts.LAYER_ZIP, data.resolve("artifacts"))));
        PrintStream log = new PrintStream(System.out, true);
        processor = HostedFunction.load("processor", layout, LocalRuntime.PROCESSOR_HANDLER, environment, log);
        analyser = HostedFunction.load("analyser", layout, LocalRuntime.ANALYSER_HANDLER, environment, log);
        hurriedProcessor = HostedFunction.load("processor", layout, LocalRuntime.PROCESSOR_HANDLER, environment, log,
                Duration.ofSeconds(4));
    }

    @AfterAll
    void stop() {
        processor.close();
        analyser.close();
        hurriedProcessor.close();
        proxy.close();
        s3.close();
    }

    private Execution run(String key, byte[] image, String operations) throws Exception {
        return run(key, image, operations, processor, f -> f, f -> f);
    }

    /** Uploads and runs one execution of the published definition; the wrappers may inject faults in front of each function. */
    private Execution run(String key, byte[] image, String operations, HostedFunction processorFunction,
                          UnaryOperator<LambdaFunction> processorFaults, UnaryOperator<LambdaFunction> analyserFaults) throws Exception {
        s3.client().putObject(b -> b.bucket(INPUT).key(key).metadata(Map.of("operations", operations)), RequestBody.fromBytes(image));
        sleeps.clear(); // the retry waits of this execution only
        StateMachine machine = StateMachine.parse("image-pipeline", PipelineDefinition.load().substitute(Map.of(
                "ProcessorFunctionArn", "arn:aws:lambda:us-east-1:123456789012:function:processor",
                "AnalyserFunctionArn", "arn:aws:lambda:us-east-1:123456789012:function:analyser",
                "OutputBucket", OUTPUT)));
        var head = s3.head(INPUT, key);
        JsonNode event = new ObjectCreatedEvent("123456789012", "us-east-1").of(new ObjectCreated(INPUT, key,
                head.contentLength(), head.eTag().replace("\"", ""), "PutObject", Instant.now()), 1);
        try (AslEngine engine = AslEngine.builder()
                .sleeper(sleeps::add)
                .lambda(LambdaInvokeIntegration.builder()
                        .function("processor", processorFaults.apply(real(processorFunction)))
                        .function("analyser", analyserFaults.apply(real(analyser)))
                        .build())
                .task(S3PutObjectIntegration.RESOURCE, new S3PutObjectIntegration(s3.client()))
                .build()) {
            Execution execution = engine.start(machine, event);
            assertTrue(execution.await(Duration.ofMinutes(3)), "the execution ends");
            return execution;
        }
    }

    private static LambdaFunction real(HostedFunction function) {
        return event -> LocalRuntime.invoke(function, event);
    }

    private JsonNode manifest(String key) throws IOException {
        return JSON.readTree(s3.client().getObjectAsBytes(b -> b.bucket(OUTPUT).key(Manifest.keyFor(key))).asByteArray());
    }

    private TreeSet<String> outputsUnder(String key) {
        TreeSet<String> keys = new TreeSet<>();
        s3.list(OUTPUT).forEach(o -> {
            if (o.key().startsWith(key + "/")) {
                keys.add(o.key().substring(key.length() + 1));
            }
        });
        return keys;
    }

    private static List<String> errors(Execution execution, HistoryEventType type) {
        return execution.history().stream().filter(e -> e.type() == type).map(HistoryEvent::error).toList();
    }

    private static long scheduled(Execution execution) {
        return execution.history().stream().filter(e -> e.type() == HistoryEventType.TASK_SCHEDULED).count();
    }

    private static byte[] png(int width, int height) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String repeat(String step, int times) {
        return String.join(", ", Collections.nCopies(times, step));
    }

    @Test
    void aTransientS3FaultIsRetriedByTheStateMachineAndTheRunSucceeds() throws Exception {
        String key = "retry/photo.png";
        AtomicInteger invocations = new AtomicInteger();
        // S3 throttles the processor's (ranged) download; the analyser reads the whole object, unranged
        proxy.inject(FaultInjectingProxy.method("GET", "/" + INPUT + "/" + key).and(r -> r.header("range") != null), Fault.SLOW_DOWN);
        Execution execution;
        try {
            execution = run(key, png(48, 32), "invert", processor, real -> event -> {
                invocations.incrementAndGet();
                try {
                    return real.invoke(event);
                } finally {
                    proxy.heal(); // the fault lasts for the first invocation, through all of the SDK's own retries
                }
            }, f -> f);
        } finally {
            proxy.heal();
        }
        assertEquals(ExecutionStatus.SUCCEEDED, execution.status(), execution.error() + ": " + execution.cause());
        assertEquals(2, invocations.get(), "one failed invocation, one retry");
        assertEquals(List.of(TRANSIENT), errors(execution, HistoryEventType.TASK_FAILED), "the processor raised the transient error");
        assertEquals("SUCCEEDED", manifest(key).path("status").asText());
        assertEquals(1, sleeps.size(), "one retry wait: " + sleeps);
        assertTrue(sleeps.get(0).compareTo(Duration.ofSeconds(TransientErrors.TRANSIENT_INTERVAL_SECONDS)) <= 0,
                "the retry waited at most the transient retrier's IntervalSeconds (FULL jitter): " + sleeps);
    }

    @Test
    void aChainOverTheWorkBudgetIsNotRetriedAndLeavesOnlyItsFailedManifest() throws Exception {
        // issue 11's sixteen blur(radius=100) on 13 MP (588 s of CPU) are cheap since issue 13 (ProcessorLimitsTest), and so is
        // sixteen edge-detect (a parallel kernel of our own since then); the exact blur at its largest radius, sixteen times on
        // a 50 MP input, is over the budget
        BufferedImage photo = BenchmarkImages.scaledToCover(BenchmarkImages.decode(TestPhotos.jpeg()), 8660, 5773);
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(photo, "jpeg", jpeg);
        String key = "limits/fifty-megapixels.jpg";
        Execution execution = run(key, jpeg.toByteArray(), repeat("blur(radius=4)", 16));
        assertEquals(ExecutionStatus.FAILED, execution.status());
        JsonNode manifest = manifest(key);
        assertEquals("dev.pixelstep.functions.error.ChainTooCostlyException", manifest.at("/error/type").asText());
        String message = manifest.at("/error/message").asText();
        assertTrue(message.contains("is too much work for the 8660x5773 image s3://" + INPUT + "/" + key + ": about 121.8 billion work "
                + "units, more than the budget of 100.0 billion (PIXELSTEP_MAX_WORK"), message);
        assertTrue(message.contains("Costliest steps: steps 1-16 blur(radius=4)"), message);
        assertEquals(List.of("dev.pixelstep.functions.error.ChainTooCostlyException"), errors(execution, HistoryEventType.TASK_FAILED),
                "no retry of a limit");
        assertEquals(4, scheduled(execution), "process, analyse original, discard, write the FAILED manifest");
        assertEquals(new TreeSet<>(List.of("manifest.json")), outputsUnder(key),
                "the analyser's histogram of the original was discarded with the rest");
    }

    @Test
    void aTinyPngResizedToTheLargestBoxThenTurnedFiveTimesFailsAtTheResizeInsteadOfRunningOutOfMemory() throws Exception {
        // issue 11: the server grew from 2.5 to 5.7 GB and the manifest said java.lang.OutOfMemoryError
        String key = "limits/tiny.png";
        Execution execution = run(key, png(1, 1), "resize(width=8192, height=8192, enlarge=true), " + repeat("rotate-free(degrees=45)", 5));
        assertEquals(ExecutionStatus.FAILED, execution.status());
        JsonNode manifest = manifest(key);
        assertEquals("dev.pixelstep.functions.error.ChainTooLargeException", manifest.at("/error/type").asText());
        String message = manifest.at("/error/message").asText();
        assertTrue(message.contains("step 1, resize(width=8192, height=8192), applied to the 1x1 original, would make a 8192x8192 image (67.1 MP), "
                + "more than the output limit of 50,000,000 pixels"), message);
        assertFalse(message.contains("OutOfMemoryError") || message.contains("upload a smaller image"), message);
        assertEquals(new TreeSet<>(List.of("manifest.json")), outputsUnder(key));
    }

    @Test
    void sixteenFreeRotationsOfASmallImageFailBeforeAnOversizedImageIsStored() throws Exception {
        // issue 11: a 203 MP image was computed and stored before the analyser refused it
        String key = "limits/small.png";
        Execution execution = run(key, png(64, 48), repeat("rotate-free(degrees=45)", 16));
        assertEquals(ExecutionStatus.FAILED, execution.status());
        JsonNode manifest = manifest(key);
        assertEquals("dev.pixelstep.functions.error.ChainTooLargeException", manifest.at("/error/type").asText());
        assertTrue(manifest.at("/error/message").asText().contains(", rotate-free(degrees=45), applied to the "), manifest.toString());
        assertEquals(new TreeSet<>(List.of("manifest.json")), outputsUnder(key));
    }

    @Test
    void aRunThatFailsAfterWritingOutputsLeavesOnlyItsManifestAndNoOtherKeysOutputs() throws Exception {
        String key = "discard/photo.png";
        // outputs of another input key K/x, which the discard must never touch
        s3.client().putObject(b -> b.bucket(OUTPUT).key(key + "/x/combined.png"), RequestBody.fromBytes(new byte[] {1}));
        s3.client().putObject(b -> b.bucket(OUTPUT).key(key + "/x/independent/01-invert.png"), RequestBody.fromBytes(new byte[] {1}));
        Execution execution = run(key, png(40, 30), "grayscale, invert", processor, f -> f, real -> event -> {
            if (event.path("label").asText().equals("combined")) {
                throw new IllegalStateException("disk full while rendering the chart");
            }
            return real.invoke(event);
        });
        assertEquals(ExecutionStatus.FAILED, execution.status());
        JsonNode manifest = manifest(key);
        assertEquals("java.lang.IllegalStateException", manifest.at("/error/type").asText(), "the run's error, not the cleanup's");
        assertEquals(new TreeSet<>(List.of("manifest.json", "x/combined.png", "x/independent/01-invert.png")), outputsUnder(key),
                "combined, both independent outputs and the original's histogram were deleted; K/x/... stayed");
        JsonNode discarded = execution.history().stream().filter(e -> e.type() == HistoryEventType.TASK_SUCCEEDED)
                .map(e -> e.detail("output")).filter(o -> o != null && o.toString().contains("deleted")).findFirst().orElseThrow();
        assertTrue(discarded.toString().contains("independent/02-invert.png"), discarded.toString());
    }

    @Test
    void aFailingCleanupStillEndsInTheFailedManifestWithTheRunsOwnError() throws Exception {
        String key = "discard/cleanup-fails.png";
        AtomicInteger discards = new AtomicInteger();
        Execution execution = run(key, png(16, 16), "grayscale, sharpen(amount=99)", processor, real -> event -> {
            if (event.has("action")) {
                discards.incrementAndGet();
                throw new TaskFailure("Lambda.ServiceException", "Lambda is having a bad day");
            }
            return real.invoke(event);
        }, f -> f);
        assertEquals(ExecutionStatus.FAILED, execution.status());
        assertEquals(1 + TransientErrors.TRANSIENT_MAX_ATTEMPTS, discards.get(), "the cleanup was retried as a transient fault, then given up");
        assertEquals(TransientErrors.TRANSIENT_MAX_ATTEMPTS, sleeps.size());
        assertTrue(sleeps.stream().allMatch(d -> d.compareTo(Duration.ofSeconds(TransientErrors.TRANSIENT_MAX_DELAY_SECONDS)) <= 0),
                "no wait above MaxDelaySeconds: " + sleeps);
        JsonNode manifest = manifest(key);
        assertEquals("FAILED", manifest.path("status").asText());
        assertEquals("dev.pixelstep.functions.error.InvalidOperationsException", manifest.at("/error/type").asText());
        assertTrue(manifest.at("/error/message").asText().contains("sharpen.amount"), manifest.toString());
    }

    @Test
    void workPastTheFunctionsTimeStopsWithATypedErrorBecauseTheLocalContextCountsDown() throws Exception {
        // the hurried processor has 4 s: its deadline is 3 s in (a 1 s margin); the chain fits the budget (about 32 billion units)
        // but needs about 30 s of CPU, in parallel kernels that stop within a band (sixteen blurs of the photo are no longer enough)
        String key = "deadline/photo.jpg";
        Execution execution = run(key, Files.readAllBytes(TestPhotos.jpeg()),
                "resize(width=8000, enlarge=true), " + repeat("sharpen(radius=20)", 15), hurriedProcessor, f -> f, f -> f);
        assertEquals(ExecutionStatus.FAILED, execution.status());
        JsonNode manifest = manifest(key);
        assertEquals("dev.pixelstep.functions.error.WorkTimedOutException", manifest.at("/error/type").asText());
        assertTrue(manifest.at("/error/message").asText().contains("the work's deadline passed"), manifest.toString());
        assertEquals(new TreeSet<>(List.of("manifest.json")), outputsUnder(key));
    }
}
