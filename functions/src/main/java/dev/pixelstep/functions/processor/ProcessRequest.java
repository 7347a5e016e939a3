package dev.pixelstep.functions.processor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pixelstep.functions.json.JsonCodec;

import java.util.Objects;

/**
 * The processor's input, {@code {"bucket": "...", "key": "..."}}; other fields are ignored.
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
        return new ProcessRequest(JsonCodec.requiredText(json, "bucket"), JsonCodec.requiredText(json, "key"));
    }
}
