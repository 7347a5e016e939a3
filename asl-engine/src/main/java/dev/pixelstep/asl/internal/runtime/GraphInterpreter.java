package dev.pixelstep.asl.internal.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pixelstep.asl.definition.ChoiceState;
import dev.pixelstep.asl.definition.FailState;
import dev.pixelstep.asl.definition.InputOutput;
import dev.pixelstep.asl.definition.InputSelection;
import dev.pixelstep.asl.definition.MapState;
import dev.pixelstep.asl.definition.ParallelState;
import dev.pixelstep.asl.definition.PassState;
import dev.pixelstep.asl.definition.ResultPlacement;
import dev.pixelstep.asl.definition.State;
import dev.pixelstep.asl.definition.StateGraph;
import dev.pixelstep.asl.definition.SucceedState;
import dev.pixelstep.asl.definition.TaskState;
import dev.pixelstep.asl.definition.WaitState;
import dev.pixelstep.asl.error.ErrorNames;
import dev.pixelstep.asl.error.StatesFailure;
import dev.pixelstep.asl.internal.expression.Scope;
import dev.pixelstep.asl.internal.expression.ValueExpression;
import dev.pixelstep.asl.history.HistoryEventType;
import dev.pixelstep.asl.internal.json.Json;
import java.time.Instant;
import java.util.Map;

/** Runs a state graph from its StartAt to its end, one state at a time, recording history as it goes. */
final class GraphInterpreter {

    /** The entered and exited event types of each state type (a Fail state is never exited). */
    private record StateEvents(HistoryEventType entered, HistoryEventType exited) {
    }

    private static final Map<String, StateEvents> EVENTS = Map.of(
            "Pass", new StateEvents(HistoryEventType.PASS_STATE_ENTERED, HistoryEventType.PASS_STATE_EXITED),
            "Task", new StateEvents(HistoryEventType.TASK_STATE_ENTERED, HistoryEventType.TASK_STATE_EXITED),
            "Choice", new StateEvents(HistoryEventType.CHOICE_STATE_ENTERED, HistoryEventType.CHOICE_STATE_EXITED),
            "Wait", new StateEvents(HistoryEventType.WAIT_STATE_ENTERED, HistoryEventType.WAIT_STATE_EXITED),
            "Succeed", new StateEvents(HistoryEventType.SUCCEED_STATE_ENTERED, HistoryEventType.SUCCEED_STATE_EXITED),
            "Fail", new StateEvents(HistoryEventType.FAIL_STATE_ENTERED, null),
            "Parallel", new StateEvents(HistoryEventType.PARALLEL_STATE_ENTERED, HistoryEventType.PARALLEL_STATE_EXITED),
            "Map", new StateEvents(HistoryEventType.MAP_STATE_ENTERED, HistoryEventType.MAP_STATE_EXITED));

    private final ExecutionRun run;
    private final TaskStateRunner tasks;
    private final BranchStateRunner branches;
    private final WaitDurations waits;

    GraphInterpreter(ExecutionRun run) {
        this.run = run;
        this.tasks = new TaskStateRunner(run);
        this.branches = new BranchStateRunner(run, this);
        this.waits = new WaitDurations(run.config().clock());
    }

    /**
     * Runs a graph.
     *
     * @return the output of its last state
     * @throws StatesFailure when a state fails and no Catcher handles it
     */
    JsonNode run(StateGraph graph, JsonNode input, EventChain chain) {
        String current = graph.startAt();
        JsonNode data = input;
        while (true) {
            if (Thread.currentThread().isInterrupted() || run.threads().isInterrupted()) {
                throw new ExecutionStoppedException();
            }
            Outcome outcome = runState(graph.state(current), data, chain);
            if (outcome.next() == null) {
                return outcome.output();
            }
            current = outcome.next();
            data = outcome.output();
        }
    }

    private Outcome runState(State state, JsonNode input, EventChain chain) {
        Instant entered = run.config().clock().instant();
        StateEvents events = EVENTS.get(state.type());
        ObjectNode enteredDetails = Json.object().put("name", state.name());
        enteredDetails.set("input", input);
        run.history().append(chain, events.entered(), enteredDetails);
        Outcome outcome = execute(state, input, entered, chain);
        PayloadLimit.check(outcome.output(), "the output of state '" + state.name() + "'");
        ObjectNode exitedDetails = Json.object().put("name", state.name());
        exitedDetails.set("output", outcome.output());
        run.history().append(chain, events.exited(), exitedDetails);
        return outcome;
    }

    private Outcome execute(State state, JsonNode input, Instant entered, EventChain chain) {
        if (state instanceof PassState pass) {
            return pass(pass, input, entered);
        } else if (state instanceof TaskState task) {
            return new Recovery(run).run(task.errorHandling(), input,
                    retries -> tasks.attempt(task, input, context(task, entered, retries), retries, chain));
        } else if (state instanceof ChoiceState choice) {
            return choice(choice, input, entered);
        } else if (state instanceof WaitState wait) {
            return waitState(wait, input, entered);
        } else if (state instanceof SucceedState succeed) {
            DataFlow flow = flow(succeed.inputPath(), succeed.outputPath(), context(succeed, entered, 0));
            return new Outcome(flow.output(flow.effectiveInput(input), null), null);
        } else if (state instanceof FailState fail) {
            throw failure(fail, input, entered);
        } else if (state instanceof ParallelState parallel) {
            return new Recovery(run).run(parallel.errorHandling(), input,
                    retries -> branches.parallel(parallel, input, context(parallel, entered, retries), chain));
        } else if (state instanceof MapState map) {
            return new Recovery(run).run(map.errorHandling(), input,
                    retries -> branches.map(map, input, context(map, entered, retries), chain));
        }
        throw new IllegalStateException("unknown state " + state);
    }

    private Outcome pass(PassState pass, JsonNode input, Instant entered) {
        DataFlow flow = new DataFlow(pass.io(), context(pass, entered, 0), run.config().random());
        JsonNode effective = flow.effectiveInput(input);
        JsonNode result = pass.result() != null ? pass.result() : effective;
        return new Outcome(flow.output(input, result), pass.transition().next());
    }

    private Outcome choice(ChoiceState choice, JsonNode input, Instant entered) {
        ObjectNode context = context(choice, entered, 0);
        DataFlow flow = flow(choice.inputPath(), choice.outputPath(), context);
        JsonNode effective = flow.effectiveInput(input);
        Scope scope = flow.scope(effective);
        String next = choice.defaultNext();
        for (ChoiceState.Choice candidate : choice.choices()) {
            if (candidate.rule().matches(scope)) {
                next = candidate.next();
                break;
            }
        }
        if (next == null) {
            throw new StatesFailure(ErrorNames.NO_CHOICE_MATCHED, "No Choice Rules matched the input of state '"
                    + choice.name() + "' and it has no Default: " + Json.write(effective));
        }
        return new Outcome(flow.output(effective, null), next);
    }

    private Outcome waitState(WaitState wait, JsonNode input, Instant entered) {
        DataFlow flow = flow(wait.inputPath(), wait.outputPath(), context(wait, entered, 0));
        JsonNode effective = flow.effectiveInput(input);
        try {
            run.config().sleeper().sleep(waits.of(wait, flow.scope(effective)));
        } catch (InterruptedException e) {
            throw new ExecutionStoppedException();
        }
        return new Outcome(flow.output(effective, null), wait.transition().next());
    }

    private StatesFailure failure(FailState fail, JsonNode input, Instant entered) {
        Scope scope = new Scope(input, context(fail, entered, 0), run.config().random());
        String error = fail.errorPath() != null ? text(fail.errorPath(), scope, "ErrorPath") : fail.error();
        String cause = fail.causePath() != null ? text(fail.causePath(), scope, "CausePath") : fail.cause();
        return new StatesFailure(error, cause);
    }

    private static String text(ValueExpression expression, Scope scope, String field) {
        JsonNode value = expression.evaluate(scope);
        if (value == null || !value.isTextual()) {
            throw new StatesFailure(ErrorNames.RUNTIME, "The " + field + " '" + expression.text()
                    + "' must resolve to a string but resolved to " + (value == null ? "nothing" : Json.write(value)));
        }
        return value.textValue();
    }

    private DataFlow flow(InputSelection in, InputSelection out, ObjectNode context) {
        InputOutput io = new InputOutput(in, null, null, ResultPlacement.DISCARD, out);
        return new DataFlow(io, context, run.config().random());
    }

    private ObjectNode context(State state, Instant entered, int retries) {
        return ContextObject.forState(run, state.name(), entered, retries);
    }
}
