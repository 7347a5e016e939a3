package dev.pixelstep.cdk.smoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.pixelstep.asl.Execution;
import dev.pixelstep.asl.history.HistoryEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;

import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Timings from a real execution history: the published ASL run by the local engine with the real
 * handlers, its history served as Step Functions' GetExecutionHistory answers it (JSON 1.0 protocol,
 * epoch-second timestamps, in pages) to the AWS SDK's own client, which {@link ExecutionTimings} reads.
 */
class ExecutionTimingsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, List<HistoryEvent>> HISTORIES = new ConcurrentHashMap<>();
    private static PipelineOnOneMachine pipeline;
    private static HttpServer stepFunctions;
    private static SfnClient sfn;
    private static int requests;

    @BeforeAll
    static void start() throws Exception {
        pipeline = new PipelineOnOneMachine();
        stepFunctions = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stepFunctions.createContext("/", exchange -> {
            requests++;
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            byte[] body;
            int status = 200;
            List<HistoryEvent> history = HISTORIES.get(request.path("executionArn").asText());
            if (!"AWSStepFunctions.GetExecutionHistory".equals(target) || history == null) {
                status = 400;
                body = ("{\"__type\":\"ExecutionDoesNotExist\",\"message\":\"Execution Does Not Exist: '"
                        + request.path("executionArn").asText() + "'\"}").getBytes(StandardCharsets.UTF_8);
            } else {
                body = JSON.writeValueAsBytes(page(history, request.path("nextToken").asText("0")));
            }
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        stepFunctions.start();
        sfn = SfnClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + stepFunctions.getAddress().getPort()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @AfterAll
    static void stop() {
        sfn.close();
        stepFunctions.stop(0);
        pipeline.close();
    }

    /** One page of 10 events, as GetExecutionHistory pages them, with AWS's epoch-second timestamps. */
    private static ObjectNode page(List<HistoryEvent> history, String token) {
        int from = Integer.parseInt(token);
        ObjectNode page = JSON.createObjectNode();
        ArrayNode events = page.putArray("events");
        for (HistoryEvent event : history.subList(from, Math.min(history.size(), from + 10))) {
            ObjectNode aws = event.toAwsJson();
            Instant timestamp = event.timestamp();
            aws.put("timestamp", BigDecimal.valueOf(timestamp.getEpochSecond()).add(BigDecimal.valueOf(timestamp.getNano(), 9)));
            events.add(aws);
        }
        if (from + 10 < history.size()) {
            page.put("nextToken", Integer.toString(from + 10));
        }
        return page;
    }

    @Test
    void aSucceededRunIsTimedStateByStateFromItsWholeHistory() throws Exception {
        Execution execution = pipeline.run("timed/photo.jpg", SmokeTest.generatedPhoto(), "grayscale, invert");
        HISTORIES.put(execution.arn(), execution.history());
        int before = requests;
        ExecutionTimings timings = ExecutionTimings.of(sfn, execution.arn());
        assertTrue(requests - before >= 2, "the history is longer than one page and every page was read");
        List<String> names = timings.states().stream().map(ExecutionTimings.StateTiming::name).toList();
        for (String state : List.of("ExtractObject", "ProcessAndAnalyseOriginal", "Process", "AnalyseOriginal", "AnalyseCombined",
                "BuildManifest", "WriteManifest", "Done")) {
            assertTrue(names.contains(state), state + " in " + names);
        }
        long sum = timings.states().stream().filter(s -> List.of("ExtractObject", "ProcessAndAnalyseOriginal", "UseResolvedKey", "AnalyseCombined",
                "BuildManifest", "WriteManifest", "Done").contains(s.name())).mapToLong(s -> s.duration().toMillis()).sum();
        assertTrue(sum <= timings.total().toMillis(), "top-level states run one after another within the execution: " + sum + " <= " + timings.total());
        long process = timings.states().stream().filter(s -> s.name().equals("Process")).findFirst().orElseThrow().duration().toMillis();
        long parallel = timings.states().stream().filter(s -> s.name().equals("ProcessAndAnalyseOriginal")).findFirst().orElseThrow().duration().toMillis();
        assertTrue(process > 0 && process <= parallel, "Process " + process + " ms runs inside the Parallel, " + parallel + " ms");
        assertTrue(timings.describe("cold").startsWith("cold: " + timings.total().toMillis() + " ms from start to end (" + execution.arn() + ")"));
    }

    @Test
    void aFailedRunIsTimedToItsFailure() throws Exception {
        Execution execution = pipeline.run("timed/bad.jpg", "no image".getBytes(StandardCharsets.UTF_8), "grayscale");
        HISTORIES.put(execution.arn(), execution.history());
        ExecutionTimings timings = ExecutionTimings.of(sfn, execution.arn());
        List<String> names = timings.states().stream().map(ExecutionTimings.StateTiming::name).toList();
        assertEquals("WriteFailedManifest", names.get(names.size() - 1),
                "the FAILED manifest is written last; the Fail state after it is entered, never exited, and ends the execution: " + names);
        assertTrue(timings.total().toMillis() >= timings.states().stream().mapToLong(s -> s.duration().toMillis()).max().orElseThrow());
    }
}
