package dev.pixelstep.asl.internal.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pixelstep.asl.ExecutionStatus;
import dev.pixelstep.asl.definition.Definition;
import dev.pixelstep.asl.error.ErrorNames;
import dev.pixelstep.asl.error.StatesFailure;
import dev.pixelstep.asl.history.HistoryEvent;
import dev.pixelstep.asl.history.HistoryEventType;
import dev.pixelstep.asl.internal.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;

/**
 * The state of one execution while and after it runs: identity, history, status and result. The public face of it
 * is {@link dev.pixelstep.asl.Execution}; this class is the engine's side.
 */
public final class ExecutionRun {

    private final EngineConfig config;
    private final Definition definition;
    private final String stateMachineArn;
    private final String stateMachineName;
    private final String executionArn;
    private final String name;
    private final JsonNode input;
    private final Instant startTime;
    private final History history;
    private final ThreadRegistry threads = new ThreadRegistry();
    private final CompletableFuture<ExecutionStatus> finished = new CompletableFuture<>();
    private final Object lock = new Object();
    private ExecutionStatus status = ExecutionStatus.RUNNING;
    private ExecutionStatus stopStatus;
    private StatesFailure stopReason;
    private JsonNode output;
    private StatesFailure failure;
    private Instant stopTime;
    private String mapRunArn;

    /**
     * @param config           the engine's configuration
     * @param definition       the validated definition
     * @param stateMachineArn  the state machine's ARN
     * @param stateMachineName the state machine's name
     * @param executionArn     this execution's ARN
     * @param name             this execution's name
     * @param input            the execution input
     */
    public ExecutionRun(EngineConfig config, Definition definition, String stateMachineArn, String stateMachineName,
                        String executionArn, String name, JsonNode input) {
        this.config = config;
        this.definition = definition;
        this.stateMachineArn = stateMachineArn;
        this.stateMachineName = stateMachineName;
        this.executionArn = executionArn;
        this.name = name;
        this.input = input.deepCopy();
        this.startTime = config.clock().instant();
        this.history = new History(executionArn, config.clock(), config.listeners());
    }

    /** Marks this execution as a child workflow of a Distributed Map's Map Run (its ExecutionStarted event says so). */
    ExecutionRun childOf(String mapRunArn) {
        this.mapRunArn = mapRunArn;
        return this;
    }

    /** Runs the execution to its end on the calling thread. Called once, by the engine. */
    public void run() {
        threads.register();
        EventChain chain = new EventChain(0);
        try {
            ObjectNode started = Json.object();
            started.set("input", input);
            started.put("roleArn", "arn:aws:iam::" + config.account() + ":role/pixelstep-asl-engine");
            if (mapRunArn != null) {
                started.put("mapRunArn", mapRunArn);
            }
            history.append(chain, HistoryEventType.EXECUTION_STARTED, started);
            PayloadLimit.check(input, "the execution input");
            JsonNode result = new GraphInterpreter(this).run(definition.graph(), input, chain);
            finish(chain, ExecutionStatus.SUCCEEDED, result, null);
        } catch (StatesFailure error) {
            finish(chain, ExecutionStatus.FAILED, null, error);
        } catch (ExecutionStoppedException stopped) {
            finish(chain, ExecutionStatus.ABORTED, null, null);
        } catch (RuntimeException | Error unexpected) {
            finish(chain, ExecutionStatus.FAILED, null, new StatesFailure(ErrorNames.RUNTIME,
                    "Internal error of the local engine: " + unexpected));
        } finally {
            threads.unregister();
            Thread.interrupted();
            finished.complete(status());
        }
    }

    private void finish(EventChain chain, ExecutionStatus outcome, JsonNode result, StatesFailure error) {
        ExecutionStatus finalStatus = outcome;
        StatesFailure finalError = error;
        synchronized (lock) {
            if (stopStatus != null) {
                finalStatus = stopStatus;
                finalError = stopReason;
                result = null;
            }
        }
        ObjectNode details = Json.object();
        HistoryEventType type = switch (finalStatus) {
            case SUCCEEDED -> HistoryEventType.EXECUTION_SUCCEEDED;
            case TIMED_OUT -> HistoryEventType.EXECUTION_TIMED_OUT;
            case ABORTED -> HistoryEventType.EXECUTION_ABORTED;
            default -> HistoryEventType.EXECUTION_FAILED;
        };
        if (result != null) {
            details.set("output", result);
        }
        if (finalError != null) {
            if (finalError.error() != null) {
                details.put("error", finalError.error());
            }
            if (finalError.cause() != null) {
                details.put("cause", finalError.cause());
            }
        }
        history.append(chain, type, details);
        synchronized (lock) {
            status = finalStatus;
            output = result;
            failure = finalError;
            stopTime = config.clock().instant();
        }
    }

    /**
     * Stops the execution: its threads are interrupted and it ends as {@code status} with this error.
     *
     * @return false when it had already ended or was already being stopped
     */
    public boolean stop(ExecutionStatus stopAs, String error, String cause) {
        synchronized (lock) {
            if (status.isTerminal() || stopStatus != null) {
                return false;
            }
            stopStatus = stopAs;
            stopReason = new StatesFailure(error, cause);
        }
        threads.interruptAll();
        return true;
    }

    /** Waits until the execution has ended. */
    public void await() throws InterruptedException {
        try {
            finished.get();
        } catch (ExecutionException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Waits at most a while; true when the execution has ended. */
    public boolean await(Duration timeout) throws InterruptedException {
        try {
            finished.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException stillRunning) {
            return false;
        } catch (ExecutionException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Completes with the final status when the execution ends (callers cannot complete it). */
    public CompletionStage<ExecutionStatus> completion() {
        return finished.minimalCompletionStage();
    }

    /** The engine configuration. */
    public EngineConfig config() {
        return config;
    }

    ThreadRegistry threads() {
        return threads;
    }

    History history() {
        return history;
    }

    /** Every event so far. */
    public List<HistoryEvent> events() {
        return history.events();
    }

    /** The state machine's ARN. */
    public String stateMachineArn() {
        return stateMachineArn;
    }

    /** The state machine's name. */
    public String stateMachineName() {
        return stateMachineName;
    }

    /** The execution's ARN. */
    public String executionArn() {
        return executionArn;
    }

    /** The execution's name. */
    public String name() {
        return name;
    }

    /** The execution input (a copy). */
    public JsonNode input() {
        return input.deepCopy();
    }

    JsonNode inputNode() {
        return input;
    }

    /** When the execution started. */
    public Instant startTime() {
        return startTime;
    }

    /** When the execution ended, or null. */
    public Instant stopTime() {
        synchronized (lock) {
            return stopTime;
        }
    }

    /** The current status. */
    public ExecutionStatus status() {
        synchronized (lock) {
            return status;
        }
    }

    /** The output, or null unless SUCCEEDED. */
    public JsonNode output() {
        synchronized (lock) {
            return output == null ? null : output.deepCopy();
        }
    }

    /** The error and cause, or null unless FAILED, TIMED_OUT or ABORTED. */
    public StatesFailure failure() {
        synchronized (lock) {
            return failure;
        }
    }
}
