package dev.pixelstep.asl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pixelstep.asl.internal.json.Json;
import dev.pixelstep.asl.task.TaskHandler;
import dev.pixelstep.asl.time.SimulatedTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/** Test fixture: an engine on simulated time with a seeded random source, and helpers to run definitions. */
final class Fixture implements AutoCloseable {

    static final Instant START = Instant.parse("2026-01-01T12:00:00Z");

    final SimulatedTime time = new SimulatedTime(START);
    private final AslEngine.Builder builder = AslEngine.builder()
            .clock(time.clock())
            .sleeper(time.sleeper())
            .timer(time.timer())
            .random(new Random(42));
    private AslEngine engine;

    Fixture task(String arn, TaskHandler handler) {
        builder.task(arn, handler);
        return this;
    }

    AslEngine.Builder builder() {
        return builder;
    }

    AslEngine engine() {
        if (engine == null) {
            engine = builder.build();
        }
        return engine;
    }

    Execution run(String definition, String input) {
        return run(StateMachine.parse(definition), input);
    }

    Execution run(StateMachine machine, String input) {
        Execution execution = engine().start(machine, Json.parse(input));
        try {
            if (!execution.await(Duration.ofSeconds(30))) {
                throw new AssertionError("execution did not end: " + execution.history());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return execution;
    }

    /** Starts an execution without waiting for it. */
    Execution start(String definition, String input) {
        return engine().start(StateMachine.parse(definition), Json.parse(input));
    }

    /** Waits (at most 30 s of real time) for a latch a task counts down, e.g. when it has started. */
    static void await(java.util.concurrent.CountDownLatch latch) {
        try {
            if (!latch.await(30, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new AssertionError("the task did not get there");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Waits (at most 30 s of real time) for an execution to end. */
    static Execution ended(Execution execution) {
        try {
            if (!execution.await(Duration.ofSeconds(30))) {
                throw new AssertionError("execution did not end: " + execution.history());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return execution;
    }

    /** Runs and returns the output, failing with the error when the execution did not succeed. */
    JsonNode output(String definition, String input) {
        Execution execution = run(definition, input);
        if (execution.status() != ExecutionStatus.SUCCEEDED) {
            throw new AssertionError(execution.status() + " " + execution.error() + ": " + execution.cause());
        }
        return execution.output();
    }

    static JsonNode json(String text) {
        return Json.parse(text.replace('\'', '"'));
    }

    @Override
    public void close() {
        if (engine != null) {
            engine.close();
        }
    }
}
