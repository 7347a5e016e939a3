package dev.pixelstep.asl;

import static dev.pixelstep.asl.Fixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pixelstep.asl.error.ErrorNames;
import dev.pixelstep.asl.error.TaskFailure;
import dev.pixelstep.asl.internal.json.Json;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Parallel and Map states: real concurrency, ordering of results, failures and MaxConcurrency. */
class ParallelAndMapTest {

    private static final String MEET = "arn:aws:states:::aws-sdk:test:meet";

    @Test
    void parallelBranchesRunAtTheSameTime() {
        CyclicBarrier bothRunning = new CyclicBarrier(2);
        try (Fixture f = new Fixture().task(MEET, invocation -> {
            // Each branch waits here until the other arrives: this only completes when they run concurrently.
            bothRunning.await(20, TimeUnit.SECONDS);
            return Json.toNode(invocation.input().get("branch").asText());
        })) {
            JsonNode output = f.output("""
                    {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
                      {"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "%1$s", "Parameters": {"branch": "a"}, "End": true}}},
                      {"StartAt": "B", "States": {"B": {"Type": "Task", "Resource": "%1$s", "Parameters": {"branch": "b"}, "End": true}}}
                    ]}}}""".formatted(MEET), "{}");
            assertEquals(json("['a', 'b']"), output);
        }
    }

    @Test
    void parallelResultsKeepBranchOrderAndEachBranchGetsTheEffectiveInput() {
        try (Fixture f = new Fixture()) {
            JsonNode output = f.output("""
                    {"StartAt": "P", "States": {"P": {"Type": "Parallel", "InputPath": "$.in",
                      "Parameters": {"n.$": "$.n"}, "ResultSelector": {"first.$": "$[0]", "second.$": "$[1].doubled"},
                      "ResultPath": "$.results", "End": true, "Branches": [
                      {"StartAt": "Wait", "States": {"Wait": {"Type": "Wait", "Seconds": 5, "Next": "Echo"},
                                                     "Echo": {"Type": "Pass", "End": true}}},
                      {"StartAt": "Double", "States": {"Double": {"Type": "Pass",
                        "Parameters": {"doubled.$": "States.MathAdd($.n, $.n)"}, "End": true}}}]}}}""",
                    "{\"in\": {\"n\": 21}}");
            assertEquals(json("{'in': {'n': 21}, 'results': {'first': {'n': 21}, 'second': 42}}"), output);
        }
    }

    @Test
    void aFailingBranchFailsTheParallelStateWithItsErrorAndStopsTheOtherBranches() throws Exception {
        CountDownLatch slowStarted = new CountDownLatch(1);
        CountDownLatch slowInterrupted = new CountDownLatch(1);
        try (Fixture f = new Fixture().task(MEET, invocation -> {
            if (invocation.input().get("branch").asText().equals("slow")) {
                slowStarted.countDown();
                try {
                    new CountDownLatch(1).await();
                } catch (InterruptedException e) {
                    slowInterrupted.countDown();
                    throw e;
                }
            }
            slowStarted.await();
            throw new TaskFailure("Branch.Failed", "fast branch failed");
        })) {
            Execution execution = f.run("""
                    {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
                      {"StartAt": "Slow", "States": {"Slow": {"Type": "Task", "Resource": "%1$s", "Parameters": {"branch": "slow"}, "End": true}}},
                      {"StartAt": "Fast", "States": {"Fast": {"Type": "Task", "Resource": "%1$s", "Parameters": {"branch": "fast"}, "End": true}}}
                    ]}}}""".formatted(MEET), "{}");
            assertEquals(ExecutionStatus.FAILED, execution.status());
            assertEquals("Branch.Failed", execution.error());
            assertTrue(slowInterrupted.await(10, TimeUnit.SECONDS), "the slow branch was interrupted");
            assertTrue(execution.history().stream().anyMatch(e -> e.type().awsName().equals("ParallelStateFailed")));
        }
    }

    @Test
    void mapRunsTheItemProcessorForEveryItemAndKeepsItemOrder() {
        try (Fixture f = new Fixture()) {
            JsonNode output = f.output("""
                    {"StartAt": "M", "States": {"M": {"Type": "Map", "ItemsPath": "$.numbers", "End": true,
                      "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "Square", "States": {
                        "Square": {"Type": "Pass", "Parameters": {"v.$": "States.MathAdd($, 1)"}, "OutputPath": "$.v",
                          "End": true}}}}}}""", "{\"numbers\": [1, 2, 3, 4, 5, 6, 7, 8]}");
            assertEquals(json("[2, 3, 4, 5, 6, 7, 8, 9]"), output);
        }
    }

    @Test
    void mapIterationsRunConcurrently() {
        CyclicBarrier allRunning = new CyclicBarrier(3);
        try (Fixture f = new Fixture().task(MEET, invocation -> {
            allRunning.await(20, TimeUnit.SECONDS);
            return invocation.input();
        })) {
            JsonNode output = f.output("""
                    {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true, "ItemProcessor": {"StartAt": "T",
                      "States": {"T": {"Type": "Task", "Resource": "%s", "End": true}}}}}}""".formatted(MEET),
                    "[1, 2, 3]");
            assertEquals(json("[1, 2, 3]"), output);
        }
    }

    @Test
    void maxConcurrencyBoundsHowManyIterationsRunAtOnce() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        CyclicBarrier pairs = new CyclicBarrier(2);
        try (Fixture f = new Fixture().task(MEET, invocation -> {
            peak.accumulateAndGet(running.incrementAndGet(), Math::max);
            pairs.await(20, TimeUnit.SECONDS);
            running.decrementAndGet();
            return invocation.input();
        })) {
            f.output("""
                    {"StartAt": "M", "States": {"M": {"Type": "Map", "MaxConcurrency": 2, "End": true,
                      "ItemProcessor": {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "%s",
                        "End": true}}}}}}""".formatted(MEET), "[1, 2, 3, 4, 5, 6]");
            assertEquals(2, peak.get());
        }
    }

    @Test
    void maxConcurrencyOneRunsIterationsOneAtATime() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        try (Fixture f = new Fixture().task(MEET, invocation -> {
            peak.accumulateAndGet(running.incrementAndGet(), Math::max);
            Thread.yield();
            running.decrementAndGet();
            return invocation.input();
        })) {
            assertEquals(json("[1, 2, 3, 4]"), f.output("""
                    {"StartAt": "M", "States": {"M": {"Type": "Map", "MaxConcurrencyPath": "$.limit", "ItemsPath": "$.items",
                      "End": true, "ItemProcessor": {"StartAt": "T", "States": {"T": {"Type": "Task",
                        "Resource": "%s", "End": true}}}}}}""".formatted(MEET), "{\"limit\": 1, \"items\": [1, 2, 3, 4]}"));
            assertEquals(1, peak.get());
        }
    }

    @Test
    void legacyIteratorAndParametersStillWork() {
        try (Fixture f = new Fixture()) {
            assertEquals(json("[{'item': 'x', 'tag': 't'}, {'item': 'y', 'tag': 't'}]"), f.output("""
                    {"StartAt": "M", "States": {"M": {"Type": "Map", "ItemsPath": "$.xs", "End": true,
                      "Parameters": {"item.$": "$$.Map.Item.Value", "tag.$": "$.tag"},
                      "Iterator": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}}}}""",
                    "{\"xs\": [\"x\", \"y\"], \"tag\": \"t\"}"));
        }
    }

    @Test
    void aFailingIterationFailsTheMapWithItsError() {
        try (Fixture f = new Fixture()) {
            Execution execution = f.run("""
                    {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true, "ItemProcessor": {"StartAt": "C",
                      "States": {"C": {"Type": "Choice", "Choices": [{"Variable": "$", "NumericEquals": 3, "Next": "F"}],
                        "Default": "OK"}, "F": {"Type": "Fail", "Error": "Item.Three"}, "OK": {"Type": "Succeed"}}}}}}""",
                    "[1, 2, 3, 4]");
            assertEquals("Item.Three", execution.error());
            assertTrue(execution.history().stream().anyMatch(e -> e.type().awsName().equals("MapIterationFailed")));
        }
    }

    @Test
    void itemsPathThatIsNotAnArrayFailsWithStatesRuntime() {
        try (Fixture f = new Fixture()) {
            Execution execution = f.run("""
                    {"StartAt": "M", "States": {"M": {"Type": "Map", "ItemsPath": "$.x", "End": true,
                      "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}}}}""",
                    "{\"x\": {\"not\": \"an array\"}}");
            assertEquals(ErrorNames.RUNTIME, execution.error());
        }
    }

    @Test
    void anEmptyArrayGivesAnEmptyResult() {
        try (Fixture f = new Fixture()) {
            assertEquals(json("[]"), f.output("""
                    {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true,
                      "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}}}}""", "[]"));
        }
    }

    @Test
    void nestedParallelInsideMapWorks() {
        try (Fixture f = new Fixture()) {
            assertEquals(json("[[1, 'x'], [2, 'x']]"), f.output("""
                    {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true, "ItemProcessor": {"StartAt": "P",
                      "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
                        {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}},
                        {"StartAt": "B", "States": {"B": {"Type": "Pass", "Result": "x", "End": true}}}]}}}}}}""",
                    "[1, 2]"));
        }
    }

    @Test
    void manyIterationsWithBoundedConcurrencyKeepEveryResultInPlace() {
        try (Fixture f = new Fixture().task(MEET, invocation -> {
            Thread.yield();
            return Json.toNode(invocation.input().asInt() * 2);
        })) {
            StringBuilder items = new StringBuilder("[");
            StringBuilder expected = new StringBuilder("[");
            for (int i = 0; i < 200; i++) {
                items.append(i == 0 ? "" : ",").append(i);
                expected.append(i == 0 ? "" : ",").append(i * 2);
            }
            JsonNode output = f.output("""
                    {"StartAt": "M", "States": {"M": {"Type": "Map", "MaxConcurrency": 8, "End": true,
                      "ItemProcessor": {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "%s",
                        "End": true}}}}}}""".formatted(MEET), items.append("]").toString());
            assertEquals(Json.parse(expected.append("]").toString()), output);
        }
    }

    @Test
    void anUnboundedMapRunsAtMostFortyIterationsAtOnceLikeStepFunctions() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        CyclicBarrier forty = new CyclicBarrier(40);
        try (Fixture f = new Fixture().task(MEET, invocation -> {
            peak.accumulateAndGet(running.incrementAndGet(), Math::max);
            forty.await(20, TimeUnit.SECONDS);
            running.decrementAndGet();
            return invocation.input();
        })) {
            f.output("""
                    {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true, "ItemProcessor": {"StartAt": "T",
                      "States": {"T": {"Type": "Task", "Resource": "%s", "End": true}}}}}}""".formatted(MEET),
                    Json.write(Json.toNode(java.util.stream.IntStream.range(0, 80).boxed().toList())));
            assertEquals(40, peak.get());
        }
    }
}
