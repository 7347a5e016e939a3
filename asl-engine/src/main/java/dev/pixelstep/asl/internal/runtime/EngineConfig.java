package dev.pixelstep.asl.internal.runtime;

import dev.pixelstep.asl.s3.S3Port;
import dev.pixelstep.asl.history.ExecutionListener;
import dev.pixelstep.asl.task.TaskHandler;
import dev.pixelstep.asl.time.Sleeper;
import dev.pixelstep.asl.time.Timer;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;

/**
 * Everything an execution needs from its engine (assembled by {@link dev.pixelstep.asl.AslEngine.Builder}).
 *
 * @param clock     timestamps, the context object's times, Wait-until-timestamp
 * @param sleeper   Wait states and retry delays
 * @param random    retry jitter, States.MathRandom, States.UUID, request ids
 * @param executor  runs executions, Parallel branches, Map iterations and time-limited tasks; must not bound its
 *                  thread count below what nested branches need
 * @param timer     enforces the time limits (the state machine's TimeoutSeconds, a task's TimeoutSeconds and
 *                  HeartbeatSeconds) on the same time as the clock
 * @param region    the region in ARNs
 * @param account   the account id in ARNs
 * @param handlers  task handlers by exact Resource ARN
 * @param listeners history listeners
 * @param s3        what Distributed Map states read items from and write results to, or null
 */
public record EngineConfig(Clock clock, Sleeper sleeper, Random random, ExecutorService executor,
                           Timer timer, String region, String account,
                           Map<String, TaskHandler> handlers, List<ExecutionListener> listeners, S3Port s3) {

    /** Copies the handler map and listener list. */
    public EngineConfig {
        handlers = Map.copyOf(handlers);
        listeners = List.copyOf(listeners);
    }
}
