package dev.pixelstep.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pixelstep.asl.error.TaskFailure;
import dev.pixelstep.asl.internal.json.Json;
import dev.pixelstep.asl.task.TaskHandler;
import dev.pixelstep.asl.task.TaskInvocation;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code arn:aws:states:::states:startExecution.sync} and {@code .sync:2}: starts a child execution of one of the
 * state machines registered with {@link AslEngine.Builder#startExecutionTarget}, waits for it and returns
 * DescribeExecution's shape ({@code ExecutionArn}, {@code Input}, {@code Output}, {@code Status}, ...; {@code .sync:2}
 * gives Input and Output as JSON, {@code .sync} as JSON text). A child that does not succeed fails the task with
 * {@code States.TaskFailed} and that shape, with the child's {@code Error} and {@code Cause}, as JSON text in the
 * cause. Stopping the parent stops the child.
 */
final class StartExecutionIntegration implements TaskHandler {

    /** The Resource that returns Input and Output as JSON text. */
    static final String SYNC = "arn:aws:states:::states:startExecution.sync";
    /** The Resource that returns Input and Output as JSON. */
    static final String SYNC_2 = "arn:aws:states:::states:startExecution.sync:2";

    private final Supplier<AslEngine> engine;
    private final Map<String, StateMachine> targets;
    private final boolean json;

    StartExecutionIntegration(Supplier<AslEngine> engine, Map<String, StateMachine> targets, boolean json) {
        this.engine = engine;
        this.targets = Map.copyOf(targets);
        this.json = json;
    }

    @Override
    public JsonNode execute(TaskInvocation invocation) throws Exception {
        JsonNode request = invocation.input();
        String arn = request.path("StateMachineArn").asText("");
        StateMachine machine = targets.get(nameOf(arn));
        if (machine == null) {
            throw new TaskFailure("StepFunctions.StateMachineDoesNotExistException", "State Machine Does Not Exist: '" + arn
                    + "' (this engine starts " + targets.keySet() + ")");
        }
        JsonNode input = request.get("Input");
        if (input == null) {
            input = Json.object();
        } else if (input.isTextual()) {
            input = Json.parse(input.asText());
        }
        Execution child;
        try {
            child = request.hasNonNull("Name") ? engine.get().start(machine, request.get("Name").asText(), input)
                    : engine.get().start(machine, input);
        } catch (IllegalStateException e) {
            throw new TaskFailure("StepFunctions.ExecutionAlreadyExistsException", e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new TaskFailure("StepFunctions.InvalidNameException", e.getMessage());
        }
        try {
            child.await();
        } catch (InterruptedException e) {
            child.stop("States.Aborted", "the parent execution " + invocation.executionArn() + " was stopped");
            throw e;
        }
        ObjectNode described = Json.object();
        described.put("ExecutionArn", child.arn());
        setJson(described, "Input", child.input());
        described.putObject("InputDetails").put("Included", true);
        described.put("Name", child.name());
        if (child.status() == ExecutionStatus.SUCCEEDED) {
            setJson(described, "Output", child.output());
            described.putObject("OutputDetails").put("Included", true);
        }
        described.put("StartDate", millis(child.startTime()));
        described.put("StateMachineArn", child.stateMachineArn());
        described.put("Status", child.status().name());
        described.put("StopDate", millis(child.stopTime()));
        if (child.status() != ExecutionStatus.SUCCEEDED) {
            if (child.error() != null) {
                described.put("Error", child.error());
            }
            if (child.cause() != null) {
                described.put("Cause", child.cause());
            }
            throw new TaskFailure("States.TaskFailed", Json.write(described));
        }
        return described;
    }

    private void setJson(ObjectNode target, String field, JsonNode value) {
        if (json) {
            target.set(field, value);
        } else {
            target.put(field, Json.write(value));
        }
    }

    private static long millis(Instant instant) {
        return instant == null ? 0 : instant.toEpochMilli();
    }

    /** The state machine's name in an ARN, also of a version or alias ({@code ...:stateMachine:name[:qualifier]}). */
    static String nameOf(String arn) {
        int at = arn.indexOf(":stateMachine:");
        if (at < 0) {
            return arn;
        }
        String rest = arn.substring(at + ":stateMachine:".length());
        int qualifier = rest.indexOf(':');
        return qualifier < 0 ? rest : rest.substring(0, qualifier);
    }
}
