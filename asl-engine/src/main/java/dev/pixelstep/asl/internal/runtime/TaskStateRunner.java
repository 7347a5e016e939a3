package dev.pixelstep.asl.internal.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pixelstep.asl.definition.TaskState;
import dev.pixelstep.asl.error.ErrorNames;
import dev.pixelstep.asl.error.StatesFailure;
import dev.pixelstep.asl.error.TaskFailure;
import dev.pixelstep.asl.internal.expression.Path;
import dev.pixelstep.asl.internal.expression.Scope;
import dev.pixelstep.asl.internal.expression.intrinsic.IntrinsicFunction;
import dev.pixelstep.asl.history.HistoryEventType;
import dev.pixelstep.asl.internal.json.Json;
import dev.pixelstep.asl.task.ResourceArn;
import dev.pixelstep.asl.task.TaskHandler;
import dev.pixelstep.asl.task.TaskInvocation;
import dev.pixelstep.asl.time.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One attempt of a Task state: effective input, TaskScheduled/Started, the handler (on this thread, or on the
 * executor when TimeoutSeconds or HeartbeatSeconds apply, so that it can be abandoned and interrupted), then
 * TaskSucceeded or TaskFailed/TaskTimedOut, and the output processing.
 */
final class TaskStateRunner {

    private final ExecutionRun run;

    TaskStateRunner(ExecutionRun run) {
        this.run = run;
    }

    Outcome attempt(TaskState task, JsonNode rawInput, ObjectNode context, int retryCount, EventChain chain) {
        DataFlow flow = new DataFlow(task.io(), context, run.config().random());
        JsonNode effective = flow.effectiveInput(rawInput);
        Scope scope = flow.scope(rawInput);
        Integer timeout = seconds(task.timeoutSeconds(), task.timeoutSecondsPath(), scope, "TimeoutSecondsPath");
        Integer heartbeat = seconds(task.heartbeatSeconds(), task.heartbeatSecondsPath(), scope, "HeartbeatSecondsPath");
        ResourceArn resource = ResourceArn.of(task.resource());
        TaskHandler handler = run.config().handlers().get(task.resource());
        if (handler == null) {
            throw new StatesFailure(ErrorNames.RUNTIME, "no task handler is registered for " + task.resource());
        }
        ObjectNode scheduled = details(resource).put("region", run.config().region());
        scheduled.set("parameters", effective);
        if (timeout != null) {
            scheduled.put("timeoutInSeconds", timeout);
        }
        if (heartbeat != null) {
            scheduled.put("heartbeatInSeconds", heartbeat);
        }
        run.history().append(chain, HistoryEventType.TASK_SCHEDULED, scheduled);
        run.history().append(chain, HistoryEventType.TASK_STARTED, details(resource));
        AtomicReference<Instant> lastBeat = new AtomicReference<>(run.config().clock().instant());
        TaskInvocation invocation = new TaskInvocation(task.resource(), effective, task.name(), run.executionArn(),
                run.config().region(), run.config().account(), retryCount,
                IntrinsicFunction.randomUuid(run.config().random()).toString(), () -> lastBeat.set(run.config().clock().instant()));
        JsonNode result;
        try {
            result = timeout == null && heartbeat == null ? invokeHere(handler, invocation, resource)
                    : invokeLimited(handler, invocation, resource, timeout, heartbeat, lastBeat);
        } catch (StatesFailure failure) {
            boolean timedOut = ErrorNames.TIMEOUT.equals(failure.error())
                    || ErrorNames.HEARTBEAT_TIMEOUT.equals(failure.error());
            ObjectNode failed = details(resource).put("error", failure.error());
            if (failure.cause() != null) {
                failed.put("cause", failure.cause());
            }
            run.history().append(chain, timedOut ? HistoryEventType.TASK_TIMED_OUT : HistoryEventType.TASK_FAILED, failed);
            throw failure;
        }
        PayloadLimit.check(result, "the result of task '" + task.name() + "'");
        ObjectNode succeeded = details(resource);
        succeeded.set("output", result);
        run.history().append(chain, HistoryEventType.TASK_SUCCEEDED, succeeded);
        return new Outcome(flow.output(rawInput, result), task.transition().next());
    }

    private static Integer seconds(Integer fixed, Path path, Scope scope, String field) {
        if (path == null) {
            return fixed;
        }
        JsonNode value = path.select(scope);
        if (value == null || !value.isIntegralNumber() || value.asLong() < 1 || value.asLong() > 99_999_999) {
            throw new StatesFailure(ErrorNames.RUNTIME, "The " + field + " '" + path.text()
                    + "' must resolve to a positive integer but resolved to "
                    + (value == null ? "nothing" : Json.write(value)));
        }
        return value.intValue();
    }

    private static JsonNode invokeHere(TaskHandler handler, TaskInvocation invocation, ResourceArn resource) {
        try {
            return nonNull(handler.execute(invocation));
        } catch (InterruptedException e) {
            throw new ExecutionStoppedException();
        } catch (Exception | Error e) {
            if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
                throw (Error) e;
            }
            throw failure(e, resource);
        }
    }

    /**
     * Runs the task on the executor while the engine's timer watches its limits, on the engine's time: the
     * TimeoutSeconds from the start, the HeartbeatSeconds from the start and from each heartbeat.
     */
    private JsonNode invokeLimited(TaskHandler handler, TaskInvocation invocation, ResourceArn resource,
                                   Integer timeout, Integer heartbeat, AtomicReference<Instant> lastBeat) {
        Instant started = lastBeat.get();
        CompletableFuture<JsonNode> result = new CompletableFuture<>();
        Future<?> work = run.config().executor().submit(() -> {
            run.threads().register();
            try {
                result.complete(handler.execute(invocation));
            } catch (Throwable thrown) {
                result.completeExceptionally(thrown);
            } finally {
                run.threads().unregister();
            }
        });
        List<Timer.Scheduled> limits = new ArrayList<>();
        if (timeout != null) {
            limits.add(run.config().timer().at(started.plusSeconds(timeout), () -> result.completeExceptionally(
                    new StatesFailure(ErrorNames.TIMEOUT, "The task did not complete within its TimeoutSeconds (" + timeout + " s)"))));
        }
        if (heartbeat != null) {
            watchHeartbeats(result, Duration.ofSeconds(heartbeat), lastBeat, limits);
        }
        try {
            return nonNull(result.get());
        } catch (InterruptedException e) {
            throw new ExecutionStoppedException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof InterruptedException) {
                throw new ExecutionStoppedException();
            }
            throw failure(e.getCause(), resource);
        } finally {
            synchronized (limits) {
                limits.forEach(Timer.Scheduled::cancel);
                limits.clear();
            }
            work.cancel(true);
        }
    }

    /** Fails {@code result} when {@code interval} passes without a heartbeat; looks again at the last beat's time plus the interval. */
    private void watchHeartbeats(CompletableFuture<JsonNode> result, Duration interval, AtomicReference<Instant> lastBeat,
                                 List<Timer.Scheduled> limits) {
        Timer.Scheduled check = run.config().timer().at(lastBeat.get().plus(interval), () -> {
            if (result.isDone()) {
                return;
            }
            if (!run.config().clock().instant().isBefore(lastBeat.get().plus(interval))) {
                result.completeExceptionally(new StatesFailure(ErrorNames.HEARTBEAT_TIMEOUT,
                        "The task sent no heartbeat within its HeartbeatSeconds (" + interval.toSeconds() + " s)"));
            } else {
                watchHeartbeats(result, interval, lastBeat, limits);
            }
        });
        synchronized (limits) {
            limits.add(check);
        }
    }

    private static JsonNode nonNull(JsonNode result) {
        return result == null ? NullNode.instance : result;
    }

    private static StatesFailure failure(Throwable thrown, ResourceArn resource) {
        if (thrown instanceof TaskFailure failure) {
            return new StatesFailure(failure.error(), failure.failureCause());
        }
        if (thrown instanceof StatesFailure failure) {
            return failure;
        }
        if (thrown instanceof ExecutionStoppedException stopped) {
            throw stopped;
        }
        return new StatesFailure(resource.errorNameFor(thrown), thrown.getMessage());
    }

    private static ObjectNode details(ResourceArn resource) {
        return Json.object().put("resourceType", resource.resourceType()).put("resource", resource.resource());
    }
}
