package dev.pixelstep.functions.internal.processor;

import dev.pixelstep.functions.config.FunctionConfig;
import dev.pixelstep.functions.internal.image.ImageFormat;
import dev.pixelstep.functions.internal.s3.ObjectStore;
import dev.pixelstep.functions.internal.s3.StoredObject;
import dev.pixelstep.functions.processor.ProcessRequest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Deletes what a failed run of one input key may have left in the output bucket, and nothing
 * else: the state machine calls it (the processor with {@code "action": "discard"}) on its failure
 * path before it writes the {@code FAILED} manifest, so that a failed run leaves no partial outputs.
 *
 * <p>For the input key {@code K}, resolved as the processor resolves it (the key as given, or
 * else its URL-decoded form; the key as given when neither exists any more), it deletes exactly
 * the objects of these shapes that exist: {@code K/combined.<ext>},
 * {@code K/independent/<nn>-<operation>.<ext>} and {@code K/histogram-original.{json,png}},
 * {@code K/histogram-combined.{json,png}}, with {@code <ext>} an output extension. It lists only
 * {@code K/} and {@code K/independent/} with the delimiter {@code /}, so the outputs of another
 * input key {@code K/x} ({@code K/x/...}) are never even listed; {@code K/manifest.json} stays (the
 * FAILED manifest replaces it). Deleting is idempotent, so a retried discard is harmless. Thread-safe.
 */
public final class OutputDiscarder {

    /** The value of the request's {@code action} field that asks for this. */
    public static final String ACTION = "discard";

    private static final String EXTENSIONS = Arrays.stream(ImageFormat.values()).filter(ImageFormat::writable)
            .map(f -> Pattern.quote(f.extension())).collect(Collectors.joining("|"));
    /** Names directly under {@code K/} that a run writes. */
    private static final Pattern RUN_OUTPUT = Pattern.compile("combined\\.(" + EXTENSIONS + ")|histogram-(original|combined)\\.(json|png)");
    /** Names directly under {@code K/independent/} that a run writes. */
    private static final Pattern INDEPENDENT_OUTPUT = Pattern.compile("[0-9]{2}-[a-z][a-z0-9-]*\\.(" + EXTENSIONS + ")");

    private final FunctionConfig config;
    private final ObjectStore store;

    public OutputDiscarder(FunctionConfig config, ObjectStore store) {
        this.config = config;
        this.store = store;
    }

    /** Deletes the outputs of a run of {@code request}'s key; see the class comment for exactly which. */
    public DiscardResult discard(ProcessRequest request) {
        String output = config.outputBucket();
        if (request.bucket().equals(output)) {
            return new DiscardResult(output, request.key(), List.of()); // the processor refuses such a run: it wrote nothing
        }
        String key = store.find(request.bucket(), request.key()).map(StoredObject::key).orElse(request.key());
        List<String> doomed = new ArrayList<>(matching(output, key + "/", RUN_OUTPUT));
        doomed.addAll(matching(output, key + "/independent/", INDEPENDENT_OUTPUT));
        for (String object : doomed) {
            store.delete(output, object);
        }
        return new DiscardResult(output, key, doomed);
    }

    private List<String> matching(String bucket, String prefix, Pattern names) {
        return store.children(bucket, prefix).stream()
                .filter(k -> k.startsWith(prefix) && names.matcher(k.substring(prefix.length())).matches())
                .toList();
    }

    /**
     * What {@link #discard} deleted.
     *
     * @param outputBucket the bucket it deleted from
     * @param key          the input key the outputs belonged to, as resolved
     * @param deleted      the deleted keys
     */
    public record DiscardResult(String outputBucket, String key, List<String> deleted) {

        public DiscardResult {
            deleted = List.copyOf(deleted);
        }
    }
}
