package dev.pixelstep.asl.internal.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pixelstep.asl.internal.json.Json;
import dev.pixelstep.asl.internal.json.Timestamps;
import java.time.Instant;

/** Builds the context object ({@code $$}) a state sees. */
final class ContextObject {

    private ContextObject() {
    }

    static ObjectNode forState(ExecutionRun run, String stateName, Instant enteredTime, int retryCount) {
        ObjectNode context = Json.object();
        ObjectNode execution = context.putObject("Execution");
        execution.put("Id", run.executionArn());
        execution.set("Input", run.inputNode());
        execution.put("Name", run.name());
        execution.put("RoleArn", "arn:aws:iam::" + run.config().account() + ":role/pixelstep-asl-engine");
        execution.put("StartTime", Timestamps.format(run.startTime()));
        execution.put("RedriveCount", 0);
        ObjectNode state = context.putObject("State");
        state.put("EnteredTime", Timestamps.format(enteredTime));
        state.put("Name", stateName);
        state.put("RetryCount", retryCount);
        ObjectNode machine = context.putObject("StateMachine");
        machine.put("Id", run.stateMachineArn());
        machine.put("Name", run.stateMachineName());
        return context;
    }

    static ObjectNode withMapItem(ObjectNode context, int index, JsonNode value) {
        ObjectNode copy = context.deepCopy();
        ObjectNode item = copy.putObject("Map").putObject("Item");
        item.put("Index", index);
        item.set("Value", value);
        return copy;
    }
}
