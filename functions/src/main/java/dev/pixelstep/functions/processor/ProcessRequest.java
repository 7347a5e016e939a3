package dev.pixelstep.functions.processor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pixelstep.functions.error.InvalidRequestException;
import dev.pixelstep.functions.internal.json.JsonCodec;

import java.util.Objects;

/**
 * The processor's input, {@code {"bucket": "...", "key": "..."}}, with an optional {@code "operations"}
 * chain that replaces the object's {@code operations} metadata (a bulk reprocess passes the chain
 * it was given; {@code null} or absent: the metadata's chain); other fields are ignored. An S3
 * {@code Object Created} event from EventBridge delivered as it is ({@code detail.bucket.name},
 * {@code detail.object.key}) is accepted too, so a rule can also target the function directly.
 *
 * @param bucket the input bucket
 * @param key        the object key as the event carried it (possibly URL-encoded)
 * @param operations the chain to run instead of the object's metadata, or null
 */
public record ProcessRequest(String bucket, String key, String operations) {

    public ProcessRequest {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
    }

    /** A request that runs the chain in the object's metadata. */
    public ProcessRequest(String bucket, String key) {
        this(bucket, key, null);
    }

    /**
     * Reads the request from its JSON form.
     *
     * @throws dev.pixelstep.functions.error.InvalidRequestException if bucket or key is missing
     */
    public static ProcessRequest from(JsonNode json) {
        JsonNode detail = json.get("detail");
        if (!json.has("bucket") && detail != null && detail.isObject()) {
            return new ProcessRequest(eventField(detail.path("bucket"), "detail.bucket.name", "name"),
                    eventField(detail.path("object"), "detail.object.key", "key"));
        }
        JsonNode operations = json.get("operations");
        if (operations != null && !operations.isNull() && !operations.isTextual()) {
            throw new InvalidRequestException("\"operations\" must be a chain as text (or null for the object's metadata) but is "
                    + operations.getNodeType());
        }
        return new ProcessRequest(JsonCodec.requiredText(json, "bucket"), JsonCodec.requiredText(json, "key"),
                operations == null || operations.isNull() ? null : operations.asText());
    }

    private static String eventField(JsonNode parent, String path, String field) {
        JsonNode value = parent.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new InvalidRequestException("the event has no " + path + "; send {\"bucket\": \"...\", \"key\": \"...\"} "
                    + "or an S3 'Object Created' event from EventBridge");
        }
        return value.asText();
    }
}
