package dev.pixelstep.asl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pixelstep.asl.internal.json.Json;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Starting, naming, stopping and timing out executions. */
class ExecutionLifecycleTest {

    private static final String BLOCK = "arn:aws:states:::aws-sdk:test:block";
    private static final String BLOCKING = """
            {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
              {"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "%1$s", "End": true}}},
              {"StartAt": "B", "States": {"B": {"Type": "Task", "Resource": "%1$s", "End": true}}}]}}}""".formatted(BLOCK);

    @Test
    void executionsHaveArnLikeIdsAndAreFoundByArn() {
        try (Fixture f = new Fixture()) {
            f.builder().region("eu-west-1").account("111122223333");
            StateMachine machine = StateMachine.parse("pipeline", "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Succeed\"}}}");
            Execution execution = f.engine().start(machine, "run-1", "{}");
            assertEquals("arn:aws:states:eu-west-1:111122223333:execution:pipeline:run-1", execution.arn());
            assertEquals("arn:aws:states:eu-west-1:111122223333:stateMachine:pipeline", execution.stateMachineArn());
            assertEquals(execution, f.engine().execution(execution.arn()).orElseThrow());
        }
    }

    @Test
    void executionNamesAreUniquePerStateMachineAndFollowStepFunctionsRules() {
        try (Fixture f = new Fixture()) {
            StateMachine machine = StateMachine.parse("{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Succeed\"}}}");
            f.engine().start(machine, "once", "{}");
            assertThrows(IllegalStateException.class, () -> f.engine().start(machine, "once", "{}"));
            assertThrows(IllegalArgumentException.class, () -> f.engine().start(machine, "two words", "{}"));
            assertThrows(IllegalArgumentException.class, () -> f.engine().start(machine, "a".repeat(81), "{}"));
        }
    }

    @Test
    void stopAbortsARunningExecutionAndInterruptsEveryBranch() throws Exception {
        CountDownLatch bothStarted = new CountDownLatch(2);
        CountDownLatch bothInterrupted = new CountDownLatch(2);
        try (Fixture f = new Fixture().task(BLOCK, invocation -> {
            bothStarted.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                bothInterrupted.countDown();
                throw e;
            }
            return Json.object();
        })) {
            Execution execution = f.engine().start(StateMachine.parse(BLOCKING), "stopped", "{}");
            assertTrue(bothStarted.await(20, TimeUnit.SECONDS));
            assertEquals(ExecutionStatus.RUNNING, execution.status());
            assertTrue(execution.stop("User.Stopped", "no longer needed"));
            assertTrue(execution.await(Duration.ofSeconds(20)));
            assertEquals(ExecutionStatus.ABORTED, execution.status());
            assertEquals("User.Stopped", execution.error());
            assertTrue(bothInterrupted.await(20, TimeUnit.SECONDS));
            assertEquals("ExecutionAborted", execution.history().get(execution.history().size() - 1).type().awsName());
            assertFalse(execution.stop("again", null));
        }
    }

    @Test
    void stateMachineTimeoutSecondsTimesTheExecutionOut() throws Exception {
        CountDownLatch bothStarted = new CountDownLatch(2);
        try (Fixture f = new Fixture().task(BLOCK, invocation -> {
            bothStarted.countDown();
            new CountDownLatch(1).await();
            return Json.object();
        })) {
            String definition = BLOCKING.replaceFirst("\\{", "{\"TimeoutSeconds\": 3, ");
            Execution execution = f.start(definition, "{}");
            Fixture.await(bothStarted);
            f.time.advance(Duration.ofMillis(2999));
            assertEquals(ExecutionStatus.RUNNING, execution.status(), "the limit follows the engine's time");
            f.time.advance(Duration.ofMillis(1));
            Fixture.ended(execution);
            assertEquals(ExecutionStatus.TIMED_OUT, execution.status());
            assertEquals("States.Timeout", execution.error());
            assertEquals("ExecutionTimedOut", execution.history().get(execution.history().size() - 1).type().awsName());
        }
    }

    @Test
    void aWaitLongerThanTheStateMachinesTimeoutSecondsTimesItOutOnSimulatedTime() {
        try (Fixture f = new Fixture()) {
            Execution execution = f.run("""
                    {"TimeoutSeconds": 5, "StartAt": "W", "States": {
                      "W": {"Type": "Wait", "Seconds": 10, "Next": "Done"},
                      "Done": {"Type": "Succeed"}}}""", "{}");
            assertEquals(ExecutionStatus.TIMED_OUT, execution.status(), execution.history().toString());
            assertTrue(execution.history().stream().noneMatch(e -> e.type().awsName().equals("SucceedStateEntered")),
                    "nothing runs after the limit");
        }
    }

    @Test
    void inputIsCopiedSoCallersCannotChangeARunningExecution() {
        try (Fixture f = new Fixture()) {
            var input = (com.fasterxml.jackson.databind.node.ObjectNode) Json.parse("{\"a\": 1}");
            Execution execution = f.engine().start(StateMachine.parse(
                    "{\"StartAt\": \"W\", \"States\": {\"W\": {\"Type\": \"Wait\", \"Seconds\": 1, \"End\": true}}}"), input);
            input.put("a", 2);
            try {
                execution.await();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            assertEquals(Json.parse("{\"a\": 1}"), execution.output());
            assertEquals(Json.parse("{\"a\": 1}"), execution.input());
        }
    }

    @Test
    void completionReportsTheFinalStatusAndFinishedExecutionsCanBeForgotten() throws Exception {
        try (Fixture f = new Fixture()) {
            StateMachine machine = StateMachine.parse("{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Succeed\"}}}");
            Execution execution = f.engine().start(machine, "done", "{}");
            assertEquals(ExecutionStatus.SUCCEEDED,
                    execution.completion().toCompletableFuture().get(20, TimeUnit.SECONDS));
            assertTrue(f.engine().forget(execution.arn()));
            assertTrue(f.engine().execution(execution.arn()).isEmpty());
        }
    }

    @Test
    void aHandlerThrowingAnErrorFailsTheTaskInsteadOfHangingTheExecution() {
        try (Fixture f = new Fixture().task(BLOCK, invocation -> {
            throw new AssertionError("handler bug");
        })) {
            Execution execution = f.run("""
                    {"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "%s", "End": true}}}""".formatted(BLOCK),
                    "{}");
            assertEquals(ExecutionStatus.FAILED, execution.status());
            assertEquals("Test.AssertionError", execution.error());
        }
    }

    @Test
    void aClosedEngineRefusesNewExecutions() {
        Fixture f = new Fixture();
        AslEngine engine = f.engine();
        f.close();
        StateMachine machine = StateMachine.parse("{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Succeed\"}}}");
        assertThrows(IllegalStateException.class, () -> engine.start(machine, "late", "{}"));
        assertTrue(engine.executions().isEmpty());
    }
}
