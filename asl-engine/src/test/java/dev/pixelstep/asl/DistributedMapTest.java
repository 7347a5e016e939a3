package dev.pixelstep.asl;

import static dev.pixelstep.asl.Fixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pixelstep.asl.definition.InvalidDefinitionException;
import dev.pixelstep.asl.error.ErrorNames;
import dev.pixelstep.asl.error.TaskFailure;
import dev.pixelstep.asl.history.HistoryEvent;
import dev.pixelstep.asl.internal.json.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Distributed Map: item readers over S3 (listing, JSON and CSV objects), ItemSelector, ItemBatcher, MaxConcurrency,
 * the tolerated-failure threshold, the ResultWriter's files, the errors of reading and writing, and child workflow
 * executions with their own ARN and history.
 */
class DistributedMapTest {

    private static final String WORK = "arn:aws:states:::aws-sdk:test:work";

    private static String map(String mapFields, String childStates) {
        return """
                {"StartAt": "M", "States": {"M": {"Type": "Map", %s
                  "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                    "StartAt": "C", "States": %s}, "End": true}}}""".formatted(mapFields, childStates);
    }

    private static final String ECHO_CHILD = "{\"C\": {\"Type\": \"Pass\", \"End\": true}}";
    private static final String WORK_CHILD = "{\"C\": {\"Type\": \"Task\", \"Resource\": \"" + WORK + "\", \"End\": true}}";

    private static final String LIST = """
            "ItemReader": {"Resource": "arn:aws:states:::s3:listObjectsV2",
              "Parameters": {"Bucket.$": "$.bucket", "Prefix.$": "$.prefix"}},""";

    private static InMemoryS3 photos(int count) {
        InMemoryS3 s3 = new InMemoryS3(3).bucket("out");
        for (int i = 0; i < count; i++) {
            s3.object("in", "photos/%02d.jpg".formatted(i), "x".repeat(i));
        }
        s3.object("in", "other/skip.jpg", "x");
        return s3;
    }

    @Test
    void theListingIsReadPageByPageAndEachObjectRunsAsAChildExecutionOfItsOwn() {
        InMemoryS3 s3 = photos(7);
        Map<String, List<String>> childEvents = new ConcurrentHashMap<>();
        try (Fixture f = new Fixture()) {
            f.builder().s3(s3).listener((arn, event) -> childEvents.computeIfAbsent(arn, a -> Collections.synchronizedList(
                    new ArrayList<>())).add(event.type().awsName() + (event.details() != null && event.details().has("mapRunArn")
                    ? " " + event.details().get("mapRunArn").asText() : "")));
            Execution execution = f.run(map(LIST + """
                    "ItemSelector": {"key.$": "$$.Map.Item.Value.Key", "size.$": "$$.Map.Item.Value.Size", "index.$": "$$.Map.Item.Index",
                      "chain.$": "$.chain"},""", ECHO_CHILD), "{\"bucket\": \"in\", \"prefix\": \"photos/\", \"chain\": \"sepia\"}");
            assertEquals(ExecutionStatus.SUCCEEDED, execution.status(), execution.cause());
            JsonNode output = execution.output();
            assertEquals(7, output.size());
            for (int i = 0; i < 7; i++) {
                assertEquals("{\"key\":\"photos/%02d.jpg\",\"size\":%d,\"index\":%d,\"chain\":\"sepia\"}".formatted(i, i, i),
                        Json.write(output.get(i)));
            }
            assertEquals(3, s3.listCalls.get(), "7 keys in pages of 3");
            List<String> types = execution.history().stream().map(e -> e.type().awsName()).toList();
            assertTrue(types.containsAll(List.of("MapStateStarted", "MapRunStarted", "MapRunSucceeded", "MapStateSucceeded")), types.toString());
            String mapRunArn = execution.history().stream().filter(e -> e.type().awsName().equals("MapRunStarted")).findFirst()
                    .orElseThrow().details().get("mapRunArn").asText();
            assertTrue(mapRunArn.startsWith("arn:aws:states:us-east-1:123456789012:mapRun:StateMachine/M:"), mapRunArn);
            List<String> children = childEvents.keySet().stream().filter(arn -> !arn.equals(execution.arn())).toList();
            assertEquals(7, children.size(), "one child execution per object: " + childEvents.keySet());
            for (String child : children) {
                assertTrue(child.startsWith("arn:aws:states:us-east-1:123456789012:execution:StateMachine/M:"), child);
                assertEquals(List.of("ExecutionStarted " + mapRunArn, "PassStateEntered", "PassStateExited", "ExecutionSucceeded"),
                        childEvents.get(child));
            }
        }
    }

    @Test
    void aJsonObjectOrACsvObjectIsReadAsItemsUpToMaxItems() {
        InMemoryS3 s3 = new InMemoryS3(10)
                .object("in", "items.json", "[{\"n\": 1}, {\"n\": 2}, {\"n\": 3}]")
                .object("in", "first-row.csv", "key,chain\r\na.jpg,sepia\r\n\"b, c.jpg\",\"blur(radius=4), \"\"x\"\"\"\r\n")
                .object("in", "given.csv", "a.jpg,sepia\nb.jpg,invert\nc.jpg,blur\n");
        try (Fixture f = new Fixture()) {
            f.builder().s3(s3);
            assertEquals(json("[{'n': 1}, {'n': 2}]"), f.output(map("""
                    "ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "Parameters": {"Bucket": "in", "Key": "items.json"},
                      "ReaderConfig": {"InputType": "JSON", "MaxItems": 2}},""", ECHO_CHILD), "{}"));
            assertEquals(json("[{'key': 'a.jpg', 'chain': 'sepia'}, {'key': 'b, c.jpg', 'chain': 'blur(radius=4), \\\"x\\\"'}]"),
                    f.output(map("""
                    "ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "Parameters": {"Bucket": "in", "Key": "first-row.csv"},
                      "ReaderConfig": {"InputType": "CSV", "CSVHeaderLocation": "FIRST_ROW"}},""", ECHO_CHILD), "{}"));
            assertEquals(json("[{'k': 'a.jpg', 'c': 'sepia'}, {'k': 'b.jpg', 'c': 'invert'}]"), f.output(map("""
                    "ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "Parameters": {"Bucket": "in", "Key": "given.csv"},
                      "ReaderConfig": {"InputType": "CSV", "CSVHeaderLocation": "GIVEN", "CSVHeaders": ["k", "c"], "MaxItemsPath": "$.max"}},""",
                    ECHO_CHILD), "{\"max\": 2}"));
        }
    }

    @Test
    void itemsAreBatchedByCountAndBytesWithTheBatchInput() {
        InMemoryS3 s3 = photos(5);
        try (Fixture f = new Fixture()) {
            f.builder().s3(s3);
            JsonNode byCount = f.output(map(LIST + """
                    "ItemSelector": {"key.$": "$$.Map.Item.Value.Key"},
                    "ItemBatcher": {"MaxItemsPerBatch": 2, "BatchInput": {"chain.$": "$.chain"}},""", ECHO_CHILD),
                    "{\"bucket\": \"in\", \"prefix\": \"photos/\", \"chain\": \"sepia\"}");
            assertEquals(json("""
                    [{'BatchInput': {'chain': 'sepia'}, 'Items': [{'key': 'photos/00.jpg'}, {'key': 'photos/01.jpg'}]},
                     {'BatchInput': {'chain': 'sepia'}, 'Items': [{'key': 'photos/02.jpg'}, {'key': 'photos/03.jpg'}]},
                     {'BatchInput': {'chain': 'sepia'}, 'Items': [{'key': 'photos/04.jpg'}]}]"""), byCount);
            // {"Items":[]} is 12 bytes; each item {"key":"photos/0n.jpg"} is 25 bytes and a comma: two fit in 64, three do not
            JsonNode byBytes = f.output(map(LIST + """
                    "ItemSelector": {"key.$": "$$.Map.Item.Value.Key"},
                    "ItemBatcher": {"MaxInputBytesPerBatch": 64},""", ECHO_CHILD), "{\"bucket\": \"in\", \"prefix\": \"photos/\"}");
            List<Integer> sizes = new ArrayList<>();
            byBytes.forEach(batch -> sizes.add(batch.get("Items").size()));
            assertEquals(List.of(2, 2, 1), sizes);
            byBytes.forEach(batch -> assertTrue(Json.write(batch).length() <= 64, Json.write(batch)));
        }
    }

    @Test
    void atMostMaxConcurrencyChildrenRunAtOnce() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CyclicBarrier pairs = new CyclicBarrier(2);
        try (Fixture f = new Fixture().task(WORK, invocation -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                pairs.await(20, TimeUnit.SECONDS); // completes only when two children run at the same time
            } finally {
                running.decrementAndGet();
            }
            return invocation.input();
        })) {
            f.builder().s3(photos(6));
            Execution execution = f.run(map(LIST + "\"MaxConcurrencyPath\": \"$.concurrency\",", WORK_CHILD),
                    "{\"bucket\": \"in\", \"prefix\": \"photos/\", \"concurrency\": 2}");
            assertEquals(ExecutionStatus.SUCCEEDED, execution.status(), execution.cause());
            assertEquals(2, most.get());
        }
    }

    private static Fixture failingOn(List<String> failing) {
        return new Fixture().task(WORK, invocation -> {
            String key = invocation.input().path("Key").asText();
            if (failing.contains(key)) {
                throw new TaskFailure("Image.Broken", key + " is broken");
            }
            return Json.object().put("key", key);
        });
    }

    @Test
    void failuresWithinTheToleratedPercentageLetTheMapRunSucceed() {
        try (Fixture f = failingOn(List.of("photos/03.jpg", "photos/07.jpg"))) {
            f.builder().s3(photos(10));
            Execution execution = f.run(map(LIST + "\"ToleratedFailurePercentagePath\": \"$.tolerated\",", WORK_CHILD),
                    "{\"bucket\": \"in\", \"prefix\": \"photos/\", \"tolerated\": 20}");
            assertEquals(ExecutionStatus.SUCCEEDED, execution.status(), execution.cause());
            assertEquals(json("{'Error': 'Image.Broken', 'Cause': 'photos/03.jpg is broken'}"), execution.output().get(3));
            assertEquals(json("{'key': 'photos/04.jpg'}"), execution.output().get(4));
        }
    }

    @Test
    void moreFailuresThanToleratedFailTheMapRunWithExceedToleratedFailureThreshold() {
        List<String> broken = List.of("photos/03.jpg", "photos/07.jpg");
        for (String fields : List.of("\"ToleratedFailurePercentage\": 10,", "\"ToleratedFailureCount\": 1,", "")) {
            try (Fixture f = failingOn(broken)) {
                f.builder().s3(photos(10));
                Execution execution = f.run(map(LIST + "\"MaxConcurrency\": 1," + fields, WORK_CHILD),
                        "{\"bucket\": \"in\", \"prefix\": \"photos/\"}");
                assertEquals(ExecutionStatus.FAILED, execution.status(), fields);
                assertEquals(ErrorNames.EXCEED_TOLERATED_FAILURE_THRESHOLD, execution.error(), fields);
                assertTrue(execution.cause().contains(fields.isEmpty() ? "1 of 10 items failed" : "2 of 10 items failed"),
                        fields + ": " + execution.cause());
                assertTrue(execution.history().stream().anyMatch(e -> e.type().awsName().equals("MapRunFailed")));
            }
        }
    }

    @Test
    void theThresholdIsCaughtLikeAnyErrorAndStopsTheChildrenNotYetStarted() {
        AtomicInteger started = new AtomicInteger();
        try (Fixture f = new Fixture().task(WORK, invocation -> {
            started.incrementAndGet();
            throw new TaskFailure("Image.Broken", "broken");
        })) {
            f.builder().s3(photos(10));
            JsonNode output = f.output("""
                    {"StartAt": "M", "States": {"M": {"Type": "Map", %s "MaxConcurrency": 1, "ToleratedFailureCount": 2,
                      "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"}, "StartAt": "C", "States": %s},
                      "Catch": [{"ErrorEquals": ["States.ExceedToleratedFailureThreshold"], "ResultPath": "$.error", "Next": "Caught"}],
                      "End": true},
                      "Caught": {"Type": "Pass", "Parameters": {"error.$": "$.error.Error"}, "End": true}}}""".formatted(LIST, WORK_CHILD),
                    "{\"bucket\": \"in\", \"prefix\": \"photos/\"}");
            assertEquals(json("{'error': 'States.ExceedToleratedFailureThreshold'}"), output);
            assertEquals(3, started.get(), "the third failure exceeds a count of 2; no further child starts");
        }
    }

    @Test
    void theResultWriterWritesTheManifestAndOneFilePerStatusAsStepFunctionsDoes() {
        InMemoryS3 s3 = photos(4);
        try (Fixture f = failingOn(List.of("photos/02.jpg"))) {
            f.builder().s3(s3);
            Execution execution = f.run(map(LIST + """
                    "ToleratedFailurePercentage": 50,
                    "ResultWriter": {"Resource": "arn:aws:states:::s3:putObject", "Parameters": {"Bucket": "out", "Prefix.$": "$.results"}},""",
                    WORK_CHILD), "{\"bucket\": \"in\", \"prefix\": \"photos/\", \"results\": \"runs/one\"}");
            assertEquals(ExecutionStatus.SUCCEEDED, execution.status(), execution.cause());
            JsonNode output = execution.output();
            String manifestKey = output.at("/ResultWriterDetails/Key").asText();
            String runId = output.get("MapRunArn").asText().substring(output.get("MapRunArn").asText().lastIndexOf(':') + 1);
            assertEquals("runs/one/" + runId + "/manifest.json", manifestKey);
            assertEquals("out", output.at("/ResultWriterDetails/Bucket").asText());
            JsonNode manifest = Json.parse(s3.text("out", manifestKey));
            assertEquals("out", manifest.get("DestinationBucket").asText());
            assertEquals(output.get("MapRunArn"), manifest.get("MapRunArn"));
            assertEquals("runs/one/" + runId + "/SUCCEEDED_0.json", manifest.at("/ResultFiles/SUCCEEDED/0/Key").asText());
            assertEquals(json("[]"), manifest.at("/ResultFiles/PENDING"));
            JsonNode succeeded = Json.parse(s3.text("out", "runs/one/" + runId + "/SUCCEEDED_0.json"));
            assertEquals(manifest.at("/ResultFiles/SUCCEEDED/0/Size").asInt(), s3.text("out", "runs/one/" + runId + "/SUCCEEDED_0.json")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
            assertEquals(3, succeeded.size());
            JsonNode first = succeeded.get(0);
            assertEquals("SUCCEEDED", first.get("Status").asText());
            assertEquals("{\"key\":\"photos/00.jpg\"}", first.get("Output").asText(), "Output is JSON text, as AWS writes it");
            assertTrue(Json.parse(first.get("Input").asText()).has("Etag"));
            assertTrue(first.get("ExecutionArn").asText().contains(":execution:StateMachine/M:"));
            JsonNode failed = Json.parse(s3.text("out", "runs/one/" + runId + "/FAILED_0.json"));
            assertEquals(1, failed.size());
            assertEquals("Image.Broken", failed.get(0).get("Error").asText());
            assertEquals("photos/02.jpg is broken", failed.get(0).get("Cause").asText());
            assertEquals("photos/02.jpg", Json.parse(failed.get(0).get("Input").asText()).get("Key").asText());
        }
    }

    @Test
    void itemsNeverStartedAreWrittenAsPendingWhenTheMapRunFails() {
        InMemoryS3 s3 = photos(5);
        try (Fixture f = failingOn(List.of("photos/00.jpg"))) {
            f.builder().s3(s3);
            Execution execution = f.run(map(LIST + """
                    "MaxConcurrency": 1,
                    "ResultWriter": {"Resource": "arn:aws:states:::s3:putObject", "Parameters": {"Bucket": "out", "Prefix": "r"}},""",
                    WORK_CHILD), "{\"bucket\": \"in\", \"prefix\": \"photos/\"}");
            assertEquals(ErrorNames.EXCEED_TOLERATED_FAILURE_THRESHOLD, execution.error());
            String manifestKey = s3.objects("out").keySet().stream().filter(k -> k.endsWith("/manifest.json")).findFirst().orElseThrow();
            JsonNode manifest = Json.parse(s3.text("out", manifestKey));
            JsonNode pending = Json.parse(s3.text("out", manifest.at("/ResultFiles/PENDING/0/Key").asText()));
            assertEquals(4, pending.size());
            assertEquals("PENDING", pending.get(0).get("Status").asText());
        }
    }

    @Test
    void readingAndWritingFailuresAreItemReaderFailedAndResultWriterFailed() {
        InMemoryS3 s3 = photos(2).object("in", "not-an-array.json", "{\"a\": 1}");
        try (Fixture f = new Fixture()) {
            f.builder().s3(s3);
            Execution missingBucket = f.run(map(LIST, ECHO_CHILD), "{\"bucket\": \"nope\", \"prefix\": \"\"}");
            assertEquals(ErrorNames.ITEM_READER_FAILED, missingBucket.error());
            assertTrue(missingBucket.cause().contains("NoSuchBucket"), missingBucket.cause());
            Execution notArray = f.run(map("""
                    "ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "Parameters": {"Bucket": "in", "Key": "not-an-array.json"},
                      "ReaderConfig": {"InputType": "JSON"}},""", ECHO_CHILD), "{}");
            assertEquals(ErrorNames.ITEM_READER_FAILED, notArray.error());
            assertTrue(notArray.cause().contains("must hold a JSON array"), notArray.cause());
            s3.refuseWrites = true;
            Execution refused = f.run(map(LIST + """
                    "ResultWriter": {"Resource": "arn:aws:states:::s3:putObject", "Parameters": {"Bucket": "out", "Prefix": "r"}},""",
                    ECHO_CHILD), "{\"bucket\": \"in\", \"prefix\": \"photos/\"}");
            assertEquals(ErrorNames.RESULT_WRITER_FAILED, refused.error());
            assertTrue(refused.cause().contains("AccessDenied"), refused.cause());
        }
    }

    @Test
    void withoutAnS3PortAMapOverS3IsRefusedBeforeItStarts() {
        try (Fixture f = new Fixture()) {
            InvalidDefinitionException e = assertThrows(InvalidDefinitionException.class,
                    () -> f.start(map(LIST, ECHO_CHILD), "{}"));
            assertTrue(e.getMessage().contains("no S3 port"), e.getMessage());
        }
    }

    @Test
    void aDistributedMapOverTheStateInputNeedsNoS3() {
        try (Fixture f = new Fixture()) {
            assertEquals(json("[1, 2, 3]"), f.output(map("\"ItemsPath\": \"$.items\",", ECHO_CHILD), "{\"items\": [1, 2, 3]}"));
        }
    }

    @Test
    void aChildStateMachineRunsToItsEndAndItsFailureIsTaskFailedWithItsErrorInTheCause() {
        StateMachine child = StateMachine.parse("child", """
                {"StartAt": "Check", "States": {"Check": {"Type": "Choice",
                  "Choices": [{"Variable": "$.ok", "BooleanEquals": true, "Next": "Ok"}], "Default": "No"},
                  "Ok": {"Type": "Pass", "Parameters": {"done.$": "$.n"}, "End": true},
                  "No": {"Type": "Fail", "Error": "Child.Refused", "Cause": "not ok"}}}""");
        try (Fixture f = new Fixture()) {
            f.builder().startExecutionTarget(child);
            String parent = """
                    {"StartAt": "Run", "States": {"Run": {"Type": "Task", "Resource": "arn:aws:states:::states:startExecution.sync:2",
                      "Parameters": {"StateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:child:live",
                                     "Input": {"ok.$": "$.ok", "n": 7}}, "End": true}}}""";
            JsonNode output = f.output(parent, "{\"ok\": true}");
            assertEquals(json("{'done': 7}"), output.get("Output"));
            assertEquals("SUCCEEDED", output.get("Status").asText());
            assertTrue(output.get("ExecutionArn").asText().startsWith("arn:aws:states:us-east-1:123456789012:execution:child:"));
            Execution failed = f.run(parent, "{\"ok\": false}");
            assertEquals("States.TaskFailed", failed.error());
            JsonNode cause = Json.parse(failed.cause());
            assertEquals("FAILED", cause.get("Status").asText());
            assertEquals("Child.Refused", cause.get("Error").asText());
            assertEquals("not ok", cause.get("Cause").asText());
            HistoryEvent scheduled = failed.history().stream().filter(e -> e.type().awsName().equals("TaskScheduled")).findFirst().orElseThrow();
            assertEquals("states", scheduled.details().get("resourceType").asText());
            assertEquals("startExecution.sync:2", scheduled.details().get("resource").asText(), "as AWS names it in the history");
        }
    }
}
