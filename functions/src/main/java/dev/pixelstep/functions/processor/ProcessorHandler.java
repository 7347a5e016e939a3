package dev.pixelstep.functions.processor;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.pixelstep.functions.config.FunctionConfig;
import dev.pixelstep.functions.image.ImageDecoder;
import dev.pixelstep.functions.image.ImageEncoder;
import dev.pixelstep.functions.json.JsonCodec;
import dev.pixelstep.functions.priming.PrimingReport;
import dev.pixelstep.functions.priming.PrimingResource;
import dev.pixelstep.functions.s3.ObjectStore;
import dev.pixelstep.functions.s3.S3ClientFactory;
import dev.pixelstep.functions.s3.S3Priming;
import dev.pixelstep.spi.registry.OperationRegistry;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Lambda handler of the processor: {@code dev.pixelstep.functions.processor.ProcessorHandler}.
 *
 * <p>Input {@code {"bucket": "...", "key": "..."}} (other fields ignored); output the
 * {@link ProcessResult} as JSON. Errors are thrown: {@link dev.pixelstep.functions.error.BadInputException}
 * subclasses for input that retrying cannot fix, anything else (S3 faults) for retry.
 *
 * <p>Construction reads the configuration, builds the S3 client, loads the operations visible to
 * this class's class loader (the layer and any plugin layers) and registers a SnapStart priming
 * hook; all once per container.
 */
public final class ProcessorHandler implements RequestStreamHandler {

    private final Processor processor;
    private final ProcessorPrimer primer;
    /** Held here because CRaC keeps registered resources only weakly. */
    private final PrimingResource priming;

    /** Reads the configuration from environment variables or system properties (see {@link FunctionConfig}). */
    public ProcessorHandler() {
        this(FunctionConfig.fromEnvironment());
    }

    private ProcessorHandler(FunctionConfig config) {
        this(config, S3ClientFactory.create(config));
    }

    /** Uses the given configuration and client, and the operations visible to this class's class loader. */
    public ProcessorHandler(FunctionConfig config, S3Client s3) {
        this(config, s3, OperationRegistry.load(ProcessorHandler.class.getClassLoader()));
    }

    /** Uses the given configuration, client and operations. */
    public ProcessorHandler(FunctionConfig config, S3Client s3, OperationRegistry registry) {
        ImageDecoder decoder = new ImageDecoder(config.limits());
        ImageEncoder encoder = new ImageEncoder();
        ImagePipeline pipeline = new ImagePipeline(encoder);
        this.processor = new Processor(config, new ObjectStore(s3), registry, decoder, pipeline);
        this.primer = new ProcessorPrimer(registry, decoder, encoder, pipeline, () -> S3Priming.warm(config));
        this.priming = PrimingResource.register(this::prime);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        ProcessRequest request = ProcessRequest.from(JsonCodec.readRequest(input));
        ProcessResult result = processor.process(request);
        if (context != null) {
            context.getLogger().log("processed s3://" + result.input().bucket() + "/" + result.input().key() + " with chain '"
                    + result.chain() + "' into " + (1 + result.outputs().independent().size()) + " outputs, timings "
                    + result.timingsMs() + "\n");
        }
        JsonCodec.write(output, result);
    }

    /**
     * Warms the decode, operate and encode path on a built-in image without touching S3. Runs
     * before a SnapStart snapshot; public so that it can be called and measured directly.
     */
    public PrimingReport prime() {
        return primer.prime();
    }

}
