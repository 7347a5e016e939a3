package dev.pixelstep.functions.internal.s3;

import java.util.Objects;

/**
 * An object and bytes read from its start: all of them when {@code bytes.length == object.size()}.
 *
 * @param object what GetObject said about the object (its size is the whole object's)
 * @param bytes  its first bytes
 */
public record ObjectBytes(StoredObject object, byte[] bytes) {

    public ObjectBytes {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(bytes, "bytes");
    }
}
