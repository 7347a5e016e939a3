package dev.pixelstep.local.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pixelstep.asl.AslEngine;
import dev.pixelstep.asl.Execution;
import dev.pixelstep.asl.StateMachine;
import dev.pixelstep.asl.error.TaskFailure;
import dev.pixelstep.asl.history.ExecutionListener;
import dev.pixelstep.asl.history.HistoryEvent;
import dev.pixelstep.asl.task.LambdaInvokeIntegration;
import dev.pixelstep.local.RuntimeConfig;
import dev.pixelstep.local.events.EventRule;
import dev.pixelstep.local.events.Ledger;
import dev.pixelstep.local.events.ObjectCreatedEvent;
import dev.pixelstep.local.lambda.FunctionError;
import dev.pixelstep.local.lambda.LambdaFunction;
import dev.pixelstep.local.lambda.LambdaLayout;
import dev.pixelstep.local.storage.EmbeddedS3;
import dev.pixelstep.local.storage.ObjectCreated;
import dev.pixelstep.local.storage.S3Credentials;
import dev.pixelstep.statemachine.PipelineDefinition;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The whole S3-triggered workflow on one machine. Objects created in the input bucket of the
 * embedded S3 server become EventBridge {@code Object Created} events; events matching the
 * published rule pattern start executions of the published state machine on the local ASL engine,
 * whose Lambda tasks run the real function and layer zips. Executions run at most
 * {@link RuntimeConfig#concurrency()} at a time, the rest wait in an unbounded queue; a durable
 * ledger ensures every object version is processed once, including uploads left unprocessed by a
 * previous run.
 */
public final class LocalPipeline implements AutoCloseable {

    /** Function names, as the ARNs in the definition name them. */
    public static final String PROCESSOR = "pixelstep-processor";
    public static final String ANALYSER = "pixelstep-analyser";
    static final String PROCESSOR_HANDLER = "dev.pixelstep.functions.processor.ProcessorHandler";
    static final String ANALYSER_HANDLER = "dev.pixelstep.functions.analyser.AnalyserHandler";
    static final String ACCOUNT = "000000000000";
    static final String REGION = "us-east-1";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RuntimeConfig config;
    private final PrintStream log;
    private final Ledger ledger;
    private final ObjectCreatedEvent events = new ObjectCreatedEvent(ACCOUNT, REGION);
    private final AtomicLong sequence = new AtomicLong();
    private final ThreadPoolExecutor executions;
    private final Path records;
    private final DataDirectoryLock lock;
    private final List<ExecutionListener> listeners = new CopyOnWriteArrayList<>();
    private volatile EmbeddedS3 storage;
    private volatile LambdaFunction processor;
    private volatile LambdaFunction analyser;
    private volatile AslEngine engine;
    private volatile StateMachine stateMachine;
    private volatile EventRule rule;
    private volatile boolean closed;

    private LocalPipeline(RuntimeConfig config, PrintStream log) {
        this.config = config;
        this.log = log;
        this.lock = DataDirectoryLock.acquire(config.dataDirectory());
        this.ledger = Ledger.open(config.dataDirectory().resolve("ledger.jsonl"));
        this.records = config.dataDirectory().resolve("executions");
        this.executions = new ThreadPoolExecutor(config.concurrency(), config.concurrency(), 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread t = new Thread(runnable, "pixelstep-execution");
                    t.setDaemon(true);
                    return t;
                });
    }

    /**
     * Starts storage, functions, engine and events, then queues every upload of the input bucket
     * that has not been processed yet.
     *
     * @param log where progress lines go
     */
    public static LocalPipeline start(RuntimeConfig config, PrintStream log) {
        LocalPipeline pipeline = new LocalPipeline(config, log);
        try {
            pipeline.startParts();
            return pipeline;
        } catch (RuntimeException e) {
            pipeline.close();
            throw e;
        }
    }

    private void startParts() {
        try {
            Files.createDirectories(records);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + records, e);
        }
        storage = EmbeddedS3.start(config.dataDirectory().resolve("s3"), config.host(), config.port(),
                S3Credentials.forDataDirectory(config.dataDirectory()), this::onObjectCreated, config.inputBucket(), config.outputBucket());
        configureFunctions(storage.endpoint(), storage.credentials(), config.outputBucket());
        LambdaLayout layout = LambdaLayout.prepare(config.dataDirectory().resolve("lambda"), config.functionZip(), config.layers());
        processor = LambdaFunction.load(PROCESSOR, layout, PROCESSOR_HANDLER, log);
        analyser = LambdaFunction.load(ANALYSER, layout, ANALYSER_HANDLER, log);
        engine = AslEngine.builder()
                .region(REGION)
                .account(ACCOUNT)
                .lambda(LambdaInvokeIntegration.builder()
                        .function(PROCESSOR, event -> invoke(processor, event))
                        .function(ANALYSER, event -> invoke(analyser, event))
                        .build())
                .task(S3PutObjectIntegration.RESOURCE, new S3PutObjectIntegration(storage.client()))
                .listener(this::notifyListeners)
                .build();
        PipelineDefinition definition = PipelineDefinition.load();
        stateMachine = StateMachine.parse("pixelstep-image-pipeline", definition.substitute(Map.of(
                "ProcessorFunctionArn", functionArn(PROCESSOR),
                "AnalyserFunctionArn", functionArn(ANALYSER),
                "OutputBucket", config.outputBucket())));
        engine.check(stateMachine);
        rule = new EventRule("pixelstep-object-created", definition.eventPattern(config.inputBucket()));
        lock.publish(storage.endpoint(), config.inputBucket(), config.outputBucket());
        recover();
    }

    /**
     * The functions read their configuration from system properties of the same names as their
     * environment variables (one JVM hosts both), and the AWS SDK inside them reads its region and
     * credentials from system properties too.
     */
    static void configureFunctions(URI endpoint, S3Credentials credentials, String outputBucket) {
        System.setProperty("PIXELSTEP_OUTPUT_BUCKET", outputBucket);
        System.setProperty("PIXELSTEP_S3_ENDPOINT", endpoint.toString());
        System.setProperty("PIXELSTEP_S3_PATH_STYLE", "true");
        System.setProperty("aws.region", REGION);
        System.setProperty("aws.accessKeyId", credentials.accessKeyId());
        System.setProperty("aws.secretAccessKey", credentials.secretAccessKey());
    }

    private static String functionArn(String name) {
        return "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:" + name;
    }

    /** Invokes a hosted function as the engine's Lambda integration does; its errors keep Lambda's names. */
    static JsonNode invoke(LambdaFunction function, JsonNode event) throws IOException {
        try {
            byte[] out = function.invoke(JSON.writeValueAsBytes(event));
            return out.length == 0 ? null : JSON.readTree(out);
        } catch (FunctionError e) {
            throw new TaskFailure(e.errorType(), e.errorMessage(), e);
        }
    }

    /** Queues every object of the input bucket whose current version has not finished. */
    private void recover() {
        int queued = 0;
        for (S3Object object : storage.list(config.inputBucket())) {
            String etag = object.eTag().replace("\"", "");
            if (!ledger.isFinished(new Ledger.Version(config.inputBucket(), object.key(), etag))) {
                if (dispatch(new ObjectCreated(config.inputBucket(), object.key(), object.size(), etag, "PutObject",
                        object.lastModified() == null ? Instant.now() : object.lastModified()))) {
                    queued++;
                }
            }
        }
        if (queued > 0) {
            log.println("Resuming " + queued + " upload(s) that had no finished run.");
        }
    }

    private void onObjectCreated(ObjectCreated object) {
        if (rule == null) {
            return; // still starting: recover() will find it
        }
        dispatch(object);
    }

    /** Turns an object into an event; if the rule matches and the version is new, queues an execution. */
    private boolean dispatch(ObjectCreated object) {
        if (closed) {
            return false;
        }
        JsonNode event = events.of(object, sequence.incrementAndGet());
        if (!rule.matches(event.toString())) {
            return false;
        }
        Ledger.Version version = new Ledger.Version(object.bucket(), object.key(), object.etag());
        if (!ledger.claim(version)) {
            return false;
        }
        executions.execute(() -> run(version, event));
        return true;
    }

    private void run(Ledger.Version version, JsonNode event) {
        if (closed) {
            ledger.release(version);
            return;
        }
        try {
            Execution execution = engine.start(stateMachine, executionName(event), event);
            execution.await();
            ExecutionRecord record = ExecutionRecord.of(execution);
            writeRecord(execution.name(), record);
            engine.forget(execution.arn()); // the record on disk is what is kept; a long-running serve must not grow
            if (storage.head(config.outputBucket(), manifestKey(execution, version)) != null) {
                ledger.finish(version);
            } else {
                ledger.release(version);
            }
            log.printf("%-9s %-40s %6d ms%s%n", record.status(), version.key(), record.millis(),
                    record.error() == null ? "" : "  " + record.error());
        } catch (InterruptedException e) {
            ledger.release(version);
            Thread.currentThread().interrupt();
        } catch (RuntimeException | IOException e) {
            ledger.release(version);
            if (!closed) {
                log.println("execution for " + version.key() + " could not run: " + e);
            }
        }
    }

    private static String manifestKey(Execution execution, Ledger.Version version) {
        JsonNode output = execution.output();
        if (output != null && output.at("/outputs/manifest").isTextual()) {
            return output.at("/outputs/manifest").asText();
        }
        return version.key() + "/manifest.json";
    }

    private String executionName(JsonNode event) {
        String key = event.at("/detail/object/key").asText();
        String slug = key.replaceAll("[^A-Za-z0-9_-]", "_");
        slug = slug.length() > 40 ? slug.substring(slug.length() - 40) : slug;
        return slug + "-" + event.path("id").asText().substring(0, 8);
    }

    /** The S3 endpoint clients use. */
    public URI endpoint() {
        return storage.endpoint();
    }

    /** The embedded S3 server. */
    public EmbeddedS3 storage() {
        return storage;
    }

    /** The configuration it runs with. */
    public RuntimeConfig config() {
        return config;
    }

    /** The class loader of the processor function: the layers and plugin layers it sees. */
    public ClassLoader functionClassLoader() {
        return processor.classLoader();
    }

    /** The engine, for its executions and their history. */
    public AslEngine engine() {
        return engine;
    }

    /**
     * Tells {@code listener} every history event of every execution from now on, as the engine
     * records it (on the engine's threads: keep it quick; whatever it throws is ignored).
     */
    public void addExecutionListener(ExecutionListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    private void notifyListeners(String executionArn, HistoryEvent event) {
        for (ExecutionListener listener : listeners) {
            try {
                listener.onEvent(executionArn, event);
            } catch (RuntimeException e) {
                log.println("an execution listener failed: " + e);
            }
        }
    }

    /**
     * Writes a record under its final name in one step (a temporary file, then an atomic move), so
     * that {@link #records} never reads a half-written one.
     */
    private void writeRecord(String executionName, ExecutionRecord record) throws IOException {
        Path temporary = records.resolve(executionName + ".json.tmp");
        Files.writeString(temporary, record.toJson(), StandardCharsets.UTF_8);
        Files.move(temporary, records.resolve(executionName + ".json"), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** Executions waiting for a free slot. */
    public int queued() {
        return executions.getQueue().size();
    }

    /** Records of every finished execution kept in the data directory, newest first. */
    public static List<ExecutionRecord> records(Path dataDirectory) {
        Path dir = dataDirectory.resolve("executions");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".json")).map(p -> {
                try {
                    return ExecutionRecord.fromJson(Files.readString(p));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sorted((a, b) -> b.started().compareTo(a.started())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The newest kept record of an execution for the object {@code key} in {@code bucket}. */
    public static Optional<ExecutionRecord> record(Path dataDirectory, String bucket, String key) {
        return records(dataDirectory).stream().filter(r -> r.key().equals(key) && r.bucket().equals(bucket)).findFirst();
    }

    /** Stops accepting work, stops running executions, then the functions and the storage. */
    @Override
    public void close() {
        closed = true;
        executions.shutdownNow();
        try {
            executions.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (engine != null) {
            engine.close();
        }
        if (processor != null) {
            processor.close();
        }
        if (analyser != null) {
            analyser.close();
        }
        if (storage != null) {
            storage.close();
        }
        ledger.close();
        lock.close();
    }
}
