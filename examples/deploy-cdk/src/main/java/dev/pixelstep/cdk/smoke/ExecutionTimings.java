package dev.pixelstep.cdk.smoke;

import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-state timings of one execution, from Step Functions' execution history: how long each state
 * ran (entered to exited) and the whole execution (started to its end). Task states include
 * Lambda's own overhead, so the first run after a deployment shows the cold start (SnapStart
 * restore included) and a second one the warm time.
 *
 * @param executionArn the execution
 * @param total        started to succeeded, failed, timed out or aborted
 * @param states       each state that ran, in the order it was entered (a state in both branches of
 *                     the Parallel appears once per entry)
 */
public record ExecutionTimings(String executionArn, Duration total, List<StateTiming> states) {

    /** One state's run. */
    public record StateTiming(String name, Duration duration) {
    }

    /** Reads the whole history of {@code executionArn} (every page) and times it. */
    public static ExecutionTimings of(SfnClient sfn, String executionArn) {
        List<HistoryEvent> events = new ArrayList<>();
        sfn.getExecutionHistoryPaginator(b -> b.executionArn(executionArn).includeExecutionData(false))
                .forEach(page -> events.addAll(page.events()));
        return of(executionArn, events);
    }

    /** Times a history read already. */
    public static ExecutionTimings of(String executionArn, List<HistoryEvent> events) {
        Instant started = null;
        Instant ended = null;
        Map<Long, HistoryEvent> entered = new HashMap<>();
        List<StateTiming> states = new ArrayList<>();
        for (HistoryEvent event : events) {
            HistoryEventType type = event.type();
            if (type == HistoryEventType.EXECUTION_STARTED) {
                started = event.timestamp();
            } else if (type == HistoryEventType.EXECUTION_SUCCEEDED || type == HistoryEventType.EXECUTION_FAILED
                    || type == HistoryEventType.EXECUTION_TIMED_OUT || type == HistoryEventType.EXECUTION_ABORTED) {
                ended = event.timestamp();
            } else if (event.stateEnteredEventDetails() != null) {
                entered.put(event.id(), event);
            } else if (event.stateExitedEventDetails() != null) {
                HistoryEvent entry = enteredFor(event, entered);
                if (entry != null) {
                    states.add(new StateTiming(event.stateExitedEventDetails().name(), Duration.between(entry.timestamp(), event.timestamp())));
                }
            }
        }
        if (started == null || ended == null) {
            throw new IllegalStateException(executionArn + " has not ended, or its history has no start: " + events.size() + " events");
        }
        return new ExecutionTimings(executionArn, Duration.between(started, ended), List.copyOf(states));
    }

    /** The StateEntered event of the same state that this exit closes: the latest open entry with the exit's name. */
    private static HistoryEvent enteredFor(HistoryEvent exit, Map<Long, HistoryEvent> entered) {
        String name = exit.stateExitedEventDetails().name();
        HistoryEvent match = null;
        for (HistoryEvent candidate : entered.values()) {
            if (candidate.stateEnteredEventDetails().name().equals(name) && candidate.id() < exit.id()
                    && (match == null || candidate.id() > match.id())) {
                match = candidate;
            }
        }
        if (match != null) {
            entered.remove(match.id());
        }
        return match;
    }

    /** The timings as lines of text, e.g. {@code   Process   1234 ms}. */
    public String describe(String label) {
        StringBuilder text = new StringBuilder(label + ": " + total.toMillis() + " ms from start to end (" + executionArn + ")\n");
        for (StateTiming state : states) {
            text.append(String.format("  %-28s %7d ms%n", state.name(), state.duration().toMillis()));
        }
        return text.toString();
    }
}
