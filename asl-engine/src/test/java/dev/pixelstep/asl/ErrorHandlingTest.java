package dev.pixelstep.asl;

import static dev.pixelstep.asl.Fixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pixelstep.asl.error.ErrorNames;
import dev.pixelstep.asl.error.TaskFailure;
import dev.pixelstep.asl.internal.json.Json;
import dev.pixelstep.asl.task.TaskHandler;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Retry and Catch, with the specification's examples; delays are observed on simulated time, never slept. */
class ErrorHandlingTest {

    private static final String TASK = "arn:aws:states:::aws-sdk:test:doWork";
    private static final String LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:work";

    /** A handler failing with the given errors, in order, then succeeding with "done". */
    private static TaskHandler failing(String... errors) {
        Deque<String> remaining = new ArrayDeque<>(List.of(errors));
        return invocation -> {
            String error;
            synchronized (remaining) {
                error = remaining.poll();
            }
            if (error != null) {
                throw new TaskFailure(error, "cause of " + error);
            }
            return Json.toNode("done");
        };
    }

    /** A one-task machine; the recovery states are declared only when a Catcher goes to them. */
    private static String task(String retryAndCatch) {
        return """
                {"StartAt": "Work", "States": {
                  "Work": {"Type": "Task", "Resource": "%s", %s "End": true}%s%s}}""".formatted(TASK, retryAndCatch,
                retryAndCatch.contains("\"Recovered\"") ? ", \"Recovered\": {\"Type\": \"Pass\", \"End\": true}" : "",
                retryAndCatch.contains("\"Other\"")
                        ? ", \"Other\": {\"Type\": \"Pass\", \"Result\": \"other\", \"End\": true}" : "");
    }

    private static List<Duration> seconds(double... values) {
        List<Duration> durations = new ArrayList<>();
        for (double value : values) {
            durations.add(Duration.ofMillis(Math.round(value * 1000)));
        }
        return durations;
    }

    @Test
    void specExampleRetryWaitsIntervalSecondsMultipliedByBackoffRate() {
        try (Fixture f = new Fixture().task(TASK, failing("States.Timeout", "States.Timeout"))) {
            Execution execution = f.run(task("""
                    "Retry": [{"ErrorEquals": ["States.Timeout"], "IntervalSeconds": 3, "MaxAttempts": 2,
                      "BackoffRate": 1.5}],"""), "{}");
            assertEquals(ExecutionStatus.SUCCEEDED, execution.status());
            assertEquals(seconds(3, 4.5), f.time.sleeps());
        }
    }

    @Test
    void retryDefaultsAreOneSecondThreeAttemptsAndBackoffRateTwo() {
        try (Fixture f = new Fixture().task(TASK, failing("E", "E", "E", "E"))) {
            Execution execution = f.run(task("\"Retry\": [{\"ErrorEquals\": [\"E\"]}],"), "{}");
            assertEquals(ExecutionStatus.FAILED, execution.status());
            assertEquals("E", execution.error());
            assertEquals("cause of E", execution.cause());
            assertEquals(seconds(1, 2, 4), f.time.sleeps());
        }
    }

    @Test
    void specExampleEachRetrierCountsItsOwnAttemptsAndTheFirstMatchingOneDecides() {
        // ErrorA/ErrorB share two retries; ErrorC has three of its own. The fourth ErrorA-or-B failure is final.
        try (Fixture f = new Fixture().task(TASK, failing("ErrorA", "ErrorC", "ErrorB", "ErrorC", "ErrorA"))) {
            Execution execution = f.run(task("""
                    "Retry": [{"ErrorEquals": ["ErrorA", "ErrorB"], "IntervalSeconds": 1, "BackoffRate": 2,
                      "MaxAttempts": 2}, {"ErrorEquals": ["ErrorC"], "IntervalSeconds": 5}],"""), "{}");
            assertEquals("ErrorA", execution.error());
            assertEquals(seconds(1, 5, 2, 10), f.time.sleeps());
        }
    }

    @Test
    void maxAttemptsZeroNeverRetries() {
        try (Fixture f = new Fixture().task(TASK, failing("E"))) {
            Execution execution = f.run(task("\"Retry\": [{\"ErrorEquals\": [\"E\"], \"MaxAttempts\": 0}],"), "{}");
            assertEquals("E", execution.error());
            assertEquals(List.of(), f.time.sleeps());
        }
    }

    @Test
    void maxDelaySecondsCapsTheGrowingInterval() {
        try (Fixture f = new Fixture().task(TASK, failing("E", "E", "E", "E"))) {
            f.run(task("""
                    "Retry": [{"ErrorEquals": ["E"], "IntervalSeconds": 10, "BackoffRate": 3, "MaxAttempts": 4,
                      "MaxDelaySeconds": 40}],"""), "{}");
            assertEquals(seconds(10, 30, 40, 40), f.time.sleeps());
        }
    }

    @Test
    void fullJitterWaitsWithinZeroAndTheCappedIntervalReproduciblyForASeededRandom() {
        String retry = """
                "Retry": [{"ErrorEquals": ["E"], "IntervalSeconds": 10, "BackoffRate": 3, "MaxAttempts": 4,
                  "MaxDelaySeconds": 40, "JitterStrategy": "FULL"}],""";
        List<Duration> first;
        try (Fixture f = new Fixture().task(TASK, failing("E", "E", "E", "E"))) {
            f.run(task(retry), "{}");
            first = f.time.sleeps();
        }
        double[] caps = {10, 30, 40, 40};
        assertEquals(caps.length, first.size());
        for (int i = 0; i < caps.length; i++) {
            Duration sleep = first.get(i);
            assertTrue(!sleep.isNegative() && sleep.toMillis() <= caps[i] * 1000, sleep + " within [0, " + caps[i] + "s]");
        }
        assertTrue(!first.equals(seconds(caps)), "jitter changed the delays: " + first);
        try (Fixture f = new Fixture().task(TASK, failing("E", "E", "E", "E"))) {
            f.run(task(retry), "{}");
            assertEquals(first, f.time.sleeps());
        }
    }

    @Test
    void retryCountIsInTheContextObjectOfEachAttempt() {
        List<Integer> seen = new ArrayList<>();
        try (Fixture f = new Fixture().task(TASK, invocation -> {
            seen.add(invocation.input().get("attempt").asInt());
            if (seen.size() < 3) {
                throw new TaskFailure("E", null);
            }
            return Json.toNode(invocation.retryCount());
        })) {
            JsonNode output = f.output("""
                    {"StartAt": "Work", "States": {"Work": {"Type": "Task", "Resource": "%s",
                      "Parameters": {"attempt.$": "$$.State.RetryCount"},
                      "Retry": [{"ErrorEquals": ["E"]}], "End": true}}}""".formatted(TASK), "{}");
            assertEquals(List.of(0, 1, 2), seen);
            assertEquals(2, output.asInt());
        }
    }

    @Test
    void specExampleCatchPutsErrorOutputAtResultPathAndGoesToNext() {
        try (Fixture f = new Fixture().task(LAMBDA, invocation -> {
            throw new Exception("boom");
        })) {
            Execution execution = f.run("""
                    {"StartAt": "Work", "States": {
                      "Work": {"Type": "Task", "Resource": "%s", "Next": "EndState", "Catch": [
                        {"ErrorEquals": ["java.lang.Exception"], "ResultPath": "$.error-info", "Next": "RecoveryState"},
                        {"ErrorEquals": ["States.ALL"], "Next": "EndState"}]},
                      "RecoveryState": {"Type": "Pass", "End": true},
                      "EndState": {"Type": "Pass", "Result": "end", "End": true}}}""".formatted(LAMBDA),
                    "{\"order\": 7}");
            assertEquals(json("{'order': 7, 'error-info': {'Error': 'java.lang.Exception', 'Cause': 'boom'}}"),
                    execution.output());
        }
    }

    @Test
    void catchWithoutResultPathReplacesTheInputWithTheErrorOutput() {
        try (Fixture f = new Fixture().task(TASK, failing("Custom"))) {
            JsonNode output = f.output(task("""
                    "Catch": [{"ErrorEquals": ["Custom"], "Next": "Recovered"}],"""), "{\"a\": 1}");
            assertEquals(json("{'Error': 'Custom', 'Cause': 'cause of Custom'}"), output);
        }
    }

    @Test
    void catchApplesAfterTheMatchingRetrierIsExhausted() {
        try (Fixture f = new Fixture().task(TASK, failing("E", "E", "E"))) {
            JsonNode output = f.output(task("""
                    "Retry": [{"ErrorEquals": ["E"], "MaxAttempts": 2}],
                    "Catch": [{"ErrorEquals": ["E"], "ResultPath": "$.err", "Next": "Recovered"}],"""), "{}");
            assertEquals("E", output.at("/err/Error").asText());
            assertEquals(seconds(1, 2), f.time.sleeps());
        }
    }

    @Test
    void theFirstMatchingCatcherWins() {
        try (Fixture f = new Fixture().task(TASK, failing("B"))) {
            JsonNode output = f.output(task("""
                    "Catch": [{"ErrorEquals": ["A"], "Next": "Recovered"}, {"ErrorEquals": ["B"], "Next": "Other"},
                      {"ErrorEquals": ["States.ALL"], "Next": "Recovered"}],"""), "{}");
            assertEquals("other", output.asText());
        }
    }

    @Test
    void taskFailedMatchesEveryTaskErrorButNotTimeout() {
        try (Fixture f = new Fixture().task(TASK, failing("My.Error", "States.Timeout"))) {
            Execution execution = f.run(task("""
                    "Retry": [{"ErrorEquals": ["States.TaskFailed"], "MaxAttempts": 5}],"""), "{}");
            assertEquals(ErrorNames.TIMEOUT, execution.error());
            assertEquals(seconds(1), f.time.sleeps());
        }
    }

    @Test
    void statesAllDoesNotCatchStatesRuntime() {
        try (Fixture f = new Fixture().task(TASK, failing())) {
            Execution execution = f.run("""
                    {"StartAt": "Work", "States": {
                      "Work": {"Type": "Task", "Resource": "%s", "InputPath": "$.missing", "End": true,
                        "Retry": [{"ErrorEquals": ["States.ALL"]}],
                        "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Recovered"}]},
                      "Recovered": {"Type": "Pass", "End": true}}}""".formatted(TASK), "{}");
            assertEquals(ErrorNames.RUNTIME, execution.error());
            assertEquals(List.of(), f.time.sleeps());
        }
    }

    @Test
    void resultSelectorFailureIsCaughtAsParameterPathFailure() {
        try (Fixture f = new Fixture().task(TASK, failing())) {
            JsonNode output = f.output(task("""
                    "ResultSelector": {"x.$": "$.nothing"},
                    "Catch": [{"ErrorEquals": ["States.ParameterPathFailure"], "Next": "Recovered"}],"""), "{}");
            assertEquals(ErrorNames.PARAMETER_PATH_FAILURE, output.get("Error").asText());
        }
    }

    @Test
    void anUnhandledExceptionIsNamedAfterItsClass() {
        try (Fixture f = new Fixture().task("arn:aws:lambda:us-east-1:123456789012:function:f", invocation -> {
            throw new IllegalStateException("bad state");
        })) {
            Execution execution = f.run("""
                    {"StartAt": "Work", "States": {"Work": {"Type": "Task",
                      "Resource": "arn:aws:lambda:us-east-1:123456789012:function:f", "End": true}}}""", "{}");
            assertEquals("java.lang.IllegalStateException", execution.error());
            assertEquals("bad state", execution.cause());
        }
    }

    @Test
    void timeoutSecondsEndsABlockingTaskWithStatesTimeoutAndInterruptsIt() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        try (Fixture f = new Fixture().task(TASK, invocation -> {
            started.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
            return Json.toNode("never");
        })) {
            Execution execution = f.start(task("""
                    "TimeoutSeconds": 1, "Catch": [{"ErrorEquals": ["States.Timeout"], "Next": "Recovered"}],"""),
                    "{}");
            Fixture.await(started);
            f.time.advance(Duration.ofMillis(999));
            assertEquals(ExecutionStatus.RUNNING, execution.status(), "not yet: the limit follows the engine's time");
            f.time.advance(Duration.ofMillis(1));
            Fixture.ended(execution);
            assertEquals(ErrorNames.TIMEOUT, execution.output().get("Error").asText());
            assertTrue(interrupted.await(10, java.util.concurrent.TimeUnit.SECONDS));
            assertTrue(execution.history().stream().anyMatch(e -> e.type().awsName().equals("TaskTimedOut")));
        }
    }

    @Test
    void timeoutSecondsPathReadsTheLimitFromTheInput() {
        CountDownLatch started = new CountDownLatch(1);
        try (Fixture f = new Fixture().task(TASK, invocation -> {
            started.countDown();
            new CountDownLatch(1).await();
            return Json.toNode("never");
        })) {
            Execution execution = f.start(task("\"TimeoutSecondsPath\": \"$.limit\","), "{\"limit\": 7}");
            Fixture.await(started);
            f.time.advance(Duration.ofSeconds(6));
            assertEquals(ExecutionStatus.RUNNING, execution.status());
            f.time.advance(Duration.ofSeconds(1));
            assertEquals(ErrorNames.TIMEOUT, Fixture.ended(execution).error());
        }
    }

    @Test
    void heartbeatSecondsFailsATaskThatStopsSendingHeartbeats() {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch beatAgain = new CountDownLatch(1);
        CountDownLatch beaten = new CountDownLatch(1);
        try (Fixture f = new Fixture().task(TASK, invocation -> {
            invocation.heartbeat();
            started.countDown();
            beatAgain.await();
            invocation.heartbeat();
            beaten.countDown();
            new CountDownLatch(1).await();
            return Json.toNode("never");
        })) {
            Execution execution = f.start(task("\"TimeoutSeconds\": 60, \"HeartbeatSeconds\": 1,"), "{}");
            Fixture.await(started);
            f.time.advance(Duration.ofMillis(800));
            beatAgain.countDown();
            Fixture.await(beaten);
            f.time.advance(Duration.ofMillis(800));
            assertEquals(ExecutionStatus.RUNNING, execution.status(), "the heartbeat at 0.8 s moved the limit to 1.8 s");
            f.time.advance(Duration.ofMillis(200));
            assertEquals(ErrorNames.HEARTBEAT_TIMEOUT, Fixture.ended(execution).error());
        }
    }

    @Test
    void aFastTaskWithATimeoutSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        try (Fixture f = new Fixture().task(TASK, invocation -> Json.toNode(calls.incrementAndGet()))) {
            assertEquals(1, f.output(task("\"TimeoutSeconds\": 30,"), "{}").asInt());
        }
    }

    @Test
    void failStateErrorIsCaughtByAnEnclosingParallelCatcher() {
        try (Fixture f = new Fixture()) {
            JsonNode output = f.output("""
                    {"StartAt": "P", "States": {
                      "P": {"Type": "Parallel", "End": true, "Branches": [
                        {"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "Branch.Broke", "Cause": "why"}}}],
                        "Catch": [{"ErrorEquals": ["Branch.Broke"], "ResultPath": "$.failure", "Next": "Done"}]},
                      "Done": {"Type": "Pass", "End": true}}}""", "{\"in\": 1}");
            assertEquals(json("{'in': 1, 'failure': {'Error': 'Branch.Broke', 'Cause': 'why'}}"), output);
        }
    }

    @Test
    void parallelStatesAreRetriedAsAWhole() {
        AtomicInteger calls = new AtomicInteger();
        try (Fixture f = new Fixture().task(TASK, invocation -> {
            if (calls.incrementAndGet() == 1) {
                throw new TaskFailure("Flaky", null);
            }
            return Json.toNode("ok");
        })) {
            JsonNode output = f.output("""
                    {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true,
                      "Retry": [{"ErrorEquals": ["Flaky"], "IntervalSeconds": 2}],
                      "Branches": [{"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "%s", "End": true}}}]}}}"""
                    .formatted(TASK), "{}");
            assertEquals(json("['ok']"), output);
            assertEquals(seconds(2), f.time.sleeps());
        }
    }

    @Test
    void catcherWithoutCauseOmitsIt() {
        try (Fixture f = new Fixture()) {
            JsonNode output = f.output("""
                    {"StartAt": "P", "States": {
                      "P": {"Type": "Parallel", "End": true, "Branches": [
                        {"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "NoCause"}}}],
                        "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Done"}]},
                      "Done": {"Type": "Pass", "End": true}}}""", "{}");
            assertEquals(json("{'Error': 'NoCause'}"), output);
            assertNull(output.get("Cause"));
        }
    }

    @Test
    void resultsOverTheTwoHundredFiftySixKibLimitFailWithDataLimitExceededWhichIsNeverCaught() {
        try (Fixture f = new Fixture().task(TASK, invocation -> Json.toNode("x".repeat(300_000)))) {
            Execution execution = f.run(task("""
                    "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Recovered"}],"""), "{}");
            assertEquals(ErrorNames.DATA_LIMIT_EXCEEDED, execution.error());
        }
    }

    @Test
    void anExecutionInputOverTheLimitFailsAtOnce() {
        try (Fixture f = new Fixture()) {
            Execution execution = f.run("""
                    {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}""",
                    "{\"big\": \"" + "y".repeat(300_000) + "\"}");
            assertEquals(ErrorNames.DATA_LIMIT_EXCEEDED, execution.error());
        }
    }

    @Test
    void anIntrinsicFunctionFailureInParametersCanBeCaught() {
        try (Fixture f = new Fixture().task(TASK, failing())) {
            JsonNode output = f.output(task("""
                    "Parameters": {"item.$": "States.ArrayGetItem($.items, 5)"},
                    "Catch": [{"ErrorEquals": ["States.IntrinsicFailure"], "ResultPath": "$.error", "Next": "Recovered"}],"""),
                    "{\"items\": [1]}");
            assertEquals(ErrorNames.INTRINSIC_FAILURE, output.at("/error/Error").asText());
            assertEquals(json("[1]"), output.get("items"));
        }
    }

    @Test
    void aCatcherResultPathThatDoesNotFitTheInputFailsWithResultPathMatchFailure() {
        try (Fixture f = new Fixture().task(TASK, failing("E"))) {
            Execution execution = f.run(task("""
                    "Catch": [{"ErrorEquals": ["E"], "ResultPath": "$.list.error", "Next": "Recovered"}],"""),
                    "{\"list\": [1, 2]}");
            assertEquals(ErrorNames.RESULT_PATH_MATCH_FAILURE, execution.error());
        }
    }
}
