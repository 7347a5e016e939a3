package dev.pixelstep.asl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pixelstep.asl.definition.DefinitionProblem;
import dev.pixelstep.asl.definition.InvalidDefinitionException;
import dev.pixelstep.asl.definition.TaskState;
import dev.pixelstep.asl.error.ErrorNames;
import dev.pixelstep.asl.internal.expression.intrinsic.IntrinsicFunction;
import dev.pixelstep.asl.history.ExecutionListener;
import dev.pixelstep.asl.internal.json.Json;
import dev.pixelstep.asl.internal.runtime.EngineConfig;
import dev.pixelstep.asl.internal.runtime.ExecutionRun;
import dev.pixelstep.asl.task.LambdaInvokeIntegration;
import dev.pixelstep.asl.task.TaskHandler;
import dev.pixelstep.asl.time.Sleeper;
import dev.pixelstep.asl.time.SimulatedTime;
import dev.pixelstep.asl.time.Timer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import dev.pixelstep.asl.s3.S3Port;

/**
 * Runs state machines locally. Configure it once with a {@link Builder} (clock, sleeper, randomness, executor,
 * region/account for ARNs, a {@link TaskHandler} per Resource ARN, listeners), then {@link #start} executions.
 * Thread-safe; {@link #close()} releases the threads it created.
 */
public final class AslEngine implements AutoCloseable {

    private final EngineConfig config;
    private final boolean ownsExecutor;
    private final Map<String, Execution> executions = new ConcurrentHashMap<>();

    private AslEngine(EngineConfig config, boolean ownsExecutor) {
        this.config = config;
        this.ownsExecutor = ownsExecutor;
    }

    /** A builder with the system clock and sleeper, region us-east-1 and account 123456789012. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Checks that this engine can run a state machine: every Task Resource has a handler and every handler accepts
     * its Task states (see {@link TaskHandler#check}).
     *
     * @throws InvalidDefinitionException listing every problem
     */
    public void check(StateMachine stateMachine) {
        List<DefinitionProblem> problems = new ArrayList<>();
        for (Map.Entry<String, TaskState> entry : stateMachine.taskStatesByPointer().entrySet()) {
            TaskState task = entry.getValue();
            String where = entry.getKey() + "/Resource";
            TaskHandler handler = config.handlers().get(task.resource());
            if (handler == null) {
                problems.add(new DefinitionProblem(where, "no task handler is registered for Resource '"
                        + task.resource() + "'; registered: " + config.handlers().keySet()));
            } else {
                handler.check(task).forEach(problem -> problems.add(new DefinitionProblem(where, problem)));
            }
        }
        if (config.s3() == null) {
            stateMachine.distributedMapsByPointer().forEach((pointer, map) -> {
                if (map.distributed().itemReader() != null || map.distributed().resultWriter() != null) {
                    problems.add(new DefinitionProblem(pointer, "the Distributed Map state '" + map.name() + "' reads or"
                            + " writes S3 (ItemReader, ResultWriter) but the engine has no S3 port (AslEngine.Builder.s3)"));
                }
            });
        }
        if (!problems.isEmpty()) {
            throw new InvalidDefinitionException(problems);
        }
    }

    /**
     * Starts an execution with a generated name.
     *
     * @see #start(StateMachine, String, JsonNode)
     */
    public Execution start(StateMachine stateMachine, JsonNode input) {
        return start(stateMachine, IntrinsicFunction.randomUuid(config.random()).toString(), input);
    }

    /**
     * Starts an execution whose input is JSON text.
     *
     * @see #start(StateMachine, String, JsonNode)
     */
    public Execution start(StateMachine stateMachine, String name, String inputJson) {
        return start(stateMachine, name, Json.parse(inputJson));
    }

    /**
     * Starts an execution; it runs on the engine's executor.
     *
     * @param stateMachine the state machine
     * @param name         the execution name, unique per state machine in this engine
     * @param input        the input
     * @throws InvalidDefinitionException when the engine cannot run the state machine (see {@link #check})
     * @throws IllegalArgumentException   when the name is not allowed
     * @throws IllegalStateException      when an execution with this name exists already
     */
    public Execution start(StateMachine stateMachine, String name, JsonNode input) {
        Objects.requireNonNull(stateMachine, "stateMachine");
        Objects.requireNonNull(input, "input");
        Names.check("execution", name);
        check(stateMachine);
        String arn = "arn:aws:states:" + config.region() + ":" + config.account() + ":execution:"
                + stateMachine.name() + ":" + name;
        ExecutionRun run = new ExecutionRun(config, stateMachine.definition(), stateMachineArn(stateMachine),
                stateMachine.name(), arn, name, input);
        Execution execution = new Execution(run, stateMachine);
        if (executions.putIfAbsent(arn, execution) != null) {
            throw new IllegalStateException("an execution named '" + name + "' of state machine '"
                    + stateMachine.name() + "' already exists (ExecutionAlreadyExists)");
        }
        try {
            Integer timeout = stateMachine.definition().timeoutSeconds();
            if (timeout != null) {
                Timer.Scheduled limit = config.timer().at(run.startTime().plusSeconds(timeout), () -> run.stop(ExecutionStatus.TIMED_OUT,
                        ErrorNames.TIMEOUT, "The execution exceeded its TimeoutSeconds (" + timeout + " s)"));
                run.completion().thenRun(limit::cancel);
            }
            config.executor().execute(run::run);
        } catch (RejectedExecutionException e) {
            executions.remove(arn);
            throw new IllegalStateException("the engine is closed", e);
        }
        return execution;
    }

    /** The ARN of a state machine in this engine: {@code arn:aws:states:<region>:<account>:stateMachine:<name>}. */
    public String stateMachineArn(StateMachine stateMachine) {
        return "arn:aws:states:" + config.region() + ":" + config.account() + ":stateMachine:" + stateMachine.name();
    }

    /** An execution started by this engine, by ARN. */
    public Optional<Execution> execution(String executionArn) {
        return Optional.ofNullable(executions.get(executionArn));
    }

    /**
     * Forgets an execution that has ended, releasing its history (the engine otherwise keeps every execution).
     *
     * @return whether it was known and ended
     */
    public boolean forget(String executionArn) {
        Execution execution = executions.get(executionArn);
        return execution != null && execution.status().isTerminal() && executions.remove(executionArn, execution);
    }

    /** Every execution started by this engine. */
    public List<Execution> executions() {
        return List.copyOf(executions.values());
    }

    /** Closes the engine's timer (cancelling its time limits) and, when the engine created it, its executor (interrupting running work). */
    @Override
    public void close() {
        config.timer().close();
        if (ownsExecutor) {
            config.executor().shutdownNow();
        }
    }

    /** Configures an {@link AslEngine}. */
    public static final class Builder {
        private final Map<String, TaskHandler> handlers = new LinkedHashMap<>();
        private final List<ExecutionListener> listeners = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private Timer timer;
        private Random random = new Random();
        private ExecutorService executor;
        private String region = "us-east-1";
        private String account = "123456789012";
        private S3Port s3;
        private final Map<String, StateMachine> startTargets = new LinkedHashMap<>();

        private Builder() {
        }

        /** The clock for timestamps, the context object and Wait-until-timestamp. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How Wait states and retry delays wait. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * What enforces the time limits; it must follow the clock's time ({@link SimulatedTime#timer()} with
         * simulated time). By default a {@link Timer#system(Clock) real-time timer} on the clock, closed with the engine.
         */
        public Builder timer(Timer timer) {
            this.timer = Objects.requireNonNull(timer, "timer");
            return this;
        }

        /** The random source (seed it for reproducible jitter, UUIDs and MathRandom). */
        public Builder random(Random random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /**
         * The executor for executions, branches, iterations and time-limited tasks. It must be able to run every
         * concurrent branch at once (nested Parallel/Map states wait for their children). By default the engine
         * creates an unbounded pool of daemon threads and shuts it down on {@link AslEngine#close()}.
         */
        public Builder executor(ExecutorService executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /** The region in ARNs. */
        public Builder region(String region) {
            this.region = Objects.requireNonNull(region, "region");
            return this;
        }

        /** The account id in ARNs. */
        public Builder account(String account) {
            this.account = Objects.requireNonNull(account, "account");
            return this;
        }

        /**
         * Registers the handler of a Resource ARN (exact match).
         *
         * @throws IllegalArgumentException for a duplicate ARN or an unsupported one (.sync, .waitForTaskToken)
         */
        public Builder task(String resourceArn, TaskHandler handler) {
            Objects.requireNonNull(resourceArn, "resourceArn");
            Objects.requireNonNull(handler, "handler");
            if (resourceArn.contains(".waitForTaskToken") || resourceArn.contains(".sync")) {
                throw new IllegalArgumentException("'" + resourceArn + "': .sync and .waitForTaskToken resources are"
                        + " not supported");
            }
            if (handlers.putIfAbsent(resourceArn, handler) != null) {
                throw new IllegalArgumentException("a handler for '" + resourceArn + "' is already registered");
            }
            return this;
        }

        /**
         * What Distributed Map states list and read items from (ItemReader) and write results to (ResultWriter).
         */
        public Builder s3(S3Port s3) {
            this.s3 = Objects.requireNonNull(s3, "s3");
            return this;
        }

        /**
         * Lets Task states start executions of this state machine and wait for them
         * ({@code arn:aws:states:::states:startExecution.sync} and {@code .sync:2}, with its ARN, or the ARN of a
         * version or alias of it, as {@code StateMachineArn}); registers those two Resources.
         */
        public Builder startExecutionTarget(StateMachine target) {
            Objects.requireNonNull(target, "target");
            if (startTargets.putIfAbsent(target.name(), target) != null) {
                throw new IllegalArgumentException("a state machine named '" + target.name() + "' is already a target");
            }
            return this;
        }

        /** Registers the Lambda invoke integration under {@link LambdaInvokeIntegration#RESOURCE}. */
        public Builder lambda(LambdaInvokeIntegration integration) {
            return task(LambdaInvokeIntegration.RESOURCE, integration);
        }

        /** Adds a history listener. */
        public Builder listener(ExecutionListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** The engine. */
        public AslEngine build() {
            boolean owns = executor == null;
            ExecutorService pool = owns ? Executors.newCachedThreadPool(daemonThreads("asl-engine-")) : executor;
            Map<String, TaskHandler> all = new LinkedHashMap<>(handlers);
            AtomicReference<AslEngine> self = new AtomicReference<>();
            if (!startTargets.isEmpty()) {
                all.put(StartExecutionIntegration.SYNC, new StartExecutionIntegration(self::get, startTargets, false));
                all.put(StartExecutionIntegration.SYNC_2, new StartExecutionIntegration(self::get, startTargets, true));
            }
            AslEngine engine = new AslEngine(new EngineConfig(clock, sleeper, random, pool, timer == null ? Timer.system(clock) : timer,
                    region, account, all, listeners, s3), owns);
            self.set(engine);
            return engine;
        }

        private static ThreadFactory daemonThreads(String prefix) {
            AtomicInteger count = new AtomicInteger();
            return runnable -> {
                Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            };
        }
    }
}
