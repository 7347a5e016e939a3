package dev.pixelstep.asl.internal.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pixelstep.asl.definition.MapState;
import dev.pixelstep.asl.definition.ParallelState;
import dev.pixelstep.asl.definition.StateGraph;
import dev.pixelstep.asl.error.ErrorNames;
import dev.pixelstep.asl.error.StatesFailure;
import dev.pixelstep.asl.history.HistoryEvent;
import dev.pixelstep.asl.history.HistoryEventType;
import dev.pixelstep.asl.internal.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** One attempt of a Parallel or Map state: its branches or iterations, run concurrently, with their events. */
final class BranchStateRunner {

    /** Step Functions runs at most 40 iterations of an inline Map at once, whatever MaxConcurrency says. */
    static final int MAX_INLINE_MAP_CONCURRENCY = 40;

    private final ExecutionRun run;
    private final GraphInterpreter interpreter;

    BranchStateRunner(ExecutionRun run, GraphInterpreter interpreter) {
        this.run = run;
        this.interpreter = interpreter;
    }

    Outcome parallel(ParallelState state, JsonNode rawInput, ObjectNode context, EventChain chain) {
        DataFlow flow = new DataFlow(state.io(), context, run.config().random());
        JsonNode effective = flow.effectiveInput(rawInput);
        HistoryEvent started = run.history().append(chain, HistoryEventType.PARALLEL_STATE_STARTED, null);
        List<Callable<JsonNode>> work = new ArrayList<>();
        for (StateGraph branch : state.branches()) {
            work.add(() -> interpreter.run(branch, effective, new EventChain(started.id())));
        }
        List<JsonNode> results = runAll(work, 0, chain, HistoryEventType.PARALLEL_STATE_FAILED,
                HistoryEventType.PARALLEL_STATE_ABORTED);
        run.history().append(chain, HistoryEventType.PARALLEL_STATE_SUCCEEDED, null);
        return new Outcome(flow.output(rawInput, array(results)), state.transition().next());
    }

    Outcome map(MapState state, JsonNode rawInput, ObjectNode context, EventChain chain) {
        if (state.distributed() != null) {
            return new DistributedMapRunner(run).map(state, rawInput, context, chain);
        }
        DataFlow flow = new DataFlow(state.io(), context, run.config().random());
        JsonNode effective = flow.effectiveInput(rawInput);
        JsonNode items = state.itemsPath() == null ? effective : state.itemsPath().select(flow.scope(effective));
        if (items == null || !items.isArray()) {
            throw new StatesFailure(ErrorNames.RUNTIME, "The ItemsPath '" + (state.itemsPath() == null ? "$"
                    : state.itemsPath().text()) + "' of Map state '" + state.name() + "' must select an array but"
                    + " selected " + (items == null ? "nothing" : Json.write(items)));
        }
        int concurrency = concurrency(state, flow, effective);
        ObjectNode started = Json.object().put("length", items.size());
        HistoryEvent startedEvent = run.history().append(chain, HistoryEventType.MAP_STATE_STARTED, started);
        List<Callable<JsonNode>> work = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            int index = i;
            JsonNode item = items.get(i);
            work.add(() -> iteration(state, effective, context, index, item, startedEvent.id()));
        }
        List<JsonNode> results = runAll(work, concurrency, chain, HistoryEventType.MAP_STATE_FAILED,
                HistoryEventType.MAP_STATE_ABORTED);
        run.history().append(chain, HistoryEventType.MAP_STATE_SUCCEEDED, null);
        return new Outcome(flow.output(rawInput, array(results)), state.transition().next());
    }

    private JsonNode iteration(MapState state, JsonNode effective, ObjectNode context, int index, JsonNode item,
                               long startedId) {
        EventChain chain = new EventChain(startedId);
        ObjectNode details = Json.object().put("name", state.name()).put("index", index);
        run.history().append(chain, HistoryEventType.MAP_ITERATION_STARTED, details);
        try {
            JsonNode input = item;
            if (state.itemSelector() != null) {
                DataFlow flow = new DataFlow(state.io(), ContextObject.withMapItem(context, index, item),
                        run.config().random());
                input = state.itemSelector().evaluate(flow.scope(effective));
            }
            JsonNode output = interpreter.run(state.itemProcessor(), input, chain);
            run.history().append(chain, HistoryEventType.MAP_ITERATION_SUCCEEDED, details);
            return output;
        } catch (StatesFailure failure) {
            run.history().append(chain, HistoryEventType.MAP_ITERATION_FAILED, details);
            throw failure;
        } catch (ExecutionStoppedException stopped) {
            run.history().append(chain, HistoryEventType.MAP_ITERATION_ABORTED, details);
            throw stopped;
        }
    }

    private static int concurrency(MapState state, DataFlow flow, JsonNode effective) {
        int requested = requestedConcurrency(state, flow, effective);
        return requested == 0 ? MAX_INLINE_MAP_CONCURRENCY : Math.min(requested, MAX_INLINE_MAP_CONCURRENCY);
    }

    private static int requestedConcurrency(MapState state, DataFlow flow, JsonNode effective) {
        if (state.maxConcurrencyPath() == null) {
            return state.maxConcurrency();
        }
        JsonNode value = state.maxConcurrencyPath().select(flow.scope(effective));
        if (value == null || !value.isIntegralNumber() || value.asLong() < 0) {
            throw new StatesFailure(ErrorNames.RUNTIME, "The MaxConcurrencyPath '" + state.maxConcurrencyPath().text()
                    + "' must select a non-negative integer");
        }
        return value.intValue();
    }

    private List<JsonNode> runAll(List<Callable<JsonNode>> work, int concurrency, EventChain chain,
                                  HistoryEventType failed, HistoryEventType aborted) {
        try {
            return ConcurrentBranches.run(run.config().executor(), run.threads(), work, concurrency);
        } catch (StatesFailure failure) {
            run.history().append(chain, failed, null);
            throw failure;
        } catch (ExecutionStoppedException stopped) {
            run.history().append(chain, aborted, null);
            throw stopped;
        }
    }

    private static ArrayNode array(List<JsonNode> results) {
        ArrayNode array = Json.mapper().createArrayNode();
        results.forEach(array::add);
        return array;
    }
}
