package dev.pixelstep.local.web;

import dev.pixelstep.asl.history.HistoryEvent;
import dev.pixelstep.asl.history.HistoryEventType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ExecutionProgressTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void statesAreListedInTheOrderEnteredWithTheirStatusAndDuration() {
        List<HistoryEvent> history = List.of(
                event(1, 0, HistoryEventType.EXECUTION_STARTED, null),
                event(2, 0, HistoryEventType.PASS_STATE_ENTERED, "ExtractObject"),
                event(3, 5, HistoryEventType.PASS_STATE_EXITED, "ExtractObject"),
                event(4, 5, HistoryEventType.TASK_STATE_ENTERED, "Process"),
                event(5, 6, HistoryEventType.TASK_STATE_ENTERED, "AnalyseOriginal"),
                event(6, 900, HistoryEventType.TASK_STATE_EXITED, "AnalyseOriginal"));
        assertEquals(List.of(new StateProgress("ExtractObject", "SUCCEEDED", 5), new StateProgress("Process", "RUNNING", 1995),
                        new StateProgress("AnalyseOriginal", "SUCCEEDED", 894)),
                ExecutionProgress.of(history, T0.plusMillis(2000)));
    }

    @Test
    void statesNeverExitedWhenTheExecutionEndsFailed() {
        List<HistoryEvent> history = List.of(
                event(1, 0, HistoryEventType.EXECUTION_STARTED, null),
                event(2, 10, HistoryEventType.TASK_STATE_ENTERED, "Process"),
                event(3, 20, HistoryEventType.FAIL_STATE_ENTERED, "PipelineFailed"),
                event(4, 30, HistoryEventType.EXECUTION_FAILED, null));
        assertEquals(List.of(new StateProgress("Process", "FAILED", 20), new StateProgress("PipelineFailed", "FAILED", 10)),
                ExecutionProgress.of(history, T0.plusMillis(99_000)));
    }

    private static HistoryEvent event(long id, long millis, HistoryEventType type, String state) {
        var details = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        if (state != null) {
            details.put("name", state);
        }
        return new HistoryEvent(id, id - 1, T0.plusMillis(millis), type, details);
    }
}
