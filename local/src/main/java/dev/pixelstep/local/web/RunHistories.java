package dev.pixelstep.local.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pixelstep.asl.history.ExecutionListener;
import dev.pixelstep.asl.history.HistoryEvent;
import dev.pixelstep.asl.history.HistoryEventType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The history of every execution started for one of the page's uploads, kept as the engine records
 * it, so the page can show each state, running, succeeded or failed, while it runs and after the
 * engine has forgotten the execution. Only the most recent {@link #KEPT} runs are kept.
 */
final class RunHistories implements ExecutionListener {

    static final int KEPT = 256;

    private final Map<String, String> keysByExecution = new HashMap<>();
    private final LinkedHashMap<String, List<HistoryEvent>> eventsByKey = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<HistoryEvent>> eldest) {
            if (size() > KEPT) {
                keysByExecution.values().removeIf(eldest.getKey()::equals);
                return true;
            }
            return false;
        }
    };

    @Override
    public synchronized void onEvent(String executionArn, HistoryEvent event) {
        if (event.type() == HistoryEventType.EXECUTION_STARTED) {
            JsonNode input = event.detail("input");
            String key = input == null ? "" : input.at("/detail/object/key").asText("");
            if (RunId.ofKey(key) == null) {
                return; // not one of the page's uploads
            }
            keysByExecution.put(executionArn, key);
            eventsByKey.put(key, new ArrayList<>());
        }
        String key = keysByExecution.get(executionArn);
        if (key != null) {
            eventsByKey.get(key).add(event);
        }
    }

    /** The events so far of the latest execution for {@code key}, or null if none was seen. */
    synchronized List<HistoryEvent> events(String key) {
        List<HistoryEvent> events = eventsByKey.get(key);
        return events == null ? null : List.copyOf(events);
    }
}
