package dev.pixelstep.local.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pixelstep.asl.AslEngine;
import dev.pixelstep.asl.StateMachine;
import dev.pixelstep.asl.history.HistoryEvent;
import dev.pixelstep.asl.s3.S3Port;
import dev.pixelstep.local.TerminalText;
import dev.pixelstep.local.storage.ObjectCreated;
import dev.pixelstep.statemachine.BulkReprocessDefinition;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local bulk reprocess: the published {@code bulk-reprocess.asl.json} on the runtime's engine, started by a
 * request document, followed as it runs.
 *
 * <p>Local Step Functions has no StartExecution API, so a run starts the way an upload does, through S3: a PUT of
 * {@code bulk-runs/<name>/request.json} ({@code {bucket, prefix, operations, maxConcurrency,
 * toleratedFailurePercentage}}) into the output bucket starts the execution {@code <name>}. From the engine's events
 * (the Map Run's child executions carry its ARN) it counts objects done, failed and skipped, and writes
 * {@code bulk-runs/<name>/progress.json} ({@link BulkProgress}) at most every {@value #WRITE_EVERY_MS} ms and when
 * the run ends; the summary ({@code summary.json}) is the state machine's. Each image pipeline execution a run
 * started is kept as an execution record (as an upload's is) and then forgotten by the engine, so that a run of
 * thousands of objects does not keep their histories in memory.
 */
final class BulkRuns implements AutoCloseable {

    /** The state machine's name in the engine. */
    static final String STATE_MACHINE = "pixelstep-bulk-reprocess";
    private static final Pattern REQUEST = Pattern.compile(Pattern.quote(BulkReprocessDefinition.RESULTS_ROOT)
            + "([A-Za-z0-9_-]{1,80})/request\\.json");
    private static final long WRITE_EVERY_MS = 300;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A run's counters. */
    private static final class Run {
        final String name;
        final Instant startedAt = Instant.now();
        volatile String status = "STARTING";
        volatile long total = -1;
        long succeeded;
        long failed;
        long skipped;
        volatile String error;
        volatile String cause;
        volatile long lastWrite;

        Run(String name) {
            this.name = name;
        }

        synchronized BulkProgress progress() {
            return new BulkProgress(name, status, total, succeeded, failed, skipped, startedAt, error, cause);
        }
    }

    private final AslEngine engine;
    private final StateMachine machine;
    private final S3Port s3;
    private final String outputBucket;
    private final ExecutionRecords records;
    private final PrintStream log;
    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private final Map<String, Run> byMapRun = new ConcurrentHashMap<>();
    private final Map<String, Run> byChild = new ConcurrentHashMap<>();
    private final ExecutorService work = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "pixelstep-bulk-runs");
        thread.setDaemon(true);
        return thread;
    });

    BulkRuns(AslEngine engine, StateMachine machine, S3Port s3, String outputBucket, ExecutionRecords records, PrintStream log) {
        this.engine = engine;
        this.machine = machine;
        this.s3 = s3;
        this.outputBucket = outputBucket;
        this.records = records;
        this.log = log;
    }

    /** The bulk state machine with the runtime's ARNs and output bucket. */
    static StateMachine definition(String pipelineArn, String processorArn, String outputBucket) {
        return StateMachine.parse(STATE_MACHINE, BulkReprocessDefinition.load().substitute(Map.of(
                "ImagePipelineStateMachineArn", pipelineArn,
                "ProcessorFunctionArn", processorArn,
                "OutputBucket", outputBucket)));
    }

    /** Starts a run when {@code object} is a request document; true when it was one. Never blocks the write. */
    boolean onObjectCreated(ObjectCreated object) {
        if (!object.bucket().equals(outputBucket)) {
            return false;
        }
        Matcher m = REQUEST.matcher(object.key());
        if (!m.matches()) {
            return false;
        }
        String name = m.group(1);
        work.execute(() -> start(name));
        return true;
    }

    private void start(String name) {
        Run run = new Run(name);
        if (runs.putIfAbsent(name, run) != null) {
            log.println("bulk run " + name + " exists already; its request is ignored");
            return;
        }
        try {
            JsonNode request = JSON.readTree(s3.get(outputBucket, BulkProgress.requestKey(name)));
            run.total = count(request.path("bucket").asText(""), request.path("prefix").asText(""));
            run.status = "RUNNING";
            write(run);
            engine.start(machine, name, request);
            log.println("bulk run " + name + ": " + run.total + " object(s) under s3://"
                    + TerminalText.escape(request.path("bucket").asText()) + "/" + TerminalText.escape(request.path("prefix").asText()));
        } catch (IOException | RuntimeException e) {
            run.status = "FAILED";
            run.error = "Pixelstep.BulkRunNotStarted";
            run.cause = e.getMessage();
            write(run);
            log.println("bulk run " + name + " could not start: " + TerminalText.escape(String.valueOf(e.getMessage())));
        }
    }

    private long count(String bucket, String prefix) {
        long count = 0;
        String token = null;
        do {
            S3Port.Page page = s3.list(bucket, prefix, token);
            count += page.objects().size();
            token = page.nextToken();
        } while (token != null);
        return count;
    }

    /** Follows every engine event: the runs' own, their Map Runs' and their children's. */
    void onEvent(String executionArn, HistoryEvent event) {
        String type = event.type().awsName();
        JsonNode details = event.details();
        Run child = byChild.get(executionArn);
        if (child == null && type.equals("ExecutionStarted") && details != null && details.has("mapRunArn")) {
            Run run = byMapRun.get(details.get("mapRunArn").asText());
            if (run != null) {
                byChild.put(executionArn, run);
            }
            return;
        }
        if (child != null) {
            childEnded(child, executionArn, type, details);
            return;
        }
        Run run = runs.get(nameOf(executionArn));
        if (run == null) {
            return;
        }
        if (type.equals("MapRunStarted") && details != null) {
            byMapRun.put(details.path("mapRunArn").asText(), run);
        } else if (type.startsWith("Execution") && !type.equals("ExecutionStarted")) {
            run.status = switch (type) {
                case "ExecutionSucceeded" -> "SUCCEEDED";
                case "ExecutionTimedOut" -> "TIMED_OUT";
                case "ExecutionAborted" -> "ABORTED";
                default -> "FAILED";
            };
            if (details != null && details.has("error")) {
                run.error = details.get("error").asText();
                run.cause = details.path("cause").asText(null);
            }
            work.execute(() -> {
                write(run);
                engine.forget(executionArn);
                byMapRun.values().removeIf(r -> r == run);
            });
        }
    }

    private void childEnded(Run run, String childArn, String type, JsonNode details) {
        if (!type.startsWith("Execution") || type.equals("ExecutionStarted")) {
            return;
        }
        byChild.remove(childArn);
        String pipeline = null;
        synchronized (run) {
            if (type.equals("ExecutionSucceeded")) {
                JsonNode output = details == null ? null : details.get("output");
                if (output != null && "SKIPPED".equals(output.path("status").asText())) {
                    run.skipped++;
                } else {
                    run.succeeded++;
                    pipeline = output == null ? null : output.path("execution").asText(null);
                }
            } else {
                run.failed++;
                pipeline = pipelineOfCause(details);
            }
        }
        String ended = pipeline;
        work.execute(() -> {
            keep(ended);
            if (System.currentTimeMillis() - run.lastWrite >= WRITE_EVERY_MS) {
                write(run);
            }
        });
    }

    /** A failed child's cause is DescribeExecution's JSON of the pipeline execution it started. */
    private static String pipelineOfCause(JsonNode details) {
        String cause = details == null ? null : details.path("cause").asText(null);
        if (cause == null || !cause.startsWith("{")) {
            return null;
        }
        try {
            return JSON.readTree(cause).path("ExecutionArn").asText(null);
        } catch (IOException e) {
            return null;
        }
    }

    /** Keeps an ended pipeline execution as a record, then lets the engine forget it. */
    private void keep(String pipelineArn) {
        if (pipelineArn == null) {
            return;
        }
        engine.execution(pipelineArn).filter(e -> e.status().isTerminal()).ifPresent(e -> {
            try {
                records.write(ExecutionRecord.of(e));
                engine.forget(pipelineArn);
            } catch (IOException | RuntimeException failure) {
                log.println("could not keep the record of " + pipelineArn + ": " + TerminalText.escape(String.valueOf(failure)));
            }
        });
    }

    private void write(Run run) {
        run.lastWrite = System.currentTimeMillis();
        try {
            s3.put(outputBucket, BulkProgress.key(run.name), run.progress().toJson(), "application/json");
        } catch (RuntimeException e) {
            log.println("could not write the progress of bulk run " + run.name + ": " + TerminalText.escape(String.valueOf(e.getMessage())));
        }
    }

    private static String nameOf(String executionArn) {
        String marker = ":execution:" + STATE_MACHINE + ":";
        int at = executionArn.indexOf(marker);
        return at < 0 ? "" : executionArn.substring(at + marker.length());
    }

    /** Every bulk run since this runtime started, newest first (what the web page would list). */
    List<BulkProgress> all() {
        List<BulkProgress> all = new ArrayList<>();
        runs.values().forEach(run -> all.add(run.progress()));
        all.sort(Comparator.comparing(BulkProgress::startedAt).reversed());
        return all;
    }

    @Override
    public void close() {
        work.shutdown();
        try {
            work.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
