package dev.pixelstep.benchmarks.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pixelstep.functions.analyser.AnalyserHandler;
import dev.pixelstep.functions.config.FunctionConfig;
import dev.pixelstep.functions.internal.image.ImageLimits;
import dev.pixelstep.functions.processor.ProcessorHandler;
import dev.pixelstep.functions.support.S3ProxyServer;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * pixelstep's side of the whole job, as the state machine runs it: the processor and the analyser
 * of the original at once (the Parallel state), then the analyser of the combined image; through
 * the real handlers ({@link ProcessorHandler}, {@link AnalyserHandler}, JSON in and out) against
 * S3Proxy on loopback with a filesystem store, all in this JVM and warm (S3Proxy in a JVM of its
 * own with {@link S3Elsewhere}).
 */
final class PixelstepJob implements AutoCloseable {

    static final String CHAIN = "grayscale, blur(radius=2), sepia";
    private static final String IN = "job-in";
    private static final String OUT = "job-out";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Stops S3Proxy, in this JVM or in one of its own ({@link S3Elsewhere}). */
    private final Runnable stopS3;
    private final ProcessorHandler processor;
    private final AnalyserHandler analyser;
    private final ExecutorService parallel = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "job-branch");
        t.setDaemon(true);
        return t;
    });
    private final byte[] processRequest;
    private final byte[] analyseOriginal;
    private final byte[] analyseCombined;

    /** The last job's timings ({@code timingsMs}) of each step: the processor and the two analyses. */
    private final Map<String, JsonNode> lastTimings = new LinkedHashMap<>();

    PixelstepJob(Path photo, Path work) throws IOException {
        Optional<String> s3Cpus = S3Elsewhere.cpusFromSystemProperty();
        URI endpoint;
        if (s3Cpus.isPresent()) {
            S3Elsewhere elsewhere = S3Elsewhere.start(work.resolve("s3"), s3Cpus.get());
            System.out.println(elsewhere);
            this.stopS3 = elsewhere::close;
            endpoint = elsewhere.endpoint();
        } else {
            S3ProxyServer here = S3ProxyServer.startOn(work.resolve("s3"));
            this.stopS3 = here::close;
            endpoint = here.endpoint();
        }
        String key = photo.getFileName().toString();
        try (S3Client setup = S3ProxyServer.client(endpoint)) {
            setup.createBucket(b -> b.bucket(IN));
            setup.createBucket(b -> b.bucket(OUT));
            setup.putObject(b -> b.bucket(IN).key(key).metadata(Map.of("operations", CHAIN)), RequestBody.fromFile(photo));
        }
        FunctionConfig config = new FunctionConfig(OUT, ImageLimits.defaults(), Optional.of(endpoint), true);
        Optional<SimulatedLink> link = SimulatedLink.fromSystemProperty();
        link.ifPresent(l -> System.out.println("pixelstep's S3 calls go through a simulated link: " + l));
        S3Client s3 = link.map(l -> S3ProxyServer.client(endpoint, ClientOverrideConfiguration.builder().addExecutionInterceptor(l).build()))
                .orElseGet(() -> S3ProxyServer.client(endpoint));
        this.processor = new ProcessorHandler(config, s3);
        this.analyser = new AnalyserHandler(config, s3);
        this.processRequest = json(Map.of("bucket", IN, "key", key));
        this.analyseOriginal = json(Map.of("bucket", IN, "key", key, "label", "original", "resultPrefix", key));
        this.analyseCombined = json(Map.of("bucket", OUT, "key", key + "/combined.jpg", "label", "combined", "resultPrefix", key));
    }

    /** Runs the whole job once; returns its wall-clock milliseconds. */
    double run() throws Exception {
        long start = System.nanoTime();
        Future<JsonNode> process = parallel.submit(() -> invoke(processor::handleRequest, processRequest));
        Future<JsonNode> original = parallel.submit(() -> invoke(analyser::handleRequest, analyseOriginal));
        JsonNode processed = get(process);
        JsonNode analysedOriginal = get(original);
        JsonNode analysedCombined = invoke(analyser::handleRequest, analyseCombined);
        double ms = (System.nanoTime() - start) / 1e6;
        lastTimings.put("processor", processed.get("timingsMs"));
        lastTimings.put("analyse original", analysedOriginal.get("timingsMs"));
        lastTimings.put("analyse combined", analysedCombined.get("timingsMs"));
        return ms;
    }

    /** The last job's timings ({@code timingsMs}) by step: processor, analyse original, analyse combined. */
    Map<String, JsonNode> lastTimings() {
        return lastTimings;
    }

    @FunctionalInterface
    private interface Handler {
        void handle(java.io.InputStream in, java.io.OutputStream out, com.amazonaws.services.lambda.runtime.Context context)
                throws IOException;
    }

    private static JsonNode invoke(Handler handler, byte[] request) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handle(new ByteArrayInputStream(request), out, null);
        return JSON.readTree(out.toByteArray());
    }

    private static JsonNode get(Future<JsonNode> future) throws Exception {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private static byte[] json(Map<String, String> fields) {
        try {
            return JSON.writeValueAsString(fields).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        parallel.shutdownNow();
        stopS3.run();
    }
}
