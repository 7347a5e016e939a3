package dev.pixelstep.functions.processor;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pixelstep.functions.config.FunctionConfig;
import dev.pixelstep.functions.config.SettingSource;
import dev.pixelstep.functions.error.InvalidRequestException;
import dev.pixelstep.functions.internal.bulk.BulkSummariser;
import dev.pixelstep.functions.internal.image.ImageDecoder;
import dev.pixelstep.functions.internal.image.ImageEncoder;
import dev.pixelstep.functions.internal.json.JsonCodec;
import dev.pixelstep.functions.internal.priming.JitWarmUp;
import dev.pixelstep.functions.internal.priming.PrimingReport;
import dev.pixelstep.functions.internal.priming.PrimingResource;
import dev.pixelstep.functions.internal.processor.ChainRunner;
import dev.pixelstep.functions.internal.processor.OutputDiscarder;
import dev.pixelstep.functions.internal.processor.Processor;
import dev.pixelstep.functions.internal.processor.ProcessorPrimer;
import dev.pixelstep.functions.internal.s3.ObjectStore;
import dev.pixelstep.functions.internal.s3.S3ClientFactory;
import dev.pixelstep.functions.internal.s3.S3Priming;
import dev.pixelstep.spi.Cancellation;
import dev.pixelstep.spi.registry.OperationRegistry;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;

/**
 * Lambda handler of the processor: {@code dev.pixelstep.functions.processor.ProcessorHandler}.
 *
 * <p>Input {@code {"bucket": "...", "key": "..."}} (other fields ignored); output the
 * {@link ProcessResult} as JSON. With {@code "action": "discard"} it deletes instead what a failed
 * run of that key may have written ({@link OutputDiscarder}) and outputs the deleted keys; with
 * {@code "action": "summarise"} it writes a bulk reprocess's summary ({@link BulkSummariser}). Errors
 * are thrown: {@link dev.pixelstep.functions.error.TransientException} for S3 throttling, 5xx and
 * network faults (the state machine retries it), {@link dev.pixelstep.functions.error.BadInputException}
 * subclasses for everything retrying cannot fix (input, limits, time, memory).
 *
 * <p>The pixel work runs under a {@link Cancellation} whose deadline is the invocation's
 * {@linkplain Context#getRemainingTimeInMillis() remaining time} minus a margin (a tenth of it,
 * between 1 and 10 seconds) to report the error before Lambda stops the function.
 *
 * <p>Construction reads the configuration, builds the S3 client, loads the operations visible to
 * this class's class loader (the layer and any plugin layers) and registers a SnapStart priming
 * hook; all once per container.
 */
public final class ProcessorHandler implements RequestStreamHandler {

    private final Processor processor;
    private final OutputDiscarder discarder;
    private final BulkSummariser summariser;
    private final ProcessorPrimer primer;
    /** Held, never read: CRaC keeps a registered resource only as long as something else refers to it. */
    @SuppressWarnings("unused")
    private final PrimingResource priming;

    /**
     * Reads the configuration from environment variables or system properties (see
     * {@link FunctionConfig}); this is the constructor Lambda calls.
     */
    public ProcessorHandler() {
        this(SettingSource.system());
    }

    /**
     * Reads the configuration, and the S3 client's region and credentials, from exactly
     * {@code environment}: what Lambda would set as the function's environment variables. For hosts
     * that run several functions in one JVM, such as the local runtime, where JVM-wide system
     * properties would be shared by all of them.
     *
     * @param environment the function's settings, by the names of {@link FunctionConfig} and
     *                    {@code AWS_REGION}, {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY},
     *                    {@code AWS_SESSION_TOKEN}
     */
    public ProcessorHandler(Map<String, String> environment) {
        this(SettingSource.of(environment));
    }

    private ProcessorHandler(SettingSource settings) {
        this(FunctionConfig.from(settings), settings);
    }

    private ProcessorHandler(FunctionConfig config, SettingSource settings) {
        this(config, S3ClientFactory.create(config, settings));
    }

    /** Uses the given configuration and client, and the operations visible to this class's class loader. */
    public ProcessorHandler(FunctionConfig config, S3Client s3) {
        this(config, s3, OperationRegistry.load(ProcessorHandler.class.getClassLoader()));
    }

    /** Uses the given configuration, client and operations. */
    public ProcessorHandler(FunctionConfig config, S3Client s3, OperationRegistry registry) {
        ImageDecoder decoder = new ImageDecoder(config.limits());
        ImageEncoder encoder = new ImageEncoder();
        ChainRunner pipeline = new ChainRunner(encoder);
        ObjectStore store = new ObjectStore(s3);
        this.processor = new Processor(config, store, registry, decoder, pipeline);
        this.discarder = new OutputDiscarder(config, store);
        this.summariser = new BulkSummariser(store);
        this.primer = new ProcessorPrimer(registry, decoder, encoder, pipeline, () -> S3Priming.warm(config),
                new JitWarmUp(JitWarmUp.BUDGET));
        this.priming = PrimingResource.register(this::prime);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode json = JsonCodec.readRequest(input);
        ProcessRequest request = ProcessRequest.from(json);
        if (json.path("action").asText("").equals(BulkSummariser.ACTION)) {
            JsonCodec.write(output, summariser.summarise(json));
            return;
        }
        if (json.has("action")) {
            discard(json.get("action"), request, output, context);
            return;
        }
        ProcessResult result = cancellation(context).run(() -> processor.process(request));
        if (context != null) {
            context.getLogger().log("processed s3://" + result.input().bucket() + "/" + result.input().key() + " with chain '"
                    + result.chain() + "' into " + (1 + result.outputs().independent().size()) + " outputs, timings "
                    + result.timingsMs() + "\n");
        }
        JsonCodec.write(output, result);
    }

    private void discard(JsonNode action, ProcessRequest request, OutputStream output, Context context) throws IOException {
        if (!action.isTextual() || !action.asText().equals(OutputDiscarder.ACTION)) {
            throw new InvalidRequestException("unknown action " + action + "; the processor knows \"action\": \""
                    + OutputDiscarder.ACTION + "\" (delete a failed run's outputs), \"" + BulkSummariser.ACTION
                    + "\" (write a bulk run's summary) or no action (process the object)");
        }
        OutputDiscarder.DiscardResult result = discarder.discard(request);
        if (context != null) {
            context.getLogger().log("discarded " + result.deleted().size() + " output(s) of s3://" + request.bucket() + "/"
                    + result.key() + ": " + result.deleted() + "\n");
        }
        JsonCodec.write(output, result);
    }

    /**
     * The cancellation of one request: owned by the calling thread, with a deadline at the
     * invocation's remaining time minus a margin (a tenth of it, between 1 and 10 seconds) when
     * the context reports one.
     */
    static Cancellation cancellation(Context context) {
        long remaining = context == null ? 0 : context.getRemainingTimeInMillis();
        if (remaining <= 0) {
            return Cancellation.ofCurrentThread(); // no context, or one that does not know its time
        }
        long margin = Math.max(1_000, Math.min(10_000, remaining / 10));
        return Cancellation.after(Duration.ofMillis(remaining - margin));
    }

    /**
     * Warms the decode, operate and encode path on a built-in image without touching S3. Runs
     * before a SnapStart snapshot; public so that it can be called and measured directly.
     */
    public PrimingReport prime() {
        return primer.prime();
    }

}
