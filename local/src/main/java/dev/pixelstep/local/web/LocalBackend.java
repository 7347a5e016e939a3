package dev.pixelstep.local.web;

import dev.pixelstep.asl.Execution;
import dev.pixelstep.local.DataDirectory;
import dev.pixelstep.local.runtime.ExecutionRecord;
import dev.pixelstep.local.runtime.LocalRuntime;
import dev.pixelstep.local.runtime.StateProgress;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.EncodingType;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The embedded pipeline as the page's backend: its S3 server, its functions' operations, and each
 * run's progress as the pipeline tells it (live from its engine, then from the record it keeps). Objects are streamed through the web server, since the embedded S3 server
 * is not reachable from elsewhere.
 */
public final class LocalBackend implements Backend {

    /** How long a request waits for an execution whose manifest exists to record its own end. */
    private static final Duration END_WAIT = Duration.ofSeconds(5);

    private final LocalRuntime pipeline;

    /** A backend on a started pipeline; the pipeline stays owned by the caller. */
    public LocalBackend(LocalRuntime pipeline) {
        this.pipeline = pipeline;
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
    public List<StateProgress> progress(String key, Instant uploadedAt, boolean ended) {
        Optional<Execution> execution = pipeline.execution(inputBucket(), key);
        if (execution.isEmpty() && !ended) {
            return List.of(); // still waiting for its event or for a free execution slot
        }
        if (ended && execution.isPresent()) {
            // The manifest is written by the execution's last task, a moment before the execution
            // records its own end: wait for that, so a finished run never lists a state as running.
            awaitEnd(execution.get());
        }
        // one look-up of the execution per poll: the engine's list is scanned once
        return execution.map(pipeline::progress).orElseGet(() -> pipeline.progress(inputBucket(), key));
    }

    /**
     * Every run the pipeline knows of: the executions its engine holds, the records of ended ones
     * (kept in the data directory across restarts), and the page's uploads still waiting for a slot.
     */
    @Override
    public List<String> recentUploads(int limit) {
        String bucket = inputBucket();
        Map<String, Instant> newest = new HashMap<>();
        BiConsumer<String, Instant> add = (key, time) -> newest.merge(key, time, (a, b) -> a.isAfter(b) ? a : b);
        for (Execution execution : pipeline.engine().executions()) {
            if (bucket.equals(execution.input().at("/detail/bucket/name").asText())) {
                add.accept(execution.input().at("/detail/object/key").asText(), execution.startTime());
            }
        }
        for (ExecutionRecord record : LocalRuntime.records(pipeline.config().dataDirectory())) {
            if (bucket.equals(record.bucket())) {
                add.accept(record.key(), record.started());
            }
        }
        s3().listObjectsV2Paginator(b -> b.bucket(bucket).prefix(RunId.PREFIX).encodingType(EncodingType.URL)).contents()
                .forEach(object -> add.accept(object.key(), object.lastModified()));
        return newest.entrySet().stream()
                .sorted(Map.Entry.<String, Instant>comparingByValue().reversed())
                .limit(limit)
                .map(Map.Entry::getKey)
                .toList();
    }

    /** {@code previews/} of the data directory. */
    @Override
    public Path previewCache() {
        return DataDirectory.of(pipeline.config().dataDirectory()).previews();
    }

    @Override
    public boolean followsHistory() {
        return true;
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
        // the pipeline is the caller's
    }
}
