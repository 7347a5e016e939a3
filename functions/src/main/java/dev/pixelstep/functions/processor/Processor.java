package dev.pixelstep.functions.processor;

import dev.pixelstep.functions.config.FunctionConfig;
import dev.pixelstep.functions.error.InvalidOperationsException;
import dev.pixelstep.functions.error.TriggerLoopException;
import dev.pixelstep.functions.image.DecodedImage;
import dev.pixelstep.functions.image.ImageDecoder;
import dev.pixelstep.functions.json.InputSummary;
import dev.pixelstep.functions.s3.ObjectStore;
import dev.pixelstep.functions.s3.StoredObject;
import dev.pixelstep.spi.chain.InvalidChainException;
import dev.pixelstep.spi.chain.OperationChain;
import dev.pixelstep.spi.registry.OperationRegistry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The processor's work for one object, independent of Lambda: refuse a trigger loop, find the
 * object, parse its {@code operations} metadata, check its size, download, check its pixel count
 * and decode, then write the combined and independent outputs. Cheap checks come first, so bad
 * input fails before any download or decoding. Thread-safe.
 *
 * <p>Missing or blank {@code operations} metadata is the empty chain: the combined output is the
 * original re-encoded and there are no independent outputs.
 */
public final class Processor {

    /** The user-metadata name holding the chain ({@code x-amz-meta-operations}). */
    public static final String OPERATIONS_METADATA = "operations";

    private final FunctionConfig config;
    private final ObjectStore store;
    private final OperationRegistry registry;
    private final ImageDecoder decoder;
    private final ImagePipeline pipeline;

    public Processor(FunctionConfig config, ObjectStore store, OperationRegistry registry, ImageDecoder decoder, ImagePipeline pipeline) {
        this.config = config;
        this.store = store;
        this.registry = registry;
        this.decoder = decoder;
        this.pipeline = pipeline;
    }

    /** Processes one object; see the class comment for the order of checks. */
    public ProcessResult process(ProcessRequest request) {
        long start = System.nanoTime();
        if (request.bucket().equals(config.outputBucket())) {
            throw new TriggerLoopException(request.bucket());
        }
        StoredObject object = store.locate(request.bucket(), request.key());
        OperationChain chain = chainOf(object);
        config.limits().checkBytes(object.uri(), object.size());
        long headDone = System.nanoTime();

        byte[] bytes = store.read(object, config.limits());
        long readDone = System.nanoTime();
        DecodedImage decoded = decoder.decode(object.uri(), bytes);
        bytes = null; // the encoded input is not needed any more
        long decodeDone = System.nanoTime();

        OutputKeys keys = new OutputKeys(object.key(), decoded.format().output());
        PipelineOutputs outputs = pipeline.run(decoded.image(), chain, keys,
                (key, image) -> store.write(config.outputBucket(), key, image.format().contentType(), image.length(), image::open));
        long end = System.nanoTime();

        Map<String, Long> timings = new LinkedHashMap<>();
        timings.put("head", millis(headDone - start));
        timings.put("read", millis(readDone - headDone));
        timings.put("decode", millis(decodeDone - readDone));
        timings.put("combined", outputs.combinedMs());
        timings.put("independent", outputs.independentMs());
        timings.put("total", millis(end - start));
        return new ProcessResult(
                new InputSummary(object.bucket(), object.key(), object.size(), decoded.width(), decoded.height(), decoded.format().id()),
                config.outputBucket(), chain.toString(), summaries(chain),
                new ProcessResult.Outputs(outputs.combined(), outputs.independent()), timings);
    }

    private OperationChain chainOf(StoredObject object) {
        String text = object.userMetadata().getOrDefault(OPERATIONS_METADATA, "");
        try {
            return registry.parse(text);
        } catch (InvalidChainException e) {
            throw new InvalidOperationsException(object.bucket(), object.key(), text, e.getMessage(), e);
        }
    }

    private static List<OperationSummary> summaries(OperationChain chain) {
        List<OperationSummary> out = new ArrayList<>();
        for (int i = 0; i < chain.size(); i++) {
            out.add(OperationSummary.of(i + 1, chain.steps().get(i)));
        }
        return out;
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }
}
