package dev.pixelstep.local.web;

import dev.pixelstep.asl.history.HistoryEvent;
import dev.pixelstep.local.pipeline.ExecutionRecord;
import dev.pixelstep.local.pipeline.StateOutcomes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Turns an execution's history (or the record kept after it) into the states the page lists. */
final class ExecutionProgress {

    private ExecutionProgress() {
    }

    /** States in the order they were entered, each running, succeeded or failed (a caught failure is a failure). */
    static List<StateProgress> of(List<HistoryEvent> history, Instant now) {
        List<StateProgress> out = new ArrayList<>();
        for (StateOutcomes.Outcome outcome : StateOutcomes.of(history, now)) {
            out.add(new StateProgress(outcome.state(), outcome.status(), outcome.millis()));
        }
        return out;
    }

    /** Every state of a finished execution, as recorded on disk. */
    static List<StateProgress> of(ExecutionRecord record) {
        List<StateProgress> out = new ArrayList<>();
        for (ExecutionRecord.StateTiming timing : record.states()) {
            out.add(new StateProgress(timing.state(), timing.status(), timing.millis()));
        }
        return out;
    }
}
