package dev.pixelstep.functions.processor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pixelstep.functions.error.InvalidRequestException;
import dev.pixelstep.functions.internal.json.JsonCodec;

import java.util.Objects;

/**
 * The processor's input, {@code {"bucket": "...", "key": "..."}}; other fields are ignored. An S3
 * {@code Object Created} event from EventBridge delivered as it is ({@code detail.bucket.name},
 * {@code detail.object.key}) is accepted too, so a rule can also target the function directly.
 *
 * @param bucket the input bucket
 * @param key    the object key as the event carried it (possibly URL-encoded)
 */
public record ProcessRequest(String bucket, String key) {

    public ProcessRequest {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
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
        return new ProcessRequest(JsonCodec.requiredText(json, "bucket"), JsonCodec.requiredText(json, "key"));
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
