package dev.pixelstep.functions.internal.s3;

import java.util.Map;
import java.util.Objects;

/**
 * An object's address and what S3 said about it (HeadObject, or the GetObject that read its first bytes).
 *
 * @param bucket       bucket name
 * @param key          the key the object was found under
 * @param size         content length in bytes
 * @param eTag         the entity tag, used to read exactly this version
 * @param userMetadata user metadata with lower-case names and decoded values
 */
public record StoredObject(String bucket, String key, long size, String eTag, Map<String, String> userMetadata) {

    public StoredObject {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        userMetadata = Map.copyOf(userMetadata);
    }

    /** {@code s3://bucket/key}, for messages. */
    public String uri() {
        return "s3://" + bucket + "/" + key;
    }
}
