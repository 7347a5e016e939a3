package dev.pixelstep.local.web;

import dev.pixelstep.asl.Execution;
import dev.pixelstep.local.runtime.LocalRuntime;
import dev.pixelstep.local.runtime.StateProgress;
import software.amazon.awssdk.services.s3.S3Client;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

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
    public List<StateProgress> progress(String key, boolean ended) {
        Optional<Execution> execution = pipeline.execution(inputBucket(), key);
        if (execution.isEmpty() && !ended) {
            return List.of(); // still waiting for its event or for a free execution slot
        }
        if (ended && execution.isPresent()) {
            // The manifest is written by the execution's last task, a moment before the execution
            // records its own end: wait for that, so a finished run never lists a state as running.
            awaitEnd(execution.get());
        }
        return pipeline.progress(inputBucket(), key);
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
