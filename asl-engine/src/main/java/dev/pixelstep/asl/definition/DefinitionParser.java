package dev.pixelstep.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pixelstep.asl.internal.expression.JsonPointers;
import dev.pixelstep.asl.internal.json.Json;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses and validates a state machine definition (JSONPath dialect), collecting every problem before failing.
 * Anything this engine cannot run (JSONata, activities, callbacks, synchronous jobs other than a child state machine, variables)
 * is reported here, at load time.
 */
public final class DefinitionParser {

    /** The longest state name Step Functions accepts. */
    public static final int MAX_STATE_NAME_LENGTH = 80;

    private static final Set<String> TOP_LEVEL = Set.of("StartAt", "States", "Comment", "Version", "TimeoutSeconds",
            "QueryLanguage");
    private static final Set<String> GRAPH = Set.of("StartAt", "States", "Comment");
    private static final Set<String> ITEM_PROCESSOR = Set.of("StartAt", "States", "Comment", "ProcessorConfig");

    private final Problems problems = new Problems();
    private final StateParser states = new StateParser(this, problems);
    /** Every state name seen so far, in any branch or item processor, with where it was first defined. */
    private final Map<String, String> names = new HashMap<>();

    private DefinitionParser() {
    }

    /**
     * Parses definition text.
     *
     * @throws InvalidDefinitionException listing every problem found
     */
    public static Definition parse(String json) {
        JsonNode root;
        try {
            root = Json.parse(json);
        } catch (IllegalArgumentException e) {
            throw new InvalidDefinitionException(List.of(new DefinitionProblem("", "not valid JSON: " + e.getMessage())));
        }
        return parse(root);
    }

    /**
     * Parses a definition document.
     *
     * @throws InvalidDefinitionException listing every problem found
     */
    public static Definition parse(JsonNode root) {
        return new DefinitionParser().definition(root);
    }

    private Definition definition(JsonNode root) {
        if (!(root instanceof ObjectNode object)) {
            throw new InvalidDefinitionException(List.of(new DefinitionProblem("", "a definition must be a JSON object")));
        }
        Fields fields = new Fields(object, "", problems);
        fields.allowOnly("a state machine definition", TOP_LEVEL, Map.of());
        checkQueryLanguage(fields);
        StateGraph graph = graph(fields, "the state machine");
        Integer timeout = fields.integer("TimeoutSeconds", 1, 99_999_999);
        Definition definition = new Definition(graph, fields.string("Comment"), fields.string("Version"), timeout);
        problems.throwIfAny();
        return definition;
    }

    static void checkQueryLanguage(Fields fields) {
        String language = fields.string("QueryLanguage");
        if (language != null && !language.equals("JSONPath")) {
            fields.report("QueryLanguage", "QueryLanguage '" + language
                    + "' is not supported: this engine runs the JSONPath dialect only (JSONata is not supported)");
        }
    }

    /** Parses a Parallel branch. */
    StateGraph branch(Fields fields) {
        fields.allowOnly("a Parallel branch", GRAPH, Map.of());
        return graph(fields, "a Parallel branch");
    }

    /** Parses a Map item processor (ItemProcessor, or the legacy Iterator). */
    StateGraph itemProcessor(Fields fields, boolean legacy) {
        fields.allowOnly(legacy ? "a Map Iterator" : "a Map ItemProcessor", legacy ? GRAPH : ITEM_PROCESSOR, Map.of());
        Fields config = fields.object("ProcessorConfig");
        if (config != null) {
            config.allowOnly("a ProcessorConfig", Set.of("Mode", "ExecutionType"), Map.of());
            String mode = config.string("Mode");
            String executionType = config.string("ExecutionType");
            if (mode != null && !mode.equals("INLINE") && !mode.equals("DISTRIBUTED")) {
                config.report("Mode", "ProcessorConfig Mode must be INLINE or DISTRIBUTED but is '" + mode + "'");
            }
            boolean distributed = "DISTRIBUTED".equals(mode);
            if (distributed && executionType == null && !config.has("ExecutionType")) {
                config.report(null, "a DISTRIBUTED ProcessorConfig needs ExecutionType STANDARD or EXPRESS");
            } else if (executionType != null && !distributed) {
                config.report("ExecutionType", "ExecutionType is only for Mode DISTRIBUTED");
            } else if (executionType != null && !executionType.equals("STANDARD") && !executionType.equals("EXPRESS")) {
                config.report("ExecutionType", "ExecutionType must be STANDARD or EXPRESS but is '" + executionType + "'");
            }
        }
        return graph(fields, "a Map item processor");
    }

    private StateGraph graph(Fields fields, String what) {
        fields.require("StartAt", what);
        fields.require("States", what);
        String startAt = fields.string("StartAt");
        Map<String, State> parsed = new LinkedHashMap<>();
        JsonNode statesNode = fields.get("States");
        if (statesNode != null && !(statesNode instanceof ObjectNode)) {
            fields.report("States", "'States' must be a JSON object of states by name");
        } else if (statesNode != null) {
            if (statesNode.isEmpty()) {
                fields.report("States", "'States' must hold at least one state");
            }
            for (Map.Entry<String, JsonNode> entry : statesNode.properties()) {
                String name = entry.getKey();
                String pointer = fields.pointer("States") + "/" + JsonPointers.escape(name);
                checkName(name, pointer);
                if (!(entry.getValue() instanceof ObjectNode stateNode)) {
                    problems.report(pointer, "state '" + name + "' must be a JSON object");
                    continue;
                }
                State state = states.state(name, new Fields(stateNode, pointer, problems));
                if (state != null) {
                    parsed.put(name, state);
                }
            }
        }
        if (startAt != null && statesNode instanceof ObjectNode && !statesNode.has(startAt)) {
            fields.report("StartAt", "StartAt names '" + startAt + "', which is not a state of " + what);
        }
        if (statesNode instanceof ObjectNode) {
            checkTransitions(fields, statesNode, parsed, startAt);
        }
        return new StateGraph(startAt == null ? "" : startAt, parsed, fields.string("Comment"));
    }

    private void checkName(String name, String pointer) {
        if (name.isEmpty() || name.length() > MAX_STATE_NAME_LENGTH) {
            problems.report(pointer, "state names must be 1 to " + MAX_STATE_NAME_LENGTH + " characters long: '"
                    + name + "'");
        }
        String first = names.putIfAbsent(name, pointer);
        if (first != null) {
            problems.report(pointer, "state '" + name + "' is defined at " + first + " too: state names must be"
                    + " unique in the whole state machine, Parallel branches and Map item processors included");
        }
    }

    private void checkTransitions(Fields fields, JsonNode statesNode, Map<String, State> parsed, String startAt) {
        for (State state : parsed.values()) {
            String pointer = fields.pointer("States") + "/" + JsonPointers.escape(state.name());
            for (Map.Entry<String, String> target : Transitions.targets(state).entrySet()) {
                if (!statesNode.has(target.getValue())) {
                    problems.report(pointer + target.getKey(), "'" + target.getValue()
                            + "' is not a state in the same scope as '" + state.name() + "'");
                }
            }
        }
        if (startAt == null || !parsed.containsKey(startAt) || parsed.size() != statesNode.size()) {
            return;
        }
        Set<String> reached = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>(List.of(startAt));
        while (!pending.isEmpty()) {
            String name = pending.pop();
            if (reached.add(name) && parsed.containsKey(name)) {
                pending.addAll(Transitions.targets(parsed.get(name)).values());
            }
        }
        for (String name : parsed.keySet()) {
            if (!reached.contains(name)) {
                problems.report(fields.pointer("States") + "/" + JsonPointers.escape(name),
                        "state '" + name + "' is unreachable from StartAt '" + startAt + "'");
            }
        }
    }
}
