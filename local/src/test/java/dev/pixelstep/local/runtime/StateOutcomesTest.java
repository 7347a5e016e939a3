package dev.pixelstep.local.runtime;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.pixelstep.asl.AslEngine;
import dev.pixelstep.asl.Execution;
import dev.pixelstep.asl.ExecutionStatus;
import dev.pixelstep.asl.StateMachine;
import dev.pixelstep.asl.error.TaskFailure;
import dev.pixelstep.asl.task.LambdaInvokeIntegration;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Outcomes read from the history of real executions of the local engine. */
class StateOutcomesTest {

    private static final String DEFINITION = """
            {"StartAt": "Flaky", "States": {
              "Flaky": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                        "Parameters": {"FunctionName": "flaky", "Payload": {}},
                        "Retry": [{"ErrorEquals": ["Lambda.ServiceException"], "IntervalSeconds": 1, "MaxAttempts": 2}],
                        "ResultPath": null, "Next": "Both"},
              "Both": {"Type": "Parallel", "Branches": [
                  {"StartAt": "Fine", "States": {"Fine": {"Type": "Pass", "End": true}}},
                  {"StartAt": "Broken", "States": {"Broken": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                        "Parameters": {"FunctionName": "broken", "Payload": {}}, "End": true}}}],
                "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Handled"}],
                "End": true},
              "Handled": {"Type": "Pass", "End": true}}}
            """;

    @Test
    void aCaughtFailureIsAFailureAndASuccessfulRetryIsASuccess() throws Exception {
        AtomicInteger flakyCalls = new AtomicInteger();
        try (AslEngine engine = AslEngine.builder()
                .sleeper(duration -> { })
                .lambda(LambdaInvokeIntegration.builder()
                        .function("flaky", event -> {
                            if (flakyCalls.getAndIncrement() == 0) {
                                throw new TaskFailure("Lambda.ServiceException", "try again");
                            }
                            return event;
                        })
                        .function("broken", event -> {
                            throw new IllegalStateException("broken for good");
                        })
                        .build())
                .build()) {
            Execution execution = engine.start(StateMachine.parse(DEFINITION), JsonNodeFactory.instance.objectNode());
            assertTrue(execution.await(Duration.ofSeconds(30)));
            assertEquals(ExecutionStatus.SUCCEEDED, execution.status(), "the error was caught");

            List<StateProgress> outcomes = StateOutcomes.of(execution.history(), Instant.now());
            assertEquals(StateProgress.Status.SUCCEEDED, status(outcomes, "Flaky"), "failed once, then succeeded on the retry");
            assertEquals(StateProgress.Status.FAILED, status(outcomes, "Both"), "its error was caught, but it failed");
            assertEquals(StateProgress.Status.FAILED, status(outcomes, "Broken"));
            assertEquals(StateProgress.Status.SUCCEEDED, status(outcomes, "Fine"));
            assertEquals(StateProgress.Status.SUCCEEDED, status(outcomes, "Handled"));

            ExecutionRecord record = ExecutionRecord.of(execution);
            assertEquals(record, ExecutionRecord.fromJson(record.toJson()), "the outcome survives the record on disk");
            assertEquals(StateProgress.Status.FAILED, record.states().stream().filter(s -> s.name().equals("Both")).findFirst().orElseThrow().status());
        }
    }

    private static StateProgress.Status status(List<StateProgress> outcomes, String state) {
        return outcomes.stream().filter(o -> o.name().equals(state)).findFirst().orElseThrow(
                () -> new AssertionError(state + " not in " + outcomes)).status();
    }
}
