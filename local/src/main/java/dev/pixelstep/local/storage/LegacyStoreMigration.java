package dev.pixelstep.local.storage;

import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Moves the objects of a data directory written by an earlier pixelstep (S3Proxy's filesystem
 * store, one file per key under {@code s3/}, metadata in extended attributes) into the
 * {@link DurableBlobStore}, keeping ETags, times and metadata, so the ledger's record of what was
 * processed still matches. Temporary files of uploads a crash interrupted (they have no ETag) and
 * unfinished multipart uploads are left out: they were never acknowledged; so are keys S3 itself
 * refuses (over 1,024 bytes), which the earlier store took. The old directory is then
 * renamed {@code s3.migrated}, kept for the user to delete. A crash mid-way leaves the old directory
 * in place, and the next start migrates again (each object is simply written again).
 */
public final class LegacyStoreMigration {

    private static final String MULTIPART_STUB_PREFIX = ".s3proxy-mpu-stub-";

    /** What a migration did. */
    public record Report(int objects, int skipped, Path keptAt) {

        /** One line for the log. */
        public String describe() {
            return "Moved " + objects + " object(s) of the earlier storage layout into the durable object store"
                    + (skipped > 0 ? " (left out " + skipped + " partial upload(s) of an interrupted run or key(s) S3 refuses)" : "")
                    + "; the old directory is kept as " + keptAt + ", delete it when you no longer need it.";
        }
    }

    private LegacyStoreMigration() {
    }

    /**
     * Migrates {@code legacy} into the store at {@code target} if {@code legacy} exists.
     *
     * @return what was done, or empty if there was nothing to migrate
     */
    public static Optional<Report> migrate(Path legacy, Path target) {
        if (!Files.isDirectory(legacy)) {
            return Optional.empty();
        }
        DurableBlobStore store = DurableBlobStore.open(target, Clock.systemUTC(), created -> { });
        int objects = 0;
        int skipped = 0;
        try (BlobStore old = new FilesystemNio2BlobStore(legacy.toAbsolutePath().toString())) {
            for (Bucket bucket : old.list().buckets()) {
                ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(bucket.name()).build();
                while (true) {
                    ListObjectsV2Response page = old.list(request);
                    for (S3Object object : page.contents()) {
                        if (object.eTag() == null || object.key().startsWith(MULTIPART_STUB_PREFIX)) {
                            skipped++;
                            continue;
                        }
                        try {
                            copy(old, store, bucket.name(), object);
                            objects++;
                        } catch (S3Exception refused) {
                            skipped++; // a key S3 itself would refuse (over 1,024 bytes): it cannot be served
                        }
                    }
                    if (page.nextContinuationToken() == null) {
                        break;
                    }
                    request = request.toBuilder().continuationToken(page.nextContinuationToken()).build();
                }
                if (!store.containerExists(bucket.name())) {
                    store.createContainer(bucket.name());
                }
            }
            Path keptAt = legacy.resolveSibling(legacy.getFileName() + ".migrated");
            if (Files.exists(keptAt)) {
                keptAt = legacy.resolveSibling(legacy.getFileName() + ".migrated-" + Instant.now().toEpochMilli());
            }
            Files.move(legacy, keptAt, StandardCopyOption.ATOMIC_MOVE);
            DurableBlobStore.syncDirectory(legacy.toAbsolutePath().getParent());
            return Optional.of(new Report(objects, skipped, keptAt));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot migrate the objects of " + legacy + " into " + target, e);
        }
    }

    @SuppressWarnings("deprecation")
    private static void copy(BlobStore old, DurableBlobStore store, String bucket, S3Object object) throws IOException {
        try (ResponseInputStream<GetObjectResponse> in = old.getBlob(bucket, object.key())) {
            GetObjectResponse r = in.response();
            Map<String, String> headers = new LinkedHashMap<>();
            put(headers, "Content-Type", r.contentType());
            put(headers, "Content-Encoding", r.contentEncoding());
            put(headers, "Content-Disposition", r.contentDisposition());
            put(headers, "Content-Language", r.contentLanguage());
            put(headers, "Cache-Control", r.cacheControl());
            put(headers, "Expires", r.expires() == null ? null : String.valueOf(r.expires().toEpochMilli()));
            store.importObject(bucket, object.key(), in, object.eTag().replace("\"", ""),
                    r.lastModified() == null ? Instant.now() : r.lastModified(), headers, r.metadata());
        }
    }

    private static void put(Map<String, String> map, String name, String value) {
        if (value != null) {
            map.put(name, value);
        }
    }
}
