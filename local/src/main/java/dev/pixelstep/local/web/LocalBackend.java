package dev.pixelstep.local.web;

import dev.pixelstep.asl.Execution;
import dev.pixelstep.asl.history.HistoryEvent;
import dev.pixelstep.local.pipeline.LocalPipeline;
import software.amazon.awssdk.services.s3.S3Client;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded pipeline as the page's backend: its S3 server, its functions' operations, and the
 * history of its engine's executions as they are recorded (for runs older than the page, the
 * record kept on disk). Objects are streamed through the web server, since the embedded S3 server
 * is not reachable from elsewhere.
 */
public final class LocalBackend implements Backend {

    /** How long a request waits for an execution whose manifest exists to record its own end. */
    private static final Duration END_WAIT = Duration.ofSeconds(5);

    private final LocalPipeline pipeline;
    private final RunHistories histories = new RunHistories();
    private final Map<String, List<StateProgress>> finished = new ConcurrentHashMap<>();

    /** A backend on a started pipeline; the pipeline stays owned by the caller. */
    public LocalBackend(LocalPipeline pipeline) {
        this.pipeline = pipeline;
        pipeline.addExecutionListener(histories);
    }

    @Override
    public String mode() {
        return "local";
    }

    @Override
    public String inputBucket() {
        return pipeline.config().inputBucket();
    }

    @Override
    public String outputBucket() {
        return pipeline.config().outputBucket();
    }

    @Override
    public S3Client s3() {
        return pipeline.storage().client();
    }

    @Override
    public ClassLoader operations() {
        return pipeline.functionClassLoader();
    }

    @Override
    public List<StateProgress> progress(String key, boolean ended) {
        Optional<Execution> execution = execution(key);
        if (ended && execution.isPresent()) {
            // The manifest is written by the execution's last task, a moment before the execution
            // records its own end: wait for that, so a finished run never lists a state as running.
            awaitEnd(execution.get());
        }
        List<HistoryEvent> events = histories.events(key);
        if (events != null) {
            return ExecutionProgress.of(events, Instant.now());
        }
        // Runs started before this page was: the engine's own copy, or the record kept on disk.
        List<StateProgress> done = finished.get(key);
        if (done != null) {
            return done;
        }
        if (execution.isPresent()) {
            return ExecutionProgress.of(execution.get().history(), Instant.now());
        }
        if (!ended) {
            return List.of(); // still waiting for its event or for a free execution slot
        }
        // Ended executions are forgotten by the engine once their record is on disk.
        return LocalPipeline.record(pipeline.config().dataDirectory(), inputBucket(), key).map(record -> {
            List<StateProgress> states = ExecutionProgress.of(record);
            finished.put(key, states);
            return states;
        }).orElse(List.of());
    }

    @Override
    public boolean followsHistory() {
        return true;
    }

    /** The engine's execution for an upload, while the engine still holds it. */
    private Optional<Execution> execution(String key) {
        for (Execution execution : pipeline.engine().executions()) {
            if (key.equals(execution.input().at("/detail/object/key").asText())
                    && inputBucket().equals(execution.input().at("/detail/bucket/name").asText())) {
                return Optional.of(execution);
            }
        }
        return Optional.empty();
    }

    private static void awaitEnd(Execution execution) {
        try {
            execution.await(END_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public Optional<String> directUrl(String bucket, String key, String downloadName) {
        return Optional.empty();
    }

    @Override
    public String imageOrigins() {
        return "";
    }

    @Override
    public void close() {
        finished.clear();
    }
}
