package dev.pixelstep.local.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pixelstep.asl.AslEngine;
import dev.pixelstep.asl.Execution;
import dev.pixelstep.asl.StateMachine;
import dev.pixelstep.asl.error.TaskFailure;
import dev.pixelstep.asl.history.ExecutionListener;
import dev.pixelstep.asl.history.HistoryEvent;
import dev.pixelstep.asl.task.LambdaInvokeIntegration;
import dev.pixelstep.local.DataDirectory;
import dev.pixelstep.local.RuntimeConfig;
import dev.pixelstep.local.TerminalText;
import dev.pixelstep.local.events.EventRule;
import dev.pixelstep.local.events.Ledger;
import dev.pixelstep.local.events.ObjectCreatedEvent;
import dev.pixelstep.local.lambda.FunctionError;
import dev.pixelstep.local.lambda.HostedFunction;
import dev.pixelstep.local.lambda.LambdaLayout;
import dev.pixelstep.local.storage.AdmissionBlobStore;
import dev.pixelstep.local.storage.DurableBlobStore;
import dev.pixelstep.local.storage.EmbeddedS3;
import dev.pixelstep.local.storage.LegacyStoreMigration;
import dev.pixelstep.local.storage.ObjectCreated;
import dev.pixelstep.local.storage.S3Credentials;
import dev.pixelstep.statemachine.PipelineDefinition;
import org.gaul.s3proxy.blobstore.BlobStore;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * The whole S3-triggered workflow on one machine. Objects created in the input bucket of the
 * embedded S3 server become EventBridge {@code Object Created} events; events matching the
 * published rule pattern start executions of the published state machine on the local ASL engine,
 * whose Lambda tasks run the real function and layer zips.
 *
 * <p>Every upload (every PUT, told apart by its sequencer) is accepted into a durable ledger before
 * S3 acknowledges it, runs once, and is finished in the ledger once its execution ended and its
 * record is written; after a crash or a stop, accepted uploads without a finished run run again
 * (under the same execution name, so they leave one record). Runs wait in two lanes
 * ({@link ExecutionLanes}): light uploads run {@link RuntimeConfig#concurrency()} at a time, heavy
 * ones (from {@link RuntimeConfig#heavyWork()} pixel-operations, {@link WorkEstimate}) beside them in
 * a lane of their own. At most {@link RuntimeConfig#maxPending()} uploads wait; beyond that, uploads
 * into the input bucket are refused with 503 SlowDown, which S3 clients retry.
 */
public final class LocalRuntime implements AutoCloseable {

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
    private final ExecutionLanes lanes;
    private final UnaryOperator<BlobStore> storeMiddleware;
    private final ExecutionRecords records;
    private final DataDirectoryLock lock;
    private final List<ExecutionListener> listeners = new CopyOnWriteArrayList<>();
    private volatile EmbeddedS3 storage;
    private volatile HostedFunction processor;
    private volatile HostedFunction analyser;
    private volatile AslEngine engine;
    private volatile StateMachine stateMachine;
    private volatile EventRule rule;
    private volatile BulkRuns bulkRuns;
    private volatile boolean closed;

    private LocalRuntime(RuntimeConfig config, PrintStream log, UnaryOperator<BlobStore> storeMiddleware) {
        this.config = config;
        this.log = log;
        this.storeMiddleware = storeMiddleware;
        this.lock = DataDirectoryLock.acquire(config.dataDirectory());
        this.ledger = Ledger.open(DataDirectory.of(config.dataDirectory()).ledger());
        this.records = new ExecutionRecords(DataDirectory.of(config.dataDirectory()).executions());
        this.lanes = new ExecutionLanes(config.concurrency(), Math.max(1, config.concurrency() / 2), this::run);
    }

    /**
     * Starts storage, functions, engine and events, then queues every upload of the input bucket
     * that has not been processed yet.
     *
     * @param log where progress lines go
     */
    public static LocalRuntime start(RuntimeConfig config, PrintStream log) {
        return start(config, log, UnaryOperator.identity());
    }

    /** Starts with a blob store of the caller's between S3Proxy and the storage, e.g. to inject faults in a test. */
    static LocalRuntime start(RuntimeConfig config, PrintStream log, UnaryOperator<BlobStore> storeMiddleware) {
        LocalRuntime pipeline = new LocalRuntime(config, log, storeMiddleware);
        try {
            pipeline.startParts();
            return pipeline;
        } catch (RuntimeException e) {
            pipeline.close();
            throw e;
        }
    }

    private void startParts() {
        records.open();
        Path objects = DataDirectory.of(config.dataDirectory()).objects();
        LegacyStoreMigration.migrate(DataDirectory.of(config.dataDirectory()).legacyObjects(), objects)
                .ifPresent(report -> log.println(TerminalText.escape(report.describe())));
        storage = EmbeddedS3.start(objects, config.host(), config.port(), S3Credentials.forDataDirectory(config.dataDirectory()),
                this::onObjectCreated,
                store -> new AdmissionBlobStore(storeMiddleware.apply(store), config.inputBucket(), lanes::waiting,
                        config.maxPending()),
                config.inputBucket(), config.outputBucket());
        DurableBlobStore.Startup startup = storage.startup();
        if (startup.temporaryFilesRemoved() > 0) {
            log.println("Removed " + startup.temporaryFilesRemoved() + " partial write(s) an earlier stop interrupted.");
        }
        startup.damagedFilesSetAside().forEach(file -> log.println("Set aside an unreadable object file: "
                + TerminalText.escape(file)));
        Map<String, String> environment = functionEnvironment(storage.endpoint(), storage.credentials(), config.outputBucket());
        LambdaLayout layout = LambdaLayout.prepare(DataDirectory.of(config.dataDirectory()).lambda(), config.functionZip(), config.layers());
        processor = HostedFunction.load(PROCESSOR, layout, PROCESSOR_HANDLER, environment, log);
        analyser = HostedFunction.load(ANALYSER, layout, ANALYSER_HANDLER, environment, log);
        PipelineDefinition definition = PipelineDefinition.load();
        stateMachine = StateMachine.parse("pixelstep-image-pipeline", definition.substitute(Map.of(
                "ProcessorFunctionArn", functionArn(PROCESSOR),
                "AnalyserFunctionArn", functionArn(ANALYSER),
                "OutputBucket", config.outputBucket())));
        LocalS3Port s3Port = new LocalS3Port(storage.client());
        engine = AslEngine.builder()
                .region(REGION)
                .account(ACCOUNT)
                .lambda(LambdaInvokeIntegration.builder()
                        .function(PROCESSOR, event -> invoke(processor, event))
                        .function(ANALYSER, event -> invoke(analyser, event))
                        .build())
                .task(S3PutObjectIntegration.RESOURCE, new S3PutObjectIntegration(storage.client()))
                .s3(s3Port)
                .startExecutionTarget(stateMachine)
                .listener(this::notifyListeners)
                .build();
        engine.check(stateMachine);
        StateMachine bulkMachine = BulkRuns.definition(engine.stateMachineArn(stateMachine), functionArn(PROCESSOR), config.outputBucket());
        engine.check(bulkMachine);
        bulkRuns = new BulkRuns(engine, bulkMachine, s3Port, config.outputBucket(), records, log);
        rule = new EventRule("pixelstep-object-created", definition.eventPattern(config.inputBucket()));
        lock.publish(storage.endpoint(), config.inputBucket(), config.outputBucket());
        recover();
    }

    /**
     * What the functions get as their environment, by the names Lambda and their settings use: the
     * output bucket, the embedded S3 endpoint with path-style addressing, and the region and
     * credentials their S3 client signs with. Passed to each function explicitly, never through
     * JVM-wide system properties, so that two runtimes (or a test and a runtime) can share a JVM.
     */
    static Map<String, String> functionEnvironment(URI endpoint, S3Credentials credentials, String outputBucket) {
        return Map.of(
                "PIXELSTEP_OUTPUT_BUCKET", outputBucket,
                "PIXELSTEP_S3_ENDPOINT", endpoint.toString(),
                "PIXELSTEP_S3_PATH_STYLE", "true",
                "AWS_REGION", REGION,
                "AWS_ACCESS_KEY_ID", credentials.accessKeyId(),
                "AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey());
    }

    private static String functionArn(String name) {
        return "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:" + name;
    }

    /** Invokes a hosted function as the engine's Lambda integration does; its errors keep Lambda's names. */
    static JsonNode invoke(HostedFunction function, JsonNode event) throws IOException {
        try {
            byte[] out = function.invoke(JSON.writeValueAsBytes(event));
            return out.length == 0 ? null : JSON.readTree(out);
        } catch (FunctionError e) {
            throw new TaskFailure(e.errorType(), e.errorMessage(), e);
        }
    }

    /**
     * Queues what an earlier run left: every accepted upload the ledger holds as not finished, and
     * every object of the input bucket whose write the ledger never saw (the process stopped between
     * storing it and accepting it).
     */
    private void recover() {
        int queued = 0;
        for (ObjectCreated object : ledger.pending()) {
            if (lanes.submit(object, lane(object))) {
                queued++;
            }
        }
        for (ObjectCreated object : storage.objects(config.inputBucket())) {
            Ledger.Id id = Ledger.Id.of(object);
            if (ledger.knows(id)) {
                continue;
            }
            if (ledger.finishedBefore(object.bucket(), object.key(), object.etag())) {
                ledger.accept(object); // processed under the earlier ledger format: carried over as finished
                ledger.finish(id);
            } else if (dispatch(object)) {
                queued++;
            }
        }
        if (queued > 0) {
            log.println("Resuming " + queued + " upload(s) that had no finished run.");
        }
    }

    private void onObjectCreated(ObjectCreated object) {
        BulkRuns bulk = bulkRuns;
        if (bulk != null && bulk.onObjectCreated(object)) {
            return;
        }
        if (rule == null) {
            return; // still starting: recover() will find it
        }
        dispatch(object);
    }

    /**
     * Turns an object into an event; if the rule matches, accepts it durably into the ledger (before
     * the PUT that created it is acknowledged) and queues its run.
     */
    private boolean dispatch(ObjectCreated object) {
        if (closed || !rule.matches(events.of(object).toString())) {
            return false;
        }
        if (!ledger.accept(object)) {
            return false;
        }
        return lanes.submit(object, lane(object));
    }

    /** The lane of an upload, from its chain and image header, read from the store in process. */
    private ExecutionLanes.Lane lane(ObjectCreated object) {
        try (ResponseInputStream<GetObjectResponse> start = storage.readStart(object.bucket(), object.key(),
                WorkEstimate.HEADER_BYTES)) {
            long work = WorkEstimate.of(start.response().metadata(), start.readAllBytes(), object.size());
            return work >= config.heavyWork() ? ExecutionLanes.Lane.HEAVY : ExecutionLanes.Lane.LIGHT;
        } catch (IOException | RuntimeException e) {
            return ExecutionLanes.Lane.LIGHT; // gone or unreadable: its run fails fast
        }
    }

    /**
     * Runs one upload to its end. The upload is finished in the ledger once its execution ended and
     * its record is written, whatever the status: a run that could not even write its manifest
     * (e.g. an output key over S3's limit) ends FAILED once, with its record saying why, instead of
     * running again at every start. A run cut short by a stop is not finished: it runs again at the
     * next start, under the same name.
     */
    private void run(ObjectCreated object) {
        if (closed) {
            return;
        }
        String key = TerminalText.escape(object.key());
        try {
            JsonNode event = events.of(object);
            Execution execution = engine.start(stateMachine, executionName(object), event);
            execution.await();
            if (closed) {
                return;
            }
            ExecutionRecord record = ExecutionRecord.of(execution);
            records.write(record);
            engine.forget(execution.arn()); // the record on disk is what is kept; a long-running serve must not grow
            ledger.finish(Ledger.Id.of(object));
            log.printf("%-9s %-40s %6d ms%s%n", record.status(), key, record.millis(),
                    record.error() == null ? "" : "  " + TerminalText.escape(record.error()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | IOException e) {
            if (!closed) {
                log.println("execution for " + key + " could not run (it runs again at the next start): "
                        + TerminalText.escape(e.toString()));
            }
        }
    }

    /** The end of the key, then the sequencer: readable, and the same for the same upload after a restart. */
    static String executionName(ObjectCreated object) {
        String slug = object.key().replaceAll("[^A-Za-z0-9_-]", "_");
        slug = slug.length() > 40 ? slug.substring(slug.length() - 40) : slug;
        return slug + "-" + object.sequencer();
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
        BulkRuns bulk = bulkRuns;
        if (bulk != null) {
            bulk.onEvent(executionArn, event);
        }
        for (ExecutionListener listener : listeners) {
            try {
                listener.onEvent(executionArn, event);
            } catch (RuntimeException e) {
                log.println("an execution listener failed: " + e);
            }
        }
    }

    /**
     * Every bulk reprocess since this runtime started, newest first, with its counts (what a page listing bulk runs
     * needs; each run's failed keys with their errors are in its {@code summary.json}). Runs start with a request
     * document, see {@code pixelstep reprocess}.
     */
    public List<BulkProgress> bulkRuns() {
        BulkRuns bulk = bulkRuns;
        return bulk == null ? List.of() : bulk.all();
    }

    /** Uploads accepted and waiting for a free slot. */
    public int queued() {
        return lanes.waiting();
    }

    /** Records of every finished execution kept in the data directory, newest first. */
    public static List<ExecutionRecord> records(Path dataDirectory) {
        return new ExecutionRecords(DataDirectory.of(dataDirectory).executions()).all();
    }

    /** The newest kept record of an execution for the object {@code key} in {@code bucket}. */
    public static Optional<ExecutionRecord> record(Path dataDirectory, String bucket, String key) {
        return new ExecutionRecords(DataDirectory.of(dataDirectory).executions()).latest(bucket, key);
    }

    /** The engine's latest execution for the object {@code key} in {@code bucket}, while the engine holds it. */
    public Optional<Execution> execution(String bucket, String key) {
        return engine.executions().stream()
                .filter(e -> key.equals(e.input().at("/detail/object/key").asText()) && bucket.equals(e.input().at("/detail/bucket/name").asText()))
                .max(Comparator.comparing(Execution::startTime));
    }

    /**
     * How the latest run of the object {@code key} in {@code bucket} stands, state by state: from the
     * engine's live history while it holds the execution, then from the record kept once it ended
     * (the record is written before the engine forgets the execution, so one of them always
     * answers); empty before any run has started.
     */
    public List<StateProgress> progress(String bucket, String key) {
        Optional<Execution> live = execution(bucket, key);
        if (live.isPresent()) {
            return progress(live.get());
        }
        return records.latest(bucket, key).map(ExecutionRecord::states).orElse(List.of());
    }

    /** How {@code execution}, found with {@link #execution}, stands state by state, from its history. */
    public List<StateProgress> progress(Execution execution) {
        return StateOutcomes.of(execution.history(), Instant.now());
    }

    /** Stops accepting work, stops running executions, then the functions and the storage. */
    @Override
    public void close() {
        closed = true;
        lanes.close();
        if (bulkRuns != null) {
            bulkRuns.close();
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
