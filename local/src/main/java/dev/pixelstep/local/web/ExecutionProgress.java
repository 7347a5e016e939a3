package dev.pixelstep.local.web;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pixelstep.asl.history.HistoryEvent;
import dev.pixelstep.asl.history.HistoryEventType;
import dev.pixelstep.local.runtime.StateOutcomes;
import dev.pixelstep.local.runtime.StateProgress;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Turns an execution's history (or the record kept after it) into the states the page lists. */
final class ExecutionProgress {

    private static final Map<String, HistoryEventType> BY_AWS_NAME = Arrays.stream(HistoryEventType.values())
            .collect(Collectors.toMap(HistoryEventType::awsName, Function.identity()));

    private ExecutionProgress() {
    }

    /** States in the order they were entered, each running, succeeded or failed (a caught failure is a failure). */
    static List<StateProgress> of(List<HistoryEvent> history, Instant now) {
        return StateOutcomes.of(history, now);
    }

    /**
     * The states of an execution as Step Functions' GetExecutionHistory returns it. Events the local
     * engine does not know (Lambda-specific, redrive, ...) are left out, and whatever pointed at one
     * of them through {@code previousEventId} points at its predecessor instead.
     */
    static List<StateProgress> ofStepFunctions(List<software.amazon.awssdk.services.sfn.model.HistoryEvent> history, Instant now) {
        List<HistoryEvent> events = new ArrayList<>();
        Map<Long, Long> leftOut = new HashMap<>();
        for (software.amazon.awssdk.services.sfn.model.HistoryEvent event : history) {
            long previous = event.previousEventId() == null ? 0 : event.previousEventId();
            while (leftOut.containsKey(previous)) {
                previous = leftOut.get(previous);
            }
            HistoryEventType type = BY_AWS_NAME.get(event.typeAsString());
            if (type == null || event.id() == null || event.timestamp() == null) {
                if (event.id() != null) {
                    leftOut.put(event.id(), previous);
                }
                continue;
            }
            ObjectNode details = JsonNodeFactory.instance.objectNode();
            String name = event.stateEnteredEventDetails() != null ? event.stateEnteredEventDetails().name()
                    : event.stateExitedEventDetails() != null ? event.stateExitedEventDetails().name() : null;
            if (name != null) {
                details.put("name", name);
            }
            events.add(new HistoryEvent(event.id(), previous, event.timestamp(), type, details));
        }
        return of(events, now);
    }

    /** Whether a Step Functions history ends its execution (succeeded, failed, aborted or timed out). */
    static boolean ended(List<software.amazon.awssdk.services.sfn.model.HistoryEvent> history) {
        return !history.isEmpty() && switch (history.get(history.size() - 1).typeAsString()) {
            case "ExecutionSucceeded", "ExecutionFailed", "ExecutionAborted", "ExecutionTimedOut" -> true;
            default -> false;
        };
    }
}
