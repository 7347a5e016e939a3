package dev.pixelstep.functions.internal.processor;

import dev.pixelstep.functions.config.FunctionConfig;
import dev.pixelstep.functions.error.InsufficientMemoryException;
import dev.pixelstep.functions.error.InvalidOperationsException;
import dev.pixelstep.functions.error.InvalidOutputOptionsException;
import dev.pixelstep.functions.error.TriggerLoopException;
import dev.pixelstep.functions.error.WorkTimedOutException;
import dev.pixelstep.functions.internal.image.DecodedImage;
import dev.pixelstep.functions.internal.image.ImageDecoder;
import dev.pixelstep.functions.internal.image.ImageHeader;
import dev.pixelstep.functions.internal.image.Exif;
import dev.pixelstep.functions.internal.image.OutputOptions;
import dev.pixelstep.functions.internal.json.InputSummary;
import dev.pixelstep.functions.internal.plan.ChainPlan;
import dev.pixelstep.functions.internal.s3.ObjectBytes;
import dev.pixelstep.functions.internal.s3.ObjectStore;
import dev.pixelstep.functions.internal.s3.StoredObject;
import dev.pixelstep.functions.processor.ProcessRequest;
import dev.pixelstep.functions.processor.ProcessResult;
import dev.pixelstep.s3.UserMetadata;
import dev.pixelstep.spi.OperationCancelledException;
import dev.pixelstep.spi.chain.InvalidChainException;
import dev.pixelstep.spi.chain.OperationChain;
import dev.pixelstep.spi.registry.OperationRegistry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The processor's work for one object, independent of Lambda: refuse a trigger loop, find the
 * object and read its first bytes (one ranged GetObject), parse its {@code operations} metadata,
 * check its size, from the image header check its pixel count and plan the chain ({@link ChainPlan}: every step's
 * output size, the work, the peak heap), then download the rest, decode, and write the combined
 * and independent outputs, each uploading while the next is computed when the heap affords it
 * ({@link BackgroundUploads}). Cheap checks come first, so bad input and a chain the function cannot
 * afford fail before the download and decoding. Pixel work runs under the caller's
 * {@link dev.pixelstep.spi.Cancellation}: a request that runs out of time stops with a
 * {@link WorkTimedOutException}; one that runs out of memory anyway ends with an
 * {@link InsufficientMemoryException}, never a raw {@link OutOfMemoryError}. Thread-safe.
 *
 * <p>A chain given in the request replaces the metadata's (a bulk reprocess). Missing or blank {@code operations} metadata is the empty chain: the combined output is the
 * original re-encoded and there are no independent outputs.
 */
public final class Processor {

    private final FunctionConfig config;
    private final ObjectStore store;
    private final OperationRegistry registry;
    private final ImageDecoder decoder;
    private final ChainRunner pipeline;

    public Processor(FunctionConfig config, ObjectStore store, OperationRegistry registry, ImageDecoder decoder, ChainRunner pipeline) {
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
        ObjectBytes first = store.readStart(request.bucket(), request.key(), ImageHeader.PREFIX_BYTES);
        StoredObject object = first.object();
        OperationChain chain = chainOf(object, request.operations());
        OutputOptions output = outputOf(object);
        config.limits().checkBytes(object.uri(), object.size());
        long headDone = System.nanoTime();

        int size = (int) object.size();
        byte[] head = first.bytes();
        Optional<ImageHeader> header = ImageHeader.read(head);
        ChainPlan plan = header.isPresent() ? plan(object, header.get(), output, chain, size) : null;
        byte[] bytes = head.length == size ? head : Arrays.copyOf(head, size);
        store.readRange(object, head.length, size - head.length, bytes);
        if (plan == null) {
            // the header lies beyond the first bytes (or the bytes are no image: the decoder says so below)
            OutputOptions options = output;
            plan = ImageHeader.read(bytes).map(found -> plan(object, found, options, chain, 0)).orElse(null);
        }
        long readDone = System.nanoTime();
        try {
            DecodedImage decoded = decoder.decode(object.uri(), bytes);
            if (output.keepMetadata()) {
                output = output.withExif(Exif.of(decoded.format(), bytes).orElse(null));
            }
            bytes = null; // the encoded input is not needed any more
            long decodeDone = System.nanoTime();

            OutputKeys keys = new OutputKeys(object.key(), output.formatFor(decoded.format()));
            InputSummary input = new InputSummary(object.bucket(), object.key(), object.size(), decoded.width(), decoded.height(),
                    decoded.format().id());
            Original original = new Original(decoded.image());
            decoded = null; // the runner holds the original alone, so that it can let go of it once its last reader has read it
            OutputSink bucket = (key, image) -> store.write(config.outputBucket(), key, image.format().contentType(), image.length(),
                    image::open);
            int processors = Runtime.getRuntime().availableProcessors();
            try (BackgroundUploads uploads = new BackgroundUploads(bucket, uploadReserve(plan, processors), processors)) {
                ChainOutputs outputs = pipeline.run(original, chain, keys, output, uploads);
                uploads.finish();
                long end = System.nanoTime();
                return result(input, chain, outputs, start, headDone, readDone, decodeDone, end);
            }
        } catch (OperationCancelledException e) {
            throw timedOut(object, chain, plan, start, e);
        } catch (OutOfMemoryError e) {
            throw outOfMemory(object, chain, plan, e);
        }
    }

    private ProcessResult result(InputSummary input, OperationChain chain, ChainOutputs outputs,
                                 long start, long headDone, long readDone, long decodeDone, long end) {
        Map<String, Long> timings = new LinkedHashMap<>();
        timings.put("head", millis(headDone - start));
        timings.put("read", millis(readDone - headDone));
        timings.put("decode", millis(decodeDone - readDone));
        timings.put("combined", outputs.combinedMs());
        timings.put("independent", outputs.independentMs());
        timings.put("total", millis(end - start));
        return new ProcessResult(input, config.outputBucket(), chain.toString(), summaries(chain),
                new ProcessResult.Outputs(outputs.combined(), outputs.independent(), outputs.files()), timings);
    }

    /**
     * Checks the header's pixel count against the input limit, then plans the chain and checks
     * the plan against the work budget and the free heap.
     *
     * @param encodedBytes the encoded input's size if it is not on the heap yet, else 0
     */
    private ChainPlan plan(StoredObject object, ImageHeader header, OutputOptions output, OperationChain chain, long encodedBytes) {
        config.limits().checkPixels(object.uri(), header.size().width(), header.size().height());
        ChainPlan plan = ChainPlan.of(object.uri(), header, output.formatFor(header.format()), chain, config.chainLimits());
        plan.checkWork(config.chainLimits());
        if (plan.peakBytes(encodedBytes) > FreeHeap.bytes()) {
            System.gc(); // what is in use may be garbage of an earlier request; measure again before refusing
        }
        plan.checkMemory(encodedBytes, FreeHeap.bytes(), Runtime.getRuntime().maxMemory());
        return plan;
    }

    /**
     * The heap to keep free besides outputs waiting for their upload ({@link BackgroundUploads}):
     * twice the plan's peak (the room the serial collector needs around the live images: the
     * smallest heap that works measured 1.5-1.6 times the live peak) for every processor, since
     * each may run a worker; without a plan, all of it (every output uploads on its worker).
     */
    private static long uploadReserve(ChainPlan plan, int processors) {
        if (plan == null) {
            return Long.MAX_VALUE;
        }
        long peak = plan.peakBytes(0);
        return peak > Long.MAX_VALUE / 2 / processors ? Long.MAX_VALUE : 2 * peak * processors;
    }

    private static WorkTimedOutException timedOut(StoredObject object, OperationChain chain, ChainPlan plan, long start,
                                                  OperationCancelledException e) {
        return new WorkTimedOutException("the chain '" + abbreviate(chain.toString()) + "' on " + object.uri() + " was stopped after "
                + String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - start) / 1e9) + ": " + e.getMessage()
                + " (the deadline is the function's remaining time minus a margin to report this error)"
                + (plan == null ? "" : "; its planned work was about " + ChainPlan.units(plan.work()) + " work units")
                + ". Use fewer or cheaper steps or a smaller image, or give the function a longer timeout", e);
    }

    private static InsufficientMemoryException outOfMemory(StoredObject object, OperationChain chain, ChainPlan plan, OutOfMemoryError e) {
        Runtime runtime = Runtime.getRuntime();
        return new InsufficientMemoryException("the processor ran out of memory (" + e + ") on " + object.uri() + " with the chain '"
                + abbreviate(chain.toString()) + "'" + (plan == null ? "" : ", planned to need about "
                + (plan.peakBytes(object.size()) >> 20) + " MB at its peak") + ", with a heap of " + (runtime.maxMemory() >> 20)
                + " MB. Give the function more memory, use a smaller image, or use fewer or cheaper steps", e);
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "...";
    }

    private OperationChain chainOf(StoredObject object, String given) {
        String text = given != null ? given : object.userMetadata().getOrDefault(UserMetadata.OPERATIONS, "");
        try {
            return registry.parse(text);
        } catch (InvalidChainException e) {
            throw new InvalidOperationsException(object.bucket(), object.key(), text, e.getMessage(), e);
        }
    }

    private static OutputOptions outputOf(StoredObject object) {
        String text = object.userMetadata().getOrDefault(UserMetadata.OUTPUT, "");
        try {
            return OutputOptions.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidOutputOptionsException(object.bucket(), object.key(), text, e.getMessage(), e);
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
