package dev.pixelstep.local.storage;

import java.time.Instant;

/**
 * An object that was written to a bucket of the embedded S3 server: one PUT (or copy, or completed
 * multipart upload), told apart from every other by its sequencer.
 *
 * @param bucket    the bucket name
 * @param key       the object key, as stored (not URL-encoded)
 * @param size      the object size in bytes
 * @param etag      the entity tag without quotes
 * @param sequencer 16 hex digits that increase with every write of the store, as S3's event
 *                  sequencer does; null when the object did not come from a store
 * @param reason    the S3 API call that created it: PutObject, CopyObject or CompleteMultipartUpload
 * @param time      when it was written
 */
public record ObjectCreated(String bucket, String key, long size, String etag, String sequencer, String reason, Instant time) {

    /** An object without a sequencer, e.g. one described by a test. */
    public ObjectCreated(String bucket, String key, long size, String etag, String reason, Instant time) {
        this(bucket, key, size, etag, null, reason, time);
    }
}
