package dev.pixelstep.local.runtime;

import dev.pixelstep.asl.history.HistoryEvent;
import dev.pixelstep.asl.history.HistoryEventType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What became of each state of an execution, read from its history: running, succeeded, or failed
 * (a state whose error was caught still failed, and a task that failed and then succeeded on a
 * retry succeeded). Failure events are attributed to the state that entered them by following
 * {@code previousEventId}, so concurrent Parallel branches are told apart.
 */
public final class StateOutcomes {

    private static final class Entry {
        final String name;
        final String kind;
        final Instant entered;
        boolean failed;
        StateProgress outcome;

        Entry(String name, String kind, Instant entered) {
            this.name = name;
            this.kind = kind;
            this.entered = entered;
        }
    }

    private StateOutcomes() {
    }

    /** Every state in the order it was entered; running ones are timed up to {@code now}. */
    public static List<StateProgress> of(List<HistoryEvent> history, Instant now) {
        Map<Long, HistoryEvent> byId = new HashMap<>();
        Map<Long, Entry> entries = new LinkedHashMap<>();
        Map<String, Entry> openByName = new HashMap<>();
        for (HistoryEvent event : history) {
            byId.put(event.id(), event);
            String type = event.type().name();
            String name = event.stateName();
            if (type.endsWith("_STATE_ENTERED") && name != null) {
                Entry entry = new Entry(name, kind(type), event.timestamp());
                entries.put(event.id(), entry);
                openByName.put(name, entry);
            } else if (type.endsWith("_STATE_EXITED") && name != null && openByName.containsKey(name)) {
                Entry entry = openByName.remove(name);
                entry.outcome = new StateProgress(name, entry.failed ? StateProgress.Status.FAILED : StateProgress.Status.SUCCEEDED,
                        Duration.between(entry.entered, event.timestamp()).toMillis());
            } else if (event.type() == HistoryEventType.TASK_FAILED || event.type() == HistoryEventType.TASK_TIMED_OUT) {
                mark(owner(event, "TASK", byId, entries), true);
            } else if (event.type() == HistoryEventType.TASK_SUCCEEDED) {
                mark(owner(event, "TASK", byId, entries), false);
            } else if (event.type() == HistoryEventType.PARALLEL_STATE_FAILED) {
                mark(owner(event, "PARALLEL", byId, entries), true);
            } else if (event.type() == HistoryEventType.MAP_STATE_FAILED) {
                mark(owner(event, "MAP", byId, entries), true);
            } else if (type.startsWith("EXECUTION_") && event.type() != HistoryEventType.EXECUTION_STARTED) {
                for (Entry open : openByName.values()) {
                    boolean fail = event.type() != HistoryEventType.EXECUTION_SUCCEEDED || open.failed;
                    open.outcome = new StateProgress(open.name, fail ? StateProgress.Status.FAILED : StateProgress.Status.SUCCEEDED,
                            Duration.between(open.entered, event.timestamp()).toMillis());
                }
                openByName.clear();
            }
        }
        List<StateProgress> out = new ArrayList<>();
        for (Entry entry : entries.values()) {
            out.add(entry.outcome != null ? entry.outcome
                    : new StateProgress(entry.name, StateProgress.Status.RUNNING, Duration.between(entry.entered, now).toMillis()));
        }
        return out;
    }

    private static void mark(Entry entry, boolean failed) {
        if (entry != null && entry.outcome == null) {
            entry.failed = failed;
        }
    }

    /** The still-open state of {@code kind} that led to {@code event}, following previousEventId. */
    private static Entry owner(HistoryEvent event, String kind, Map<Long, HistoryEvent> byId, Map<Long, Entry> entries) {
        for (HistoryEvent e = byId.get(event.previousEventId()); e != null; e = byId.get(e.previousEventId())) {
            Entry entry = entries.get(e.id());
            if (entry != null && entry.kind.equals(kind) && entry.outcome == null) {
                return entry;
            }
            if (e.previousEventId() == e.id()) {
                break;
            }
        }
        return null;
    }

    private static String kind(String enteredType) {
        return enteredType.substring(0, enteredType.indexOf("_STATE_ENTERED"));
    }
}
