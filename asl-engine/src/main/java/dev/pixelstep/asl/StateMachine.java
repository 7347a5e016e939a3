package dev.pixelstep.asl;

import dev.pixelstep.asl.definition.Definition;
import dev.pixelstep.asl.definition.DefinitionParser;
import dev.pixelstep.asl.definition.MapState;
import dev.pixelstep.asl.definition.ParallelState;
import dev.pixelstep.asl.definition.State;
import dev.pixelstep.asl.definition.StateGraph;
import dev.pixelstep.asl.definition.TaskState;
import dev.pixelstep.asl.internal.expression.JsonPointers;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A named, parsed and fully validated state machine (Amazon States Language, JSONPath dialect). Immutable and
 * reusable across executions and engines.
 */
public final class StateMachine {

    /** The name given by {@link #parse(String)}. */
    public static final String DEFAULT_NAME = "StateMachine";

    private final String name;
    private final String source;
    private final Definition definition;

    private StateMachine(String name, String source, Definition definition) {
        this.name = name;
        this.source = source;
        this.definition = definition;
    }

    /**
     * Parses and validates a definition, naming the state machine {@value #DEFAULT_NAME}.
     *
     * @throws dev.pixelstep.asl.definition.InvalidDefinitionException listing every problem found
     */
    public static StateMachine parse(String json) {
        return parse(DEFAULT_NAME, json);
    }

    /**
     * Parses and validates a definition.
     *
     * @param name the state machine's name (Step Functions' naming rules apply)
     * @param json the definition
     * @throws dev.pixelstep.asl.definition.InvalidDefinitionException listing every problem found
     * @throws IllegalArgumentException                               when the name is not allowed
     */
    public static StateMachine parse(String name, String json) {
        Names.check("state machine", name);
        Objects.requireNonNull(json, "json");
        return new StateMachine(name, json, DefinitionParser.parse(json));
    }

    /** The name. */
    public String name() {
        return name;
    }

    /** The definition text as given. */
    public String source() {
        return source;
    }

    /** The parsed definition. */
    public Definition definition() {
        return definition;
    }

    /** Every Task state, including those inside Parallel branches and Map item processors, in definition order. */
    public List<TaskState> taskStates() {
        return List.copyOf(taskStatesByPointer().values());
    }

    /**
     * Every Task state by its JSON pointer in the definition (e.g. {@code /States/P/Branches/0/States/T}; item
     * processors are shown as {@code ItemProcessor} even when written as the legacy {@code Iterator}).
     */
    public Map<String, TaskState> taskStatesByPointer() {
        Map<String, TaskState> tasks = new LinkedHashMap<>();
        collectTasks(definition.graph(), "", tasks);
        return Collections.unmodifiableMap(tasks);
    }

    private static void collectTasks(StateGraph graph, String prefix, Map<String, TaskState> tasks) {
        for (State state : graph.states().values()) {
            String pointer = prefix + "/States/" + JsonPointers.escape(state.name());
            if (state instanceof TaskState task) {
                tasks.put(pointer, task);
            } else if (state instanceof ParallelState parallel) {
                for (int i = 0; i < parallel.branches().size(); i++) {
                    collectTasks(parallel.branches().get(i), pointer + "/Branches/" + i, tasks);
                }
            } else if (state instanceof MapState map) {
                collectTasks(map.itemProcessor(), pointer + "/ItemProcessor", tasks);
            }
        }
    }

    /** Every Distributed Map state by its JSON pointer in the definition. */
    public Map<String, MapState> distributedMapsByPointer() {
        Map<String, MapState> maps = new LinkedHashMap<>();
        collectDistributedMaps(definition.graph(), "", maps);
        return Collections.unmodifiableMap(maps);
    }

    private static void collectDistributedMaps(StateGraph graph, String prefix, Map<String, MapState> maps) {
        for (State state : graph.states().values()) {
            String pointer = prefix + "/States/" + JsonPointers.escape(state.name());
            if (state instanceof ParallelState parallel) {
                for (int i = 0; i < parallel.branches().size(); i++) {
                    collectDistributedMaps(parallel.branches().get(i), pointer + "/Branches/" + i, maps);
                }
            } else if (state instanceof MapState map) {
                if (map.distributed() != null) {
                    maps.put(pointer, map);
                }
                collectDistributedMaps(map.itemProcessor(), pointer + "/ItemProcessor", maps);
            }
        }
    }

    @Override
    public String toString() {
        return "StateMachine[" + name + "]";
    }
}
