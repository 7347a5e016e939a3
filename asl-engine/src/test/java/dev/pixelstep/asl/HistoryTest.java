package dev.pixelstep.asl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pixelstep.asl.history.HistoryEvent;
import dev.pixelstep.asl.history.HistoryEventType;
import dev.pixelstep.asl.internal.json.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The execution history: event types, ids, previous-event ids, details, listeners and AWS's JSON shape. */
class HistoryTest {

    private static final String TASK = "arn:aws:states:::aws-sdk:s3:getObject";

    private static List<String> types(Execution execution) {
        return execution.history().stream().map(e -> e.type().awsName()).toList();
    }

    @Test
    void aLinearExecutionRecordsEveryStepInOrderWithChainedIds() {
        try (Fixture f = new Fixture().task(TASK, invocation -> Json.parse("{\"Body\": \"b\"}"))) {
            Execution execution = f.run("""
                    {"StartAt": "Get", "States": {
                      "Get": {"Type": "Task", "Resource": "%s", "Parameters": {"Key.$": "$.key"}, "ResultPath": "$.got",
                        "TimeoutSeconds": 30, "Next": "Wait"},
                      "Wait": {"Type": "Wait", "Seconds": 3, "Next": "Done"},
                      "Done": {"Type": "Succeed"}}}""".formatted(TASK), "{\"key\": \"k\"}");
            assertEquals(List.of("ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSucceeded",
                    "TaskStateExited", "WaitStateEntered", "WaitStateExited", "SucceedStateEntered", "SucceedStateExited",
                    "ExecutionSucceeded"), types(execution));
            List<HistoryEvent> events = execution.history();
            for (int i = 0; i < events.size(); i++) {
                assertEquals(i + 1, events.get(i).id());
                assertEquals(i, events.get(i).previousEventId());
            }
            HistoryEvent scheduled = events.get(2);
            assertEquals("aws-sdk:s3", scheduled.detail("resourceType").asText());
            assertEquals("getObject", scheduled.detail("resource").asText());
            assertEquals("us-east-1", scheduled.detail("region").asText());
            assertEquals(Json.parse("{\"Key\": \"k\"}"), scheduled.detail("parameters"));
            assertEquals(30, scheduled.detail("timeoutInSeconds").asInt());
            assertEquals("Get", events.get(1).stateName());
            assertEquals(Json.parse("{\"key\": \"k\"}"), events.get(1).detail("input"));
            assertEquals(Json.parse("{\"key\": \"k\", \"got\": {\"Body\": \"b\"}}"), events.get(5).detail("output"));
            assertEquals(Fixture.START, events.get(0).timestamp());
            assertEquals(Fixture.START.plusSeconds(3), events.get(7).timestamp());
            assertEquals(execution.output(), events.get(events.size() - 1).detail("output"));
        }
    }

    @Test
    void aFailedExecutionRecordsTheTaskFailureAndTheExecutionFailure() {
        try (Fixture f = new Fixture().task(TASK, invocation -> {
            throw new dev.pixelstep.asl.error.TaskFailure("S3.NoSuchKeyException", "The specified key does not exist.");
        })) {
            Execution execution = f.run("""
                    {"StartAt": "Get", "States": {"Get": {"Type": "Task", "Resource": "%s", "End": true}}}"""
                    .formatted(TASK), "{}");
            List<HistoryEvent> events = execution.history();
            assertEquals(List.of("ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskFailed",
                    "ExecutionFailed"), types(execution));
            assertEquals("S3.NoSuchKeyException", events.get(4).error());
            assertEquals("The specified key does not exist.", events.get(5).cause());
            assertEquals(Instant.class, execution.stopTime().getClass());
        }
    }

    @Test
    void parallelBranchesChainTheirEventsFromParallelStateStarted() {
        try (Fixture f = new Fixture()) {
            Execution execution = f.run("""
                    {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
                      {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}},
                      {"StartAt": "B", "States": {"B": {"Type": "Pass", "End": true}}}]}}}""", "{}");
            Map<String, HistoryEvent> entered = execution.history().stream()
                    .filter(e -> e.type() == HistoryEventType.PASS_STATE_ENTERED)
                    .collect(Collectors.toMap(HistoryEvent::stateName, Function.identity()));
            HistoryEvent started = execution.history().stream()
                    .filter(e -> e.type() == HistoryEventType.PARALLEL_STATE_STARTED).findFirst().orElseThrow();
            assertEquals(started.id(), entered.get("A").previousEventId());
            assertEquals(started.id(), entered.get("B").previousEventId());
            assertTrue(types(execution).containsAll(List.of("ParallelStateEntered", "ParallelStateStarted",
                    "ParallelStateSucceeded", "ParallelStateExited")));
        }
    }

    @Test
    void mapIterationsHaveStartedAndSucceededEventsWithTheirIndex() {
        try (Fixture f = new Fixture()) {
            Execution execution = f.run("""
                    {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true,
                      "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}}}}""", "[7, 8]");
            List<HistoryEvent> iterations = execution.history().stream()
                    .filter(e -> e.type() == HistoryEventType.MAP_ITERATION_SUCCEEDED).toList();
            assertEquals(2, iterations.size());
            assertEquals(List.of(0, 1), iterations.stream().map(e -> e.detail("index").asInt()).sorted().toList());
            HistoryEvent mapStarted = execution.history().stream()
                    .filter(e -> e.type() == HistoryEventType.MAP_STATE_STARTED).findFirst().orElseThrow();
            assertEquals(2, mapStarted.detail("length").asInt());
        }
    }

    @Test
    void listenersSeeEveryEventInOrder() {
        List<HistoryEvent> seen = new CopyOnWriteArrayList<>();
        List<String> arns = new CopyOnWriteArrayList<>();
        try (Fixture f = new Fixture()) {
            f.builder().listener((arn, event) -> {
                arns.add(arn);
                seen.add(event);
            });
            Execution execution = f.run("""
                    {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Pass", "End": true}}}""",
                    "{}");
            assertEquals(execution.history(), seen);
            assertTrue(arns.stream().allMatch(execution.arn()::equals));
        }
    }

    @Test
    void eventsRenderAsGetExecutionHistoryJson() {
        try (Fixture f = new Fixture()) {
            Execution execution = f.run("""
                    {"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": {"r": 1}, "End": true}}}""", "{\"i\": 1}");
            ObjectNode exited = execution.history().get(2).toAwsJson();
            assertEquals("PassStateExited", exited.get("type").asText());
            assertEquals(3, exited.get("id").asInt());
            assertEquals(2, exited.get("previousEventId").asInt());
            assertEquals("2026-01-01T12:00:00.000Z", exited.get("timestamp").asText());
            JsonNode details = exited.get("stateExitedEventDetails");
            assertEquals("A", details.get("name").asText());
            assertEquals("{\"r\":1}", details.get("output").asText());
            assertEquals(false, details.at("/outputDetails/truncated").asBoolean());
        }
    }

    @Test
    void aFailingListenerDoesNotBreakTheExecution() {
        try (Fixture f = new Fixture()) {
            f.builder().listener((arn, event) -> {
                throw new IllegalStateException("listener bug");
            });
            Execution execution = f.run("""
                    {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}""", "{\"ok\": true}");
            assertEquals(ExecutionStatus.SUCCEEDED, execution.status());
            assertEquals(4, execution.history().size());
        }
    }
}
