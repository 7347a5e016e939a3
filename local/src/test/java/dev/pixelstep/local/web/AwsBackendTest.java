package dev.pixelstep.local.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pixelstep.local.Artifacts;
import dev.pixelstep.local.lambda.LambdaLayout;
import dev.pixelstep.local.runtime.LocalRuntime;
import dev.pixelstep.local.runtime.StateProgress;
import dev.pixelstep.testkit.photos.TestPhotos;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLClassLoader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The page in AWS mode. S3Proxy stands in for S3 (an endpoint override), and a local pipeline on
 * another data directory plays the deployment: it reacts to the uploads in that S3 and writes the
 * outputs and the manifest. Step Functions' two read calls are answered by {@link FakeStepFunctions}
 * from that pipeline's own executions, at the HTTP level, to the SDK's real {@code SfnClient}.
 */
class AwsBackendTest {

    private static final Duration WAIT = Duration.ofMinutes(2);
    private static final String STATE_MACHINE = "arn:aws:states:eu-west-1:123456789012:stateMachine:PixelstepPipeline";

    @TempDir
    static Path deployment;
    @TempDir
    static Path client;
    private static LocalRuntime pipeline;
    private static URLClassLoader operations;
    private static FakeStepFunctions stepFunctions;
    private static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
    private static final List<AutoCloseable> OPEN = new ArrayList<>();
    /** The page without the state machine's ARN: progress from the manifest alone. */
    private static WebStack manifestOnly;
    /** The page given the state machine's ARN: progress from Step Functions' history. */
    private static WebStack withHistory;

    @BeforeAll
    static void start() {
        pipeline = WebStack.startPipeline(deployment);
        stepFunctions = FakeStepFunctions.start(STATE_MACHINE);
        pipeline.addExecutionListener(stepFunctions);
        operations = LambdaLayout.prepare(client.resolve("layout"), Artifacts.extract(Artifacts.FUNCTION_ZIP, client),
                List.of(Artifacts.extract(Artifacts.LAYER_ZIP, client), WebStack.pluginLayer()))
                .layerClassLoader("pixelstep-web-operations");
        manifestOnly = page(null);
        withHistory = page(STATE_MACHINE);
    }

    private static WebStack page(String stateMachineArn) {
        AwsBackend backend = AwsBackend.connect(new AwsBackend.Settings(Region.EU_WEST_1, WebStack.INPUT, WebStack.OUTPUT, pipeline.endpoint(),
                pipeline.storage().credentials().provider(), stateMachineArn, stepFunctions.endpoint()), operations,
                new PrintStream(LOG, true, StandardCharsets.UTF_8));
        OPEN.add(backend);
        WebStack web = WebStack.over(WebServer.start(backend, "127.0.0.1", 0, new PrintStream(System.out, true)));
        OPEN.add(0, web);
        return web;
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable open : OPEN) {
            open.close();
        }
        stepFunctions.close();
        operations.close();
        pipeline.close();
    }

    @Test
    void uploadsWaitForTheManifestAndServeImagesThroughPresignedUrls() throws Exception {
        JsonNode config = manifestOnly.json("/api/config");
        assertEquals("aws", config.path("mode").asText());
        assertTrue(manifestOnly.json("/api/operations").findValuesAsText("name").contains("duotone"), "plugin layers are offered too");

        HttpResponse<String> created = manifestOnly.upload("sepia, blur(radius=2)", "Bucket photo.jpg",
                HttpRequest.BodyPublishers.ofFile(TestPhotos.jpeg()));
        assertEquals(201, created.statusCode(), created.body());
        String id = WebStack.JSON.readTree(created.body()).path("id").asText();
        JsonNode run = manifestOnly.awaitRun(id, WAIT);

        assertEquals("SUCCEEDED", run.path("status").asText(), run.toString());
        assertEquals("manifest", run.path("progressFrom").asText());
        assertEquals(0, run.path("states").size(), "without the state machine's ARN, Step Functions is not read");
        assertEquals("Bucket photo.jpg", run.path("filename").asText());
        List<JsonNode> images = new ArrayList<>(List.of(run.path("original"), run.path("combined"), run.path("histogramOriginal"),
                run.path("histogramCombined")));
        run.path("independent").forEach(images::add);
        assertEquals(6, images.size());
        for (JsonNode image : images) {
            String url = image.path("url").asText();
            assertTrue(url.startsWith(pipeline.endpoint() + "/") && url.contains("X-Amz-Signature=") && url.contains("X-Amz-Expires=1800"), url);
            HttpResponse<byte[]> file = manifestOnly.getBytes(url);
            assertEquals(200, file.statusCode(), url);
            assertNotNull(ImageIO.read(new ByteArrayInputStream(file.body())), url + " is an image");
            assertTrue(image.path("download").asText().contains("response-content-disposition=attachment"), image.toString());
        }
        String policy = manifestOnly.get("/").headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("img-src 'self' blob: " + pipeline.endpoint() + ";"), policy);
        assertTrue(manifestOnly.json("/api/runs").findValuesAsText("id").contains(id));
    }

    @Test
    void givenTheStateMachineTheRunShowsEveryStateLiveFromStepFunctionsHistory() throws Exception {
        // Executions of other things come first in the listing, two pages of them: another bucket, other uploads of this bucket.
        Instant now = Instant.now();
        stepFunctions.addEnded(STATE_MACHINE.replace("stateMachine", "execution") + ":other-bucket", now.plusSeconds(3600),
                WebStack.JSON.readTree("{\"detail\":{\"bucket\":{\"name\":\"someone-else\"},\"object\":{\"key\":\"web/x.jpg\"}}}"));
        for (int i = 0; i < 5; i++) {
            stepFunctions.addEnded(STATE_MACHINE.replace("stateMachine", "execution") + ":other-key-" + i, now.plusSeconds(3601 + i),
                    WebStack.JSON.readTree("{\"detail\":{\"bucket\":{\"name\":\"" + WebStack.INPUT + "\"},\"object\":{\"key\":\"web/other-" + i
                            + ".jpg\"}}}"));
        }
        int callsBefore = stepFunctions.calls.size();

        // The processor waits on entering until the page has shown it running: a fast machine would otherwise finish it between two polls.
        FakeStepFunctions.Hold processing = stepFunctions.holdOnEntering("Process");
        Set<String> seenRunning = new HashSet<>();
        JsonNode run;
        String id;
        try {
            HttpResponse<String> created = withHistory.upload("grayscale, blur(radius=4)", "live.jpg",
                    HttpRequest.BodyPublishers.ofFile(TestPhotos.jpeg()));
            assertEquals(201, created.statusCode(), created.body());
            id = WebStack.JSON.readTree(created.body()).path("id").asText();
            long deadline = System.nanoTime() + WAIT.toNanos();
            do {
                Thread.sleep(100);
                run = withHistory.json("/api/runs/" + id);
                assertEquals("history", run.path("progressFrom").asText());
                for (JsonNode state : run.path("states")) {
                    if (state.path("status").asText().equals("RUNNING")) {
                        seenRunning.add(state.path("name").asText());
                        assertEquals("RUNNING", run.path("status").asText(), "a run with a running state is running");
                    }
                }
                if (seenRunning.contains("Process")) {
                    processing.release();
                }
            } while (!Set.of("SUCCEEDED", "FAILED").contains(run.path("status").asText()) && System.nanoTime() < deadline);
        } finally {
            processing.release();
        }

        assertEquals("SUCCEEDED", run.path("status").asText(), run.toString());
        assertTrue(seenRunning.contains("Process"), "the processor was seen running while it ran: " + seenRunning);
        // the page lists the workflow's tasks only (issue 16): the engine's own record of those, state by state
        List<StateProgress> truth = ExecutionProgress.of(stepFunctions.historyOf("web/" + id), Instant.now()).stream()
                .filter(s -> WorkflowSteps.PUBLISHED.tasks().contains(s.name())).toList();
        List<String> shown = new ArrayList<>();
        run.path("states").forEach(s -> shown.add(s.path("name").asText() + ":" + s.path("status").asText()));
        assertEquals(truth.stream().map(s -> s.name() + ":" + s.status()).toList(), shown, "every task as the engine recorded it");
        assertTrue(shown.containsAll(List.of("Process:SUCCEEDED", "AnalyseOriginal:SUCCEEDED", "AnalyseCombined:SUCCEEDED", "WriteManifest:SUCCEEDED")),
                shown.toString());
        for (int i = 0; i < truth.size(); i++) {
            assertTrue(Math.abs(truth.get(i).millis() - run.path("states").get(i).path("millis").asLong()) <= 2, "timings to the millisecond");
        }

        List<FakeStepFunctions.Call> calls = stepFunctions.calls.subList(callsBefore, stepFunctions.calls.size());
        assertTrue(calls.stream().allMatch(c -> c.authorization() != null && c.authorization().startsWith("AWS4-HMAC-SHA256 Credential=")
                && c.authorization().contains("/eu-west-1/states/aws4_request")), "signed for Step Functions in the ARN's region");
        assertTrue(calls.stream().anyMatch(c -> c.target().equals("AWSStepFunctions.ListExecutions")
                && c.body().path("stateMachineArn").asText().equals(STATE_MACHINE) && c.body().hasNonNull("nextToken")), "listed page after page");
        assertTrue(calls.stream().anyMatch(c -> c.target().equals("AWSStepFunctions.GetExecutionHistory")
                && c.body().path("includeExecutionData").asText().equals("false")), "the history without execution data");
        long listings = calls.stream().filter(c -> c.target().equals("AWSStepFunctions.ListExecutions")).count();
        JsonNode again = withHistory.json("/api/runs/" + id);
        assertEquals(run.path("states"), again.path("states"), "a finished history is read once");
        assertEquals(listings, stepFunctions.calls.subList(callsBefore, stepFunctions.calls.size()).stream()
                .filter(c -> c.target().equals("AWSStepFunctions.ListExecutions")).count());
    }

    @Test
    void aFailedRunShowsTheStateThatFailed() throws Exception {
        byte[] cut = Arrays.copyOf(Files.readAllBytes(TestPhotos.jpeg()), 4096);
        HttpResponse<String> created = withHistory.upload("grayscale", "cut.jpg", HttpRequest.BodyPublishers.ofByteArray(cut));
        assertEquals(201, created.statusCode(), created.body());
        JsonNode run = withHistory.awaitRun(WebStack.JSON.readTree(created.body()).path("id").asText(), WAIT);
        assertEquals("FAILED", run.path("status").asText());
        assertEquals("Unsupported image", run.at("/error/type").asText(), "the error's kind in words (issue 16): " + run);
        List<String> failed = new ArrayList<>();
        run.path("states").forEach(s -> {
            if (s.path("status").asText().equals("FAILED")) {
                failed.add(s.path("name").asText());
            }
        });
        assertTrue(failed.contains("Process"), run.path("states").toString());
    }

    @Test
    void withoutPermissionToReadStepFunctionsThePageFallsBackToTheManifestAndSaysWhy() throws Exception {
        stepFunctions.refuseWith = "AccessDeniedException";
        try {
            HttpResponse<String> created = withHistory.upload("invert", "denied.png", HttpRequest.BodyPublishers.ofByteArray(WebApiTest.png(32, 32)));
            assertEquals(201, created.statusCode(), created.body());
            JsonNode run = withHistory.awaitRun(WebStack.JSON.readTree(created.body()).path("id").asText(), WAIT);
            assertEquals("SUCCEEDED", run.path("status").asText(), "the manifest still tells: " + run);
            assertEquals(0, run.path("states").size());
            String log = LOG.toString(StandardCharsets.UTF_8);
            assertTrue(log.contains("cannot read Step Functions' history of " + STATE_MACHINE) && log.contains("states:ListExecutions"), log);
        } finally {
            stepFunctions.refuseWith = null;
        }
    }

    @Test
    void settingsRefuseTheSameBucketTwiceAndAnythingButAStateMachineArn() {
        assertThrows(IllegalArgumentException.class, () -> AwsBackend.Settings.aws(Region.EU_WEST_1, "photos", "photos", null));
        for (String arn : List.of("arn:aws:states:eu-west-1:123456789012:execution:PixelstepPipeline:abc", "PixelstepPipeline",
                "arn:aws:lambda:eu-west-1:123456789012:function:pixelstep", "arn:aws:states:eu-west-1:123:stateMachine:x")) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> AwsBackend.Settings.aws(Region.EU_WEST_1, "in", "out", arn));
            assertTrue(refused.getMessage().contains("StateMachineArn"), refused.getMessage());
        }
        for (String arn : List.of(STATE_MACHINE, STATE_MACHINE + ":live", STATE_MACHINE + ":3",
                "arn:aws-cn:states:cn-north-1:123456789012:stateMachine:p")) {
            AwsBackend.Settings.aws(Region.EU_WEST_1, "in", "out", arn);
        }
        assertEquals(Region.CN_NORTH_1, AwsBackend.Settings.aws(Region.EU_WEST_1, "in", "out",
                "arn:aws-cn:states:cn-north-1:123456789012:stateMachine:p").stateMachineRegion());
    }
}
