package dev.pixelstep.asl.definition;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A set of states with a start: the top level of a state machine, a Parallel branch or a Map item processor.
 *
 * @param startAt the first state's name
 * @param states  the states by name, in definition order
 * @param comment the Comment, or null
 */
public record StateGraph(String startAt, Map<String, State> states, String comment) {

    /** Copies the states, keeping their order. */
    public StateGraph {
        states = Collections.unmodifiableMap(new LinkedHashMap<>(states));
    }

    /** The state with a name. */
    public State state(String name) {
        State state = states.get(name);
        if (state == null) {
            throw new IllegalArgumentException("no state named '" + name + "'");
        }
        return state;
    }
}
