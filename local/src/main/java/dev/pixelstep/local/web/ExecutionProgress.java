package dev.pixelstep.local.web;

import dev.pixelstep.asl.history.HistoryEvent;
import dev.pixelstep.local.pipeline.ExecutionRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns an execution's history (or the record kept after it) into the states the page lists. */
final class ExecutionProgress {

    private ExecutionProgress() {
    }

    /** States in the order they were entered, each running, succeeded or failed. */
    static List<StateProgress> of(List<HistoryEvent> history, Instant now) {
        Map<String, Instant> entered = new LinkedHashMap<>();
        Map<String, StateProgress> states = new LinkedHashMap<>();
        for (HistoryEvent event : history) {
            String type = event.type().name();
            String name = event.stateName();
            if (type.endsWith("_STATE_ENTERED") && name != null) {
                entered.put(name, event.timestamp());
                states.put(name, new StateProgress(name, "RUNNING", 0));
            } else if (type.endsWith("_STATE_EXITED") && name != null && entered.containsKey(name)) {
                states.put(name, new StateProgress(name, "SUCCEEDED", Duration.between(entered.remove(name), event.timestamp()).toMillis()));
            } else if (type.startsWith("EXECUTION_") && !type.equals("EXECUTION_STARTED")) {
                // States never exited when the execution ends failed (their errors may have been caught).
                for (Map.Entry<String, Instant> open : entered.entrySet()) {
                    states.put(open.getKey(), new StateProgress(open.getKey(), "FAILED",
                            Duration.between(open.getValue(), event.timestamp()).toMillis()));
                }
                entered.clear();
            }
        }
        List<StateProgress> out = new ArrayList<>();
        for (StateProgress state : states.values()) {
            Instant since = entered.get(state.name());
            out.add(since == null ? state : new StateProgress(state.name(), "RUNNING", Duration.between(since, now).toMillis()));
        }
        return out;
    }

    /** Every state of a finished execution, as recorded on disk. */
    static List<StateProgress> of(ExecutionRecord record) {
        List<StateProgress> out = new ArrayList<>();
        for (ExecutionRecord.StateTiming timing : record.states()) {
            out.add(new StateProgress(timing.state(), "SUCCEEDED", timing.millis()));
        }
        return out;
    }
}
