package dev.pixelstep.local.storage;

import java.time.Instant;

/**
 * An object that was written to a bucket of the embedded S3 server.
 *
 * @param bucket   the bucket name
 * @param key      the object key, as stored (not URL-encoded)
 * @param size     the object size in bytes
 * @param etag     the entity tag without quotes
 * @param reason   the S3 API call that created it: PutObject, CopyObject or CompleteMultipartUpload
 * @param time     when it was written
 */
public record ObjectCreated(String bucket, String key, long size, String etag, String reason, Instant time) {
}
