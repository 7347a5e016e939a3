package dev.pixelstep.asl.s3;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a Distributed Map state needs of S3: list a prefix page by page (ItemReader {@code s3:listObjectsV2}), read an
 * object (ItemReader {@code s3:getObject}) and write one (ResultWriter {@code s3:putObject}). Given to the engine
 * with {@link dev.pixelstep.asl.AslEngine.Builder#s3(S3Port)}. Implementations must be thread-safe; any exception
 * they throw fails the state with {@code States.ItemReaderFailed} or {@code States.ResultWriterFailed}, its message
 * as the cause.
 */
public interface S3Port {

    /**
     * One page of a listing in key order, like ListObjectsV2.
     *
     * @param bucket            the bucket
     * @param prefix            the key prefix ("" for all)
     * @param continuationToken null for the first page, else the previous page's {@link Page#nextToken()}
     * @return the page
     */
    Page list(String bucket, String prefix, String continuationToken);

    /**
     * Reads a whole object.
     *
     * @param bucket the bucket
     * @param key    the key
     * @return its bytes
     */
    byte[] get(String bucket, String key);

    /**
     * Writes an object.
     *
     * @param bucket      the bucket
     * @param key         the key
     * @param body        its bytes
     * @param contentType its content type
     */
    void put(String bucket, String key, byte[] body, String contentType);

    /**
     * A page of a listing.
     *
     * @param objects   the objects, in key order
     * @param nextToken the token of the next page, or null when this is the last
     */
    record Page(List<ObjectSummary> objects, String nextToken) {

        /** Copies the list. */
        public Page {
            objects = List.copyOf(objects);
        }
    }

    /**
     * One listed object, as ListObjectsV2 describes it.
     *
     * @param key          the key
     * @param size         the size in bytes
     * @param etag         the ETag as S3 sends it (with its quotes)
     * @param lastModified when it was last written
     * @param storageClass the storage class (e.g. {@code STANDARD})
     */
    record ObjectSummary(String key, long size, String etag, Instant lastModified, String storageClass) {

        /** Checks the key. */
        public ObjectSummary {
            Objects.requireNonNull(key, "key");
        }
    }
}
