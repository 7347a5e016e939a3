package dev.pixelstep.local.web;

import dev.pixelstep.asl.history.HistoryEvent;
import dev.pixelstep.asl.history.HistoryEventType;
import dev.pixelstep.local.runtime.StateProgress;
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
        assertEquals(List.of(new StateProgress("ExtractObject", StateProgress.Status.SUCCEEDED, 5), new StateProgress("Process", StateProgress.Status.RUNNING, 1995),
                        new StateProgress("AnalyseOriginal", StateProgress.Status.SUCCEEDED, 894)),
                ExecutionProgress.of(history, T0.plusMillis(2000)));
    }

    @Test
    void statesNeverExitedWhenTheExecutionEndsFailed() {
        List<HistoryEvent> history = List.of(
                event(1, 0, HistoryEventType.EXECUTION_STARTED, null),
                event(2, 10, HistoryEventType.TASK_STATE_ENTERED, "Process"),
                event(3, 20, HistoryEventType.FAIL_STATE_ENTERED, "PipelineFailed"),
                event(4, 30, HistoryEventType.EXECUTION_FAILED, null));
        assertEquals(List.of(new StateProgress("Process", StateProgress.Status.FAILED, 20), new StateProgress("PipelineFailed", StateProgress.Status.FAILED, 10)),
                ExecutionProgress.of(history, T0.plusMillis(99_000)));
    }

    @Test
    void stepFunctionsEventsTheEngineDoesNotKnowAreSkippedWithoutLosingWhoFailed() {
        List<software.amazon.awssdk.services.sfn.model.HistoryEvent> history = List.of(
                aws(1, 0, 0, "ExecutionStarted", null),
                aws(2, 1, 10, "TaskStateEntered", "Process"),
                aws(3, 2, 11, "TaskScheduled", null),
                aws(4, 3, 12, "TaskStarted", null),
                aws(5, 4, 13, "TaskSubmitted", null), // not an event the local engine records
                aws(6, 5, 900, "TaskFailed", null),
                aws(7, 6, 901, "TaskStateExited", "Process"),
                aws(8, 7, 902, "PassStateEntered", "RecordFailure"));
        assertEquals(List.of(new StateProgress("Process", StateProgress.Status.FAILED, 891), new StateProgress("RecordFailure", StateProgress.Status.RUNNING, 98)),
                ExecutionProgress.ofStepFunctions(history, T0.plusMillis(1000)));
        assertEquals(false, ExecutionProgress.ended(history));
        assertEquals(true, ExecutionProgress.ended(List.of(aws(1, 0, 0, "ExecutionStarted", null), aws(2, 1, 5, "ExecutionTimedOut", null))));
    }

    private static software.amazon.awssdk.services.sfn.model.HistoryEvent aws(long id, long previous, long millis, String type, String state) {
        var event = software.amazon.awssdk.services.sfn.model.HistoryEvent.builder().id(id).previousEventId(previous)
                .timestamp(T0.plusMillis(millis)).type(type);
        if (state != null && type.endsWith("Entered")) {
            event.stateEnteredEventDetails(d -> d.name(state));
        } else if (state != null) {
            event.stateExitedEventDetails(d -> d.name(state));
        }
        return event.build();
    }

    private static HistoryEvent event(long id, long millis, HistoryEventType type, String state) {
        var details = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        if (state != null) {
            details.put("name", state);
        }
        return new HistoryEvent(id, id - 1, T0.plusMillis(millis), type, details);
    }
}
