package dev.pixelstep.asl.internal.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pixelstep.asl.history.ExecutionListener;
import dev.pixelstep.asl.history.HistoryEvent;
import dev.pixelstep.asl.history.HistoryEventType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The append-only event history of one execution; listeners see each event in order as it is appended. */
final class History {

    private final String executionArn;
    private final Clock clock;
    private final List<ExecutionListener> listeners;
    private final List<HistoryEvent> events = new ArrayList<>();

    History(String executionArn, Clock clock, List<ExecutionListener> listeners) {
        this.executionArn = executionArn;
        this.clock = clock;
        this.listeners = List.copyOf(listeners);
    }

    synchronized HistoryEvent append(EventChain chain, HistoryEventType type, ObjectNode details) {
        HistoryEvent event = new HistoryEvent(events.size() + 1L, chain.last(), clock.instant(), type, details);
        events.add(event);
        chain.moveTo(event.id());
        for (ExecutionListener listener : listeners) {
            try {
                listener.onEvent(executionArn, event);
            } catch (RuntimeException ignored) {
                // a listener must not break the execution it observes
            }
        }
        return event;
    }

    synchronized List<HistoryEvent> events() {
        return List.copyOf(events);
    }
}
