package dev.pixelstep.asl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pixelstep.asl.error.StatesFailure;
import dev.pixelstep.asl.history.HistoryEvent;
import dev.pixelstep.asl.internal.runtime.ExecutionRun;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** One execution of a state machine, started by {@link AslEngine#start}. Thread-safe. */
public final class Execution {

    private final ExecutionRun run;
    private final StateMachine stateMachine;

    Execution(ExecutionRun run, StateMachine stateMachine) {
        this.run = run;
        this.stateMachine = stateMachine;
    }

    /** The ARN: {@code arn:aws:states:<region>:<account>:execution:<stateMachineName>:<name>}. */
    public String arn() {
        return run.executionArn();
    }

    /** The name. */
    public String name() {
        return run.name();
    }

    /** The state machine it runs. */
    public StateMachine stateMachine() {
        return stateMachine;
    }

    /** The state machine's ARN. */
    public String stateMachineArn() {
        return run.stateMachineArn();
    }

    /** The input (a copy). */
    public JsonNode input() {
        return run.input();
    }

    /** When it started, by the engine's clock. */
    public Instant startTime() {
        return run.startTime();
    }

    /** When it ended, or null while running. */
    public Instant stopTime() {
        return run.stopTime();
    }

    /** The current status. */
    public ExecutionStatus status() {
        return run.status();
    }

    /** The output (a copy) once SUCCEEDED, else null. */
    public JsonNode output() {
        return run.output();
    }

    /** The error name once FAILED, TIMED_OUT or ABORTED (null when none was given), else null. */
    public String error() {
        StatesFailure failure = run.failure();
        return failure == null ? null : failure.error();
    }

    /** The cause once FAILED, TIMED_OUT or ABORTED (null when none was given), else null. */
    public String cause() {
        StatesFailure failure = run.failure();
        return failure == null ? null : failure.cause();
    }

    /** The history so far, oldest first. */
    public List<HistoryEvent> history() {
        return run.events();
    }

    /**
     * Waits for the execution to end.
     *
     * @return its final status
     */
    public ExecutionStatus await() throws InterruptedException {
        run.await();
        return status();
    }

    /**
     * Waits at most {@code timeout} for the execution to end.
     *
     * @return whether it has ended
     */
    public boolean await(Duration timeout) throws InterruptedException {
        return run.await(timeout);
    }

    /**
     * Completes with the final status when the execution ends, on the thread that ran it; for callers that react
     * to the end instead of waiting for it.
     */
    public CompletionStage<ExecutionStatus> completion() {
        return run.completion();
    }

    /**
     * Stops the execution (like StopExecution): running tasks are interrupted and it ends as ABORTED.
     *
     * @param error the error to record, may be null
     * @param cause the cause to record, may be null
     * @return false when it had already ended
     */
    public boolean stop(String error, String cause) {
        return run.stop(ExecutionStatus.ABORTED, error, cause);
    }

    @Override
    public String toString() {
        return "Execution[" + arn() + ", " + status() + "]";
    }
}
