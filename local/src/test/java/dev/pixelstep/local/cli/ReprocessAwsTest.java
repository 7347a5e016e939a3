package dev.pixelstep.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.pixelstep.local.storage.EmbeddedS3;
import dev.pixelstep.local.storage.S3Credentials;
import dev.pixelstep.statemachine.BulkReprocessDefinition;
import dev.pixelstep.statemachine.BulkSummary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code pixelstep reprocess --aws} against a fake Step Functions endpoint speaking AWS JSON 1.0 as the API reference
 * shapes {@code StartExecution}, {@code DescribeExecution}, {@code ListMapRuns} and {@code DescribeMapRun} (epoch-second
 * timestamps, errors as {@code __type}), with S3Proxy as the deployment's output bucket, where the fake "state machine"
 * writes its summary as the real one does before it ends. No real AWS.
 */
class ReprocessAwsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OUTPUT = "deployed-output";
    private static final String ALIAS = "arn:aws:states:eu-west-1:123456789012:stateMachine:pixelstep-bulk-reprocess:live";

    @TempDir
    Path data;
    private EmbeddedS3 storage;
    private S3Client s3;
    private FakeBulkStepFunctions fake;
    private SfnClient sfn;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws IOException {
        storage = EmbeddedS3.start(data.resolve("s3"), "127.0.0.1", 0, S3Credentials.generate(), created -> { }, OUTPUT);
        s3 = storage.client();
        fake = new FakeBulkStepFunctions();
        sfn = SfnClient.builder().region(Region.EU_WEST_1).endpointOverride(fake.uri())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterEach
    void stop() {
        sfn.close();
        fake.close();
        s3.close();
        storage.close();
    }

    @Test
    void startsTheAliasWithTheRequestFollowsTheMapRunAndPrintsTheSummaryFromS3() throws Exception {
        fake.ending = "SUCCEEDED";
        fake.summary = summary("SUCCEEDED", "holiday/broken.jpg");
        int status = reprocess("run-1");

        assertEquals(0, status, out());
        FakeBulkStepFunctions.Call start = fake.calls.get(0);
        assertEquals("AWSStepFunctions.StartExecution", start.target());
        assertTrue(start.authorization().startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/"), start.authorization());
        assertEquals(ALIAS, start.body().path("stateMachineArn").asText());
        assertEquals("run-1", start.body().path("name").asText());
        assertEquals(request(), JSON.readTree(start.body().path("input").asText()), "the local run's request document");
        List<String> targets = fake.calls.stream().map(FakeBulkStepFunctions.Call::target).distinct().toList();
        assertEquals(List.of("AWSStepFunctions.StartExecution", "AWSStepFunctions.DescribeExecution", "AWSStepFunctions.ListMapRuns",
                "AWSStepFunctions.DescribeMapRun"), targets);
        assertTrue(out().contains("execution: " + FakeBulkStepFunctions.EXECUTION_PREFIX + "run-1"), out());
        assertTrue(out().contains("progress: 5/5 done, 1 failed, ") && out().contains(", SUCCEEDED"), out());
        assertTrue(out().contains("SUCCEEDED: 5 object(s): 3 succeeded, 1 failed, 1 skipped, 0 not run"), out());
        assertTrue(out().contains("  FAILED holiday/broken.jpg  Pixelstep.Unsupported: not an image"), out());
        assertTrue(out().contains("summary: s3://" + OUTPUT + "/bulk-runs/run-1/summary.json"), out());
    }

    @Test
    void aFailedRunExitsOneWithItsErrorAndARunNameInUseIsRefusedBeforeStarting() throws Exception {
        fake.ending = "FAILED";
        fake.summary = summary("FAILED", "holiday/broken.jpg");
        assertEquals(1, reprocess("run-2"), out());
        assertTrue(out().contains("FAILED: 5 object(s)"), out());

        int calls = fake.calls.size();
        UsageException refused = org.junit.jupiter.api.Assertions.assertThrows(UsageException.class, () -> reprocess("run-2"));
        assertTrue(refused.getMessage().contains("exists already"), refused.getMessage());
        assertEquals(calls, fake.calls.size(), "nothing was started");
    }

    @Test
    void theAwsOptionsAreRequiredAndChecked() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(List.of("reprocess", "--aws", "--prefix", "p/", "--ops", "invert", "--region", "eu-west-1",
                "--input-bucket", "in", "--output-bucket", "out", "--data", data.toString()), new PrintStream(printed, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, status);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--state-machine-arn (the stack output BulkStateMachineAliasArn)"), err.toString(StandardCharsets.UTF_8));
        err.reset();
        assertEquals(2, Main.run(List.of("reprocess", "--prefix", "p/", "--ops", "invert", "--region", "eu-west-1", "--data", data.toString()),
                new PrintStream(printed, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--region is for --aws only"), err.toString(StandardCharsets.UTF_8));
    }

    private int reprocess(String name) {
        return new ReprocessCommand(new PrintStream(printed, true, StandardCharsets.UTF_8), false)
                .aws(sfn, s3, ALIAS, OUTPUT, request(), "invert", name, Duration.ofSeconds(60));
    }

    private static ObjectNode request() {
        return JSON.createObjectNode().put("prefix", "holiday/").put("operations", "invert").put("maxConcurrency", 8)
                .put("toleratedFailurePercentage", 20).put("bucket", "deployed-input");
    }

    private byte[] summary(String status, String failedKey) {
        ObjectNode summary = JSON.createObjectNode().put("schema", BulkSummary.SCHEMA).put("status", status)
                .put("execution", "arn").put("failedNotListed", 0);
        summary.set("request", request());
        summary.putObject("counts").put("total", 5).put("succeeded", 3).put("failed", 1).put("skipped", 1).put("pending", 0);
        summary.putArray("failed").addObject().put("key", failedKey).putObject("error").put("type", "Pixelstep.Unsupported")
                .put("message", "not an image");
        return summary.toString().getBytes(StandardCharsets.UTF_8);
    }

    private String out() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    /**
     * The four calls at the HTTP level. The execution runs for three {@code DescribeExecution} calls, its Map Run's
     * counts growing (5 items; the skipped one counted as succeeded, as Step Functions counts it), then ends as
     * {@link #ending}, having written {@link #summary} to the output bucket.
     */
    private final class FakeBulkStepFunctions implements AutoCloseable {

        static final String EXECUTION_PREFIX = "arn:aws:states:eu-west-1:123456789012:execution:pixelstep-bulk-reprocess:";

        record Call(String target, String authorization, JsonNode body) {
        }

        final List<Call> calls = new CopyOnWriteArrayList<>();
        volatile String ending;
        volatile byte[] summary;
        private final AtomicInteger described = new AtomicInteger();
        private final HttpServer server;
        private volatile String execution;

        FakeBulkStepFunctions() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", this::handle);
            server.start();
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
                JsonNode body = JSON.readTree(exchange.getRequestBody());
                calls.add(new Call(target, exchange.getRequestHeaders().getFirst("Authorization"), body));
                ObjectNode answer = JSON.createObjectNode();
                switch (String.valueOf(target)) {
                    case "AWSStepFunctions.StartExecution" -> {
                        execution = EXECUTION_PREFIX + body.path("name").asText();
                        described.set(0);
                        answer.put("executionArn", execution).put("startDate", Instant.now().getEpochSecond());
                    }
                    case "AWSStepFunctions.DescribeExecution" -> {
                        int n = described.incrementAndGet();
                        boolean ended = n > 3;
                        if (ended && n == 4) {
                            String name = execution.substring(EXECUTION_PREFIX.length());
                            s3.putObject(b -> b.bucket(OUTPUT).key(BulkReprocessDefinition.summaryKey(name)), RequestBody.fromBytes(summary));
                        }
                        answer.put("executionArn", execution).put("stateMachineArn", ALIAS.substring(0, ALIAS.lastIndexOf(':')))
                                .put("status", ended ? ending : "RUNNING").put("startDate", 1_764_000_000.25);
                        if (ended && ending.equals("FAILED")) {
                            answer.put("error", "States.ExceedToleratedFailureThreshold").put("cause", "too many failed");
                        }
                    }
                    case "AWSStepFunctions.ListMapRuns" -> answer.putArray("mapRuns").addObject()
                            .put("executionArn", body.path("executionArn").asText()).put("mapRunArn", execution.replace(":execution:", ":mapRun:") + "/m1")
                            .put("stateMachineArn", "arn").put("startDate", 1_764_000_001);
                    case "AWSStepFunctions.DescribeMapRun" -> {
                        int n = Math.min(described.get(), 4);
                        long succeeded = n == 1 ? 1 : n == 2 ? 2 : 4;
                        long failed = n >= 2 ? 1 : 0;
                        answer.put("mapRunArn", body.path("mapRunArn").asText()).put("status", n >= 4 ? "SUCCEEDED" : "RUNNING")
                                .putObject("itemCounts").put("total", 5).put("succeeded", succeeded).put("failed", failed)
                                .put("pending", 5 - succeeded - failed).put("running", 0).put("timedOut", 0).put("aborted", 0)
                                .put("resultsWritten", succeeded + failed);
                    }
                    default -> {
                        exchange.sendResponseHeaders(400, -1);
                        return;
                    }
                }
                byte[] bytes = answer.toString().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
