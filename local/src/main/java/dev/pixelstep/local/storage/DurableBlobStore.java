package dev.pixelstep.local.storage;

import dev.pixelstep.local.FileTrees;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.S3Exceptions;
import org.gaul.s3proxy.blobstore.SdkRequests;
import org.gaul.s3proxy.blobstore.SdkResponses;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.CreateBucketResponse;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.HeadBucketResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListBucketsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.StorageClass;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * An S3Proxy blob store on the local file system in which every key S3 accepts works, and which
 * keeps what it acknowledged across {@code kill -9} and power loss.
 *
 * <p>S3 keys are not paths: {@code K} and {@code K/x} both exist, {@code a/./b/../c.png} is one
 * key, a segment may be 1,000 characters long and any character but none may appear. So an object
 * is stored under the SHA-256 of its key ({@code buckets/<bucket>/objects/<2 hex>/<64 hex>}), in one
 * file holding its bytes and a trailer with its key and metadata ({@link ObjectFile}). The listing
 * index (keys in S3's order, with size, ETag and time) lives in memory and is rebuilt from the
 * trailers at start: the files are the durable index, so the two cannot disagree.
 *
 * <p>Writes go to {@code tmp/}, are forced to the disk, then renamed over the object's name (an
 * atomic replace) and the directory is forced: an acknowledged write survives a crash, and a crash
 * mid-write leaves only a temporary file, which is never listed and is deleted at the next start.
 * Every commit gets a sequencer that increases across restarts and is reported, with the object,
 * to a listener (the S3 event source), under a per-key lock, so events of one key arrive in order.
 *
 * <p>Not supported (S3Proxy answers 501 Not Implemented): versioning, ACLs other than private,
 * server-side encryption, conditional writes.
 */
public final class DurableBlobStore implements BlobStore {

    /** The longest key S3 accepts, in UTF-8 bytes. */
    public static final int MAX_KEY_BYTES = 1024;
    private static final String LAYOUT_FILE = "layout";
    private static final String LAYOUT = "pixelstep-objects 1\n";
    private static final Pattern UPLOAD_ID = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final long MIN_PART_SIZE = 5L * 1024 * 1024;
    /** A multipart upload that has received nothing for this long is removed at the next start. */
    static final java.time.Duration ABANDONED_UPLOAD = java.time.Duration.ofDays(1);
    /** Kept in the trailer of an object a multipart upload made, never answered: which upload made it. */
    private static final String UPLOAD_ID_HEADER = "x-pixelstep-upload-id";
    private static final int LOCKS = 256;

    /** S3 lists keys in the order of their UTF-8 bytes, which is the order of their code points. */
    static final Comparator<String> KEY_ORDER = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };

    /** One listed object. */
    private record Entry(String key, long size, String etag, Instant lastModified, String sequencer) {
    }

    /** What the store found and repaired when it opened. */
    public record Startup(int objects, int temporaryFilesRemoved, List<String> damagedFilesSetAside) {
    }

    private final Path root;
    private final Path tmp;
    private final Clock clock;
    private final Consumer<ObjectCreated> listener;
    private final Map<String, NavigableMap<String, Entry>> buckets = new ConcurrentHashMap<>();
    private final Object[] locks = new Object[LOCKS];
    private final AtomicLong lastSequence = new AtomicLong();
    /** Multipart uploads being completed now, by upload id: another request for one waits for its end. */
    private final Map<String, CompletableFuture<Void>> completing = new ConcurrentHashMap<>();
    private final Startup startup;

    private DurableBlobStore(Path root, Clock clock, Consumer<ObjectCreated> listener) throws IOException {
        this.root = root;
        this.tmp = root.resolve("tmp");
        this.clock = clock;
        this.listener = listener;
        for (int i = 0; i < LOCKS; i++) {
            locks[i] = new Object();
        }
        this.startup = load();
    }

    /**
     * Opens (or creates) a store: removes temporary files of writes a crash interrupted, sets aside
     * files that are not readable objects (under {@code damaged/}) and indexes every object.
     *
     * @param root     the store's directory
     * @param listener told about every object created through {@link #putBlob}, {@link #copyBlob}
     *                 and {@link #completeMultipartUpload}, after it is durable
     * @throws IllegalStateException if the directory holds something that is not this store
     */
    public static DurableBlobStore open(Path root, Clock clock, Consumer<ObjectCreated> listener) {
        try {
            return new DurableBlobStore(root, clock, listener);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the object store " + root, e);
        }
    }

    /** What opening found: objects indexed, temporary files removed, damaged files set aside. */
    public Startup startup() {
        return startup;
    }

    /** Every current object of a bucket as its creation event, in key order; for recovery after a restart. */
    public List<ObjectCreated> objects(String bucket) {
        NavigableMap<String, Entry> index = index(bucket);
        List<ObjectCreated> objects = new ArrayList<>(index.size());
        for (Entry e : index.values()) {
            objects.add(new ObjectCreated(bucket, e.key(), e.size(), e.etag(), e.sequencer(), "PutObject", e.lastModified()));
        }
        return objects;
    }

    // ---------------------------------------------------------------- opening

    private Startup load() throws IOException {
        Files.createDirectories(root);
        Path layout = root.resolve(LAYOUT_FILE);
        if (Files.exists(layout)) {
            String found = Files.readString(layout, StandardCharsets.UTF_8);
            if (!LAYOUT.equals(found)) {
                throw new IllegalStateException(root + " holds an object store of another layout ('" + found.strip()
                        + "'); this pixelstep reads '" + LAYOUT.strip() + "'");
            }
        } else {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
                if (entries.iterator().hasNext()) {
                    throw new IllegalStateException(root + " is not empty and is not a pixelstep object store");
                }
            }
            writeSmallFile(layout, LAYOUT.getBytes(StandardCharsets.US_ASCII));
        }
        Files.createDirectories(tmp);
        int removed = 0;
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(tmp)) {
            for (Path leftover : leftovers) {
                FileTrees.delete(leftover); // a file of an interrupted write, or a multipart upload being completed or aborted
                removed++;
            }
        }
        Files.createDirectories(root.resolve("buckets"));
        List<String> damaged = new ArrayList<>();
        int objects = 0;
        long maxSequence = 0;
        try (DirectoryStream<Path> bucketDirs = Files.newDirectoryStream(root.resolve("buckets"))) {
            for (Path bucketDir : bucketDirs) {
                String bucket = bucketDir.getFileName().toString();
                NavigableMap<String, Entry> index = new ConcurrentSkipListMap<>(KEY_ORDER);
                buckets.put(bucket, index);
                Path objectsDir = bucketDir.resolve("objects");
                Files.createDirectories(objectsDir);
                Files.createDirectories(bucketDir.resolve("uploads"));
                try (DirectoryStream<Path> fans = Files.newDirectoryStream(objectsDir)) {
                    for (Path fan : fans) {
                        try (DirectoryStream<Path> files = Files.newDirectoryStream(fan)) {
                            for (Path file : files) {
                                try {
                                    ObjectFile.Meta meta = ObjectFile.read(file);
                                    if (!file.equals(objectFile(bucket, meta.key()))) {
                                        throw new IOException("stored under the wrong name for its key");
                                    }
                                    index.put(meta.key(), entry(meta));
                                    maxSequence = Math.max(maxSequence, parseSequencer(meta.sequencer()));
                                    objects++;
                                } catch (IOException | RuntimeException e) {
                                    damaged.add(setAside(file, bucket) + " (" + e.getMessage() + ")");
                                }
                            }
                        }
                    }
                }
                try (DirectoryStream<Path> uploads = Files.newDirectoryStream(bucketDir.resolve("uploads"))) {
                    for (Path upload : uploads) {
                        if (!Files.exists(upload.resolve("upload"))) {
                            FileTrees.delete(upload); // a crash between creating the directory and describing the upload
                        } else if (lastActivity(upload).isBefore(clock.instant().minus(ABANDONED_UPLOAD))) {
                            FileTrees.delete(upload); // abandoned: S3's lifecycle rule AbortIncompleteMultipartUpload, after a day
                            removed++;
                        }
                    }
                }
            }
        }
        lastSequence.set(maxSequence);
        return new Startup(objects, removed, List.copyOf(damaged));
    }

    /** When an upload last received a part (or began). */
    private static Instant lastActivity(Path upload) throws IOException {
        Instant last = Instant.EPOCH;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(upload)) {
            for (Path file : files) {
                Instant modified = Files.getLastModifiedTime(file).toInstant();
                last = modified.isAfter(last) ? modified : last;
            }
        }
        return last;
    }

    private String setAside(Path file, String bucket) throws IOException {
        Path damagedDir = Files.createDirectories(root.resolve("damaged"));
        Path target = damagedDir.resolve(bucket + "-" + file.getFileName() + "-" + UUID.randomUUID());
        Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        return target.toString();
    }

    // ---------------------------------------------------------------- buckets

    @Override
    public ListBucketsResponse list() {
        List<Bucket> list = new ArrayList<>();
        for (String name : new java.util.TreeSet<>(buckets.keySet())) {
            list.add(SdkResponses.bucket(name, created(name)));
        }
        return ListBucketsResponse.builder().buckets(list).build();
    }

    private Instant created(String bucket) {
        try {
            return Files.readAttributes(bucketDir(bucket), BasicFileAttributes.class).creationTime().toInstant();
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public HeadBucketResponse headBucket(HeadBucketRequest request) {
        index(request.bucket());
        return HeadBucketResponse.builder().build();
    }

    @Override
    public synchronized CreateBucketResponse createContainer(CreateBucketRequest request) {
        String bucket = request.bucket();
        if (buckets.containsKey(bucket)) {
            throw S3Exceptions.bucketAlreadyOwnedByYou(bucket);
        }
        if (!BUCKET_NAME.matcher(bucket).matches()) {
            throw error(400, "InvalidBucketName", "The specified bucket is not valid: " + bucket);
        }
        try {
            Files.createDirectories(bucketDir(bucket).resolve("objects"));
            Files.createDirectories(bucketDir(bucket).resolve("uploads"));
            syncDirectory(root.resolve("buckets"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create bucket " + bucket, e);
        }
        buckets.put(bucket, new ConcurrentSkipListMap<>(KEY_ORDER));
        return CreateBucketResponse.builder().build();
    }

    @Override
    public synchronized void deleteBucket(String container) {
        NavigableMap<String, Entry> index = buckets.get(container);
        if (index == null) {
            return;
        }
        if (!index.isEmpty() || !listMultipartUploads(container).isEmpty()) {
            throw S3Exceptions.bucketNotEmpty(container);
        }
        buckets.remove(container);
        try {
            FileTrees.delete(bucketDir(container));
            syncDirectory(root.resolve("buckets"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete bucket " + container, e);
        }
    }

    @Override
    public BucketCannedACL getContainerAccess(String container) {
        index(container);
        return BucketCannedACL.PRIVATE;
    }

    @Override
    public void setContainerAccess(String container, BucketCannedACL access) {
        index(container);
        if (access != BucketCannedACL.PRIVATE) {
            throw new UnsupportedOperationException("only private buckets");
        }
    }

    // ---------------------------------------------------------------- listing

    @Override
    public ListObjectsV2Response list(ListObjectsV2Request request) {
        NavigableMap<String, Entry> index = index(request.bucket());
        String prefix = request.prefix() == null ? "" : request.prefix();
        String delimiter = request.delimiter() == null || request.delimiter().isEmpty() ? null : request.delimiter();
        int maxKeys = request.maxKeys() == null ? 1000 : Math.max(0, request.maxKeys());
        String after = request.continuationToken() != null ? request.continuationToken() : request.startAfter();

        NavigableMap<String, Entry> from = after != null && KEY_ORDER.compare(after, prefix) >= 0
                ? index.tailMap(after, false) : index.tailMap(prefix, true);
        List<S3Object> contents = new ArrayList<>();
        List<CommonPrefix> prefixes = new ArrayList<>();
        String last = null;
        String next = null;
        for (Entry e : from.values()) {
            String key = e.key();
            if (!key.startsWith(prefix)) {
                break;
            }
            String common = null;
            if (delimiter != null) {
                int at = key.indexOf(delimiter, prefix.length());
                if (at >= 0) {
                    common = key.substring(0, at + delimiter.length());
                }
            }
            String name = common == null ? key : common;
            if (common != null && (common.equals(last) || (after != null && after.equals(common)))) {
                continue; // the keys grouped under a prefix already listed
            }
            if (contents.size() + prefixes.size() == maxKeys) {
                next = last;
                break;
            }
            if (common == null) {
                contents.add(SdkResponses.objectEntry(key, quote(e.etag()), e.lastModified(), e.size(), StorageClass.STANDARD));
            } else {
                prefixes.add(SdkResponses.commonPrefix(common));
            }
            last = name;
        }
        if (maxKeys == 0) {
            next = null;
        }
        return SdkResponses.objectsPage(contents, prefixes, next);
    }

    // ---------------------------------------------------------------- objects

    @Override
    public PutObjectResponse putBlob(PutObjectRequest request, InputStream payload) {
        String bucket = request.bucket();
        String key = request.key();
        try (InputStream in = payload) {
            index(bucket);
            checkKey(key);
            if (request.ifMatch() != null || request.ifNoneMatch() != null) {
                throw new UnsupportedOperationException("conditional writes");
            }
            Map<String, String> headers = headers(request.contentType(), request.contentEncoding(),
                    request.contentDisposition(), request.contentLanguage(), request.cacheControl(),
                    request.expires());
            String expectedMd5 = request.contentMD5() == null ? null
                    : HexFormat.of().formatHex(Base64.getDecoder().decode(request.contentMD5()));
            ObjectFile.Meta meta = store(bucket, key, in, (size, md5) -> {
                if (expectedMd5 != null && !expectedMd5.equals(md5)) {
                    throw error(400, "BadDigest", "The Content-MD5 you specified did not match what was received.");
                }
                if (request.contentLength() != null && request.contentLength() != size) {
                    throw error(400, "IncompleteBody", "You did not provide the number of bytes specified by the"
                            + " Content-Length HTTP header.");
                }
                return md5;
            }, headers, request.metadata(), "PutObject");
            return SdkResponses.putResponse(quote(meta.etag()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store s3://" + bucket + "/" + key, e);
        }
    }

    @Override
    public CopyObjectResponse copyBlob(CopyObjectRequest request) {
        if (request.sourceVersionId() != null) {
            throw new UnsupportedOperationException("versioning");
        }
        String bucket = request.destinationBucket();
        String key = request.destinationKey();
        index(bucket);
        checkKey(key);
        try (ObjectFile.Opened source = openObject(request.sourceBucket(), request.sourceKey())) {
            ObjectFile.Meta meta = source.meta();
            String etag = quote(meta.etag());
            if (request.copySourceIfMatch() != null && !quote(request.copySourceIfMatch()).equals(etag)
                    || request.copySourceIfNoneMatch() != null && quote(request.copySourceIfNoneMatch()).equals(etag)
                    || request.copySourceIfModifiedSince() != null && !meta.lastModified().isAfter(request.copySourceIfModifiedSince())
                    || request.copySourceIfUnmodifiedSince() != null && meta.lastModified().isAfter(request.copySourceIfUnmodifiedSince())) {
                throw S3Exceptions.preconditionFailed(null);
            }
            boolean replace = request.metadataDirective() == MetadataDirective.REPLACE;
            Map<String, String> headers = replace ? headers(request.contentType(), request.contentEncoding(),
                    request.contentDisposition(), request.contentLanguage(), request.cacheControl(), request.expires())
                    : withoutUploadId(meta.headers());
            Map<String, String> metadata = replace ? request.metadata() : meta.metadata();
            ObjectFile.Meta copied = store(bucket, key, source.payload(0, meta.size()), (size, md5) -> md5, headers, metadata,
                    "CopyObject");
            return SdkResponses.copyResponse(quote(copied.etag()), copied.lastModified());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy to s3://" + bucket + "/" + key, e);
        }
    }

    @Override
    public HeadObjectResponse blobMetadata(HeadObjectRequest request) {
        if (request.versionId() != null) {
            throw new UnsupportedOperationException("versioning");
        }
        try (ObjectFile.Opened opened = openObject(request.bucket(), request.key())) {
            return SdkResponses.toHead(response(opened.meta(), opened.meta().size(), null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public ResponseInputStream<GetObjectResponse> getBlob(GetObjectRequest request) {
        if (request.versionId() != null) {
            throw new UnsupportedOperationException("versioning");
        }
        ObjectFile.Opened opened = openObject(request.bucket(), request.key());
        boolean handedOver = false;
        try {
            ObjectFile.Meta meta = opened.meta();
            checkConditions(request, meta);
            long offset = 0;
            long length = meta.size();
            String contentRange = null;
            SdkRequests.ByteRange range = SdkRequests.parseRange(request.range());
            if (range != null) {
                long last = meta.size() - 1;
                if (range.first() == null) {
                    offset = Math.max(0, meta.size() - Objects.requireNonNull(range.last()));
                } else {
                    offset = range.first();
                    if (range.last() != null) {
                        last = Math.min(last, range.last());
                    }
                }
                if (offset >= meta.size() || offset > last) {
                    throw S3Exceptions.fromStatusCode(416);
                }
                length = last - offset + 1;
                contentRange = "bytes " + offset + "-" + last + "/" + meta.size();
            }
            ResponseInputStream<GetObjectResponse> result = SdkResponses.getResponse(response(meta, length, contentRange),
                    opened.payload(offset, length));
            handedOver = true;
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (!handedOver) {
                closeQuietly(opened);
            }
        }
    }

    private static void checkConditions(GetObjectRequest request, ObjectFile.Meta meta) {
        String etag = quote(meta.etag());
        String ifMatch = request.ifMatch();
        if (ifMatch != null && !"*".equals(ifMatch) && !quote(ifMatch).equals(etag)) {
            throw S3Exceptions.fromStatusCode(412, etag, Map.of(), null);
        }
        String ifNoneMatch = request.ifNoneMatch();
        if (ifNoneMatch != null && ("*".equals(ifNoneMatch) || quote(ifNoneMatch).equals(etag))) {
            throw S3Exceptions.fromStatusCode(304, etag, Map.of(), null);
        }
        Instant modified = meta.lastModified();
        if (request.ifModifiedSince() != null && !modified.isAfter(request.ifModifiedSince())) {
            throw S3Exceptions.fromStatusCode(304, etag, Map.of(), null);
        }
        if (request.ifUnmodifiedSince() != null && modified.isAfter(request.ifUnmodifiedSince())) {
            throw S3Exceptions.fromStatusCode(412, etag, Map.of(), null);
        }
    }

    @Override
    public DeleteObjectResponse removeBlob(DeleteObjectRequest request) {
        if (request.versionId() != null) {
            throw new UnsupportedOperationException("versioning");
        }
        String bucket = request.bucket();
        String key = request.key();
        NavigableMap<String, Entry> index = index(bucket);
        Path file = objectFile(bucket, key);
        synchronized (lock(bucket, key)) {
            try {
                if (index.containsKey(key)) {
                    Files.deleteIfExists(file);
                    syncDirectory(file.getParent());
                    index.remove(key);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete s3://" + bucket + "/" + key, e);
            }
        }
        return DeleteObjectResponse.builder().build();
    }

    @Override
    public ObjectCannedACL getBlobAccess(String container, String name) {
        closeQuietly(openObject(container, name));
        return ObjectCannedACL.PRIVATE;
    }

    @Override
    public void setBlobAccess(String container, String name, ObjectCannedACL access) {
        closeQuietly(openObject(container, name));
        if (access != ObjectCannedACL.PRIVATE) {
            throw new UnsupportedOperationException("only private objects");
        }
    }

    // ---------------------------------------------------------------- multipart uploads

    @Override
    public MultipartUpload initiateMultipartUpload(CreateMultipartUploadRequest request) {
        index(request.bucket());
        checkKey(request.key());
        String id = UUID.randomUUID().toString().replace("-", "");
        Path dir = uploadDir(request.bucket(), id);
        Map<String, String> headers = headers(request.contentType(), request.contentEncoding(), request.contentDisposition(),
                request.contentLanguage(), request.cacheControl(), request.expires());
        try {
            Files.createDirectories(dir);
            Path temporary = temporaryFile();
            ObjectFile.write(temporary, InputStream.nullInputStream(), (size, md5) -> new ObjectFile.Meta(request.key(), 0,
                    md5, "", clock.instant(), headers, request.metadata()));
            Files.move(temporary, dir.resolve("upload"), StandardCopyOption.ATOMIC_MOVE);
            syncDirectory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a multipart upload of " + request.key(), e);
        }
        return new MultipartUpload(id, request);
    }

    @Override
    public UploadPartResponse uploadMultipartPart(MultipartUpload mpu, UploadPartRequest request, InputStream is) {
        try (InputStream in = is) {
            Path dir = existingUpload(mpu);
            int number = request.partNumber();
            String expectedMd5 = request.contentMD5() == null ? null
                    : HexFormat.of().formatHex(Base64.getDecoder().decode(request.contentMD5()));
            Path temporary = temporaryFile();
            try {
                ObjectFile.Meta meta = ObjectFile.write(temporary, in, (size, md5) -> {
                    if (expectedMd5 != null && !expectedMd5.equals(md5)) {
                        throw error(400, "BadDigest", "The Content-MD5 you specified did not match what was received.");
                    }
                    return new ObjectFile.Meta("part " + number, size, md5, "", clock.instant(), Map.of(), Map.of());
                });
                Files.move(temporary, dir.resolve(String.valueOf(number)), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
                syncDirectory(dir);
                return SdkResponses.uploadedPart(quote(meta.etag()));
            } catch (NoSuchFileException e) {
                throw noSuchUpload(mpu.id()); // aborted or completed while the part arrived
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store part " + request.partNumber() + " of " + mpu.blobName(), e);
        }
    }

    @Override
    public List<Part> listMultipartUpload(MultipartUpload mpu) {
        Path dir;
        try {
            dir = existingUpload(mpu);
        } catch (NoSuchUploadException e) {
            if (completedBy(mpu.containerName(), mpu.blobName(), mpu.id()) != null) {
                // Completed into the current object: no parts left. S3Proxy then answers a repeated
                // completion with that object when its parts' ETags make the object's ETag.
                return List.of();
            }
            throw e;
        }
        List<Part> parts = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "[0-9]*")) {
            for (Path file : files) {
                ObjectFile.Meta meta = ObjectFile.read(file);
                parts.add(SdkResponses.part(Integer.parseInt(file.getFileName().toString()), meta.size(),
                        quote(meta.etag()), meta.lastModified()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        parts.sort(Comparator.comparing(Part::partNumber));
        return parts;
    }

    /**
     * Completes an upload into one object and one event, exactly once. The parts are checked first
     * (an error leaves the upload as it was, for the client to fix and complete again); then the
     * upload is claimed by one atomic rename of its directory into {@code tmp/}, so of two
     * completions racing (a client's retry and its first attempt), or a completion and an abort,
     * one wins and the other finds no upload. A crash after the claim leaves only {@code tmp/},
     * which the next start empties: either the object was committed (and its event recorded) or
     * nothing was. A completion repeated after it succeeded (its answer was lost) is answered
     * with the object's ETag and no new event, as S3 answers it: the object records its upload id.
     */
    @Override
    public CompleteMultipartUploadResponse completeMultipartUpload(MultipartUpload mpu, CompleteMultipartUploadRequest request) {
        String bucket = mpu.containerName();
        String key = mpu.blobName();
        Path dir;
        try {
            dir = existingUpload(mpu);
        } catch (NoSuchUploadException e) {
            String etag = completedBy(bucket, key, mpu.id());
            if (etag != null) {
                return SdkResponses.completeResponse(quote(etag));
            }
            throw e;
        }
        List<CompletedPart> requested = request.multipartUpload() == null || request.multipartUpload().parts() == null
                ? List.of() : request.multipartUpload().parts();
        checkParts(dir, requested);
        Path claimed = temporaryFile();
        CompletableFuture<Void> completion = new CompletableFuture<>();
        CompletableFuture<Void> other = completing.putIfAbsent(mpu.id(), completion);
        if (other != null) {
            other.handle((done, failed) -> null).join(); // another completion of it ran: answer as after it
            return completeMultipartUpload(mpu, request);
        }
        try {
            return complete(mpu, dir, claimed, requested);
        } finally {
            completing.remove(mpu.id());
            completion.complete(null);
        }
    }

    private CompleteMultipartUploadResponse complete(MultipartUpload mpu, Path dir, Path claimed, List<CompletedPart> requested) {
        String bucket = mpu.containerName();
        String key = mpu.blobName();
        try {
            Files.move(dir, claimed, StandardCopyOption.ATOMIC_MOVE);
            syncDirectory(dir.getParent()); // once the object is committed, its upload must not come back after a crash
        } catch (NoSuchFileException e) {
            String etag = completedBy(bucket, key, mpu.id());
            if (etag != null) {
                return SdkResponses.completeResponse(quote(etag));
            }
            throw noSuchUpload(mpu.id());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot complete the multipart upload of " + key, e);
        }
        List<ObjectFile.Opened> parts = new ArrayList<>();
        try {
            ObjectFile.Meta upload = ObjectFile.read(claimed.resolve("upload"));
            MessageDigest etags = ObjectFile.md5();
            List<InputStream> streams = new ArrayList<>();
            for (CompletedPart part : requested) {
                ObjectFile.Opened opened = ObjectFile.open(claimed.resolve(String.valueOf(part.partNumber())));
                parts.add(opened);
                etags.update(HexFormat.of().parseHex(opened.meta().etag()));
                streams.add(opened.payload(0, opened.meta().size()));
            }
            String etag = HexFormat.of().formatHex(etags.digest()) + "-" + parts.size();
            Map<String, String> headers = new LinkedHashMap<>(upload.headers());
            headers.put(UPLOAD_ID_HEADER, mpu.id());
            ObjectFile.Meta meta = store(bucket, key, new SequenceInputStream(Collections.enumeration(streams)),
                    (size, md5) -> etag, headers, upload.metadata(), "CompleteMultipartUpload");
            return SdkResponses.completeResponse(quote(meta.etag()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot complete the multipart upload of " + key, e);
        } finally {
            parts.forEach(DurableBlobStore::closeQuietly);
            try {
                FileTrees.delete(claimed);
            } catch (IOException e) {
                // tmp/ is emptied at the next start
            }
        }
    }

    /** Refuses what S3 refuses before anything changes: no parts, parts out of order, missing or other parts, small parts. */
    private static void checkParts(Path dir, List<CompletedPart> requested) {
        if (requested.isEmpty()) {
            throw error(400, "MalformedXML", "You must specify at least one part.");
        }
        int previous = 0;
        for (int i = 0; i < requested.size(); i++) {
            CompletedPart part = requested.get(i);
            if (part.partNumber() == null || part.partNumber() <= previous) {
                throw error(400, "InvalidPartOrder", "The list of parts was not in ascending order.");
            }
            previous = part.partNumber();
            ObjectFile.Meta meta;
            try {
                meta = ObjectFile.read(dir.resolve(String.valueOf(part.partNumber())));
            } catch (NoSuchFileException e) {
                throw error(400, "InvalidPart", "One or more of the specified parts could not be found.");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (part.eTag() != null && !quote(part.eTag()).equals(quote(meta.etag()))) {
                throw error(400, "InvalidPart", "One or more of the specified parts could not be found.");
            }
            if (i < requested.size() - 1 && meta.size() < MIN_PART_SIZE) {
                throw error(400, "EntityTooSmall", "Your proposed upload is smaller than the minimum allowed object size.");
            }
        }
    }

    /** The ETag of the current object of {@code key} if upload {@code id} made it, else null. */
    private String completedBy(String bucket, String key, String id) {
        try (ObjectFile.Opened current = openObject(bucket, key)) {
            return id.equals(current.meta().header(UPLOAD_ID_HEADER)) ? current.meta().etag() : null;
        } catch (S3Exception | IOException e) {
            return null;
        }
    }

    /** Aborts in one atomic rename into {@code tmp/}: a part arriving meanwhile finds no upload to join. */
    @Override
    public void abortMultipartUpload(MultipartUpload mpu) {
        Path dir = existingUpload(mpu);
        Path claimed = temporaryFile();
        try {
            Files.move(dir, claimed, StandardCopyOption.ATOMIC_MOVE);
            FileTrees.delete(claimed);
        } catch (NoSuchFileException e) {
            throw noSuchUpload(mpu.id());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<software.amazon.awssdk.services.s3.model.MultipartUpload> listMultipartUploads(String container) {
        index(container);
        List<software.amazon.awssdk.services.s3.model.MultipartUpload> uploads = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(bucketDir(container).resolve("uploads"))) {
            for (Path dir : dirs) {
                try {
                    ObjectFile.Meta meta = ObjectFile.read(dir.resolve("upload"));
                    uploads.add(SdkResponses.upload(meta.key(), dir.getFileName().toString(), meta.lastModified()));
                } catch (NoSuchFileException e) {
                    // being created or removed right now
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        uploads.sort(Comparator.comparing(software.amazon.awssdk.services.s3.model.MultipartUpload::key, KEY_ORDER));
        return uploads;
    }

    @Override
    public long getMinimumMultipartPartSize() {
        return MIN_PART_SIZE;
    }

    // ---------------------------------------------------------------- writing

    /** Decides an object's ETag from its size and MD5, or refuses it. */
    @FunctionalInterface
    private interface Etag {
        String of(long size, String md5);
    }

    /**
     * Writes an object to a temporary file (forced to the disk), then, under the key's lock, renames
     * it over the object's name, forces the directory, updates the index and tells the listener.
     */
    private ObjectFile.Meta store(String bucket, String key, InputStream payload, Etag etag, Map<String, String> headers,
                                  Map<String, String> metadata, String reason) throws IOException {
        return store(bucket, key, payload, etag, headers, metadata, reason, null);
    }

    /**
     * Stores an object as an earlier store held it, its ETag and time kept, without telling the
     * listener: for {@link LegacyStoreMigration}.
     */
    void importObject(String bucket, String key, InputStream payload, String etag, Instant lastModified,
                      Map<String, String> headers, Map<String, String> metadata) throws IOException {
        if (!buckets.containsKey(bucket)) {
            createContainer(CreateBucketRequest.builder().bucket(bucket).build());
        }
        checkKey(key);
        store(bucket, key, payload, (size, md5) -> etag == null || etag.isEmpty() ? md5 : etag, headers, metadata, null,
                lastModified);
    }

    private ObjectFile.Meta store(String bucket, String key, InputStream payload, Etag etag, Map<String, String> headers,
                                  Map<String, String> metadata, String reason, Instant time) throws IOException {
        Path temporary = temporaryFile();
        try {
            ObjectFile.Meta meta = ObjectFile.write(temporary, payload, (size, md5) -> new ObjectFile.Meta(key, size,
                    etag.of(size, md5), nextSequencer(), time == null ? clock.instant() : time, headers,
                    metadata == null ? Map.of() : metadata));
            Path target = objectFile(bucket, key);
            synchronized (lock(bucket, key)) {
                NavigableMap<String, Entry> index = index(bucket);
                if (Files.notExists(target.getParent())) {
                    Files.createDirectories(target.getParent());
                    syncDirectory(target.getParent().getParent());
                }
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                syncDirectory(target.getParent());
                index.put(key, entry(meta));
                if (reason != null) {
                    listener.accept(new ObjectCreated(bucket, key, meta.size(), meta.etag(), meta.sequencer(), reason,
                            meta.lastModified()));
                }
            }
            return meta;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The next sequencer: 16 upper-case hex digits, increasing across restarts even if the clock goes back. */
    private String nextSequencer() {
        long now = clock.millis() * 1000;
        return String.format("%016X", lastSequence.updateAndGet(last -> Math.max(last + 1, now)));
    }

    private static long parseSequencer(String sequencer) {
        try {
            return sequencer.isEmpty() ? 0 : Long.parseUnsignedLong(sequencer, 16);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private Path temporaryFile() {
        return tmp.resolve(UUID.randomUUID().toString());
    }

    private static void writeSmallFile(Path file, byte[] content) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(java.nio.ByteBuffer.wrap(content));
            channel.force(true);
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory(file.getParent());
    }

    /** Forces a directory's entries to the disk, so a rename in it survives power loss. */
    static void syncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    // ---------------------------------------------------------------- helpers

    private NavigableMap<String, Entry> index(String bucket) {
        NavigableMap<String, Entry> index = bucket == null ? null : buckets.get(bucket);
        if (index == null) {
            throw S3Exceptions.noSuchBucket(bucket, "no such bucket");
        }
        return index;
    }

    private ObjectFile.Opened openObject(String bucket, String key) {
        index(bucket);
        if (key == null || key.isEmpty()) {
            throw S3Exceptions.noSuchKey(bucket, key, "no such object");
        }
        try {
            ObjectFile.Opened opened = ObjectFile.open(objectFile(bucket, key));
            if (!opened.meta().key().equals(key)) {
                closeQuietly(opened);
                throw S3Exceptions.noSuchKey(bucket, key, "no such object");
            }
            return opened;
        } catch (NoSuchFileException e) {
            throw S3Exceptions.noSuchKey(bucket, key, "no such object");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read s3://" + bucket + "/" + key, e);
        }
    }

    private Path existingUpload(MultipartUpload mpu) {
        index(mpu.containerName());
        Path dir = UPLOAD_ID.matcher(mpu.id()).matches() ? uploadDir(mpu.containerName(), mpu.id()) : null;
        if (dir == null || !Files.exists(dir.resolve("upload"))) {
            CompletableFuture<Void> completion = completing.get(mpu.id());
            if (completion != null) {
                completion.handle((done, failed) -> null).join(); // then S3Proxy or completedBy answers with its object
            }
            throw noSuchUpload(mpu.id());
        }
        return dir;
    }

    private static NoSuchUploadException noSuchUpload(String id) {
        return (NoSuchUploadException) NoSuchUploadException.builder().statusCode(404)
                .message("no such upload: " + id)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("NoSuchUpload")
                        .errorMessage("The specified multipart upload does not exist.")
                        .sdkHttpResponse(SdkHttpResponse.builder().statusCode(404).build()).build())
                .build();
    }

    private Path bucketDir(String bucket) {
        return root.resolve("buckets").resolve(bucket);
    }

    private Path uploadDir(String bucket, String id) {
        return bucketDir(bucket).resolve("uploads").resolve(id);
    }

    /** Where an object is stored: the SHA-256 of its key, with a fan-out directory of its first byte. */
    Path objectFile(String bucket, String key) {
        String hash = sha256(key);
        return bucketDir(bucket).resolve("objects").resolve(hash.substring(0, 2)).resolve(hash);
    }

    private static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** Refuses what S3 refuses: empty keys, keys over 1,024 UTF-8 bytes, and text that is not Unicode. */
    private static void checkKey(String key) {
        if (key == null || key.isEmpty()) {
            throw error(400, "InvalidArgument", "An object key must not be empty.");
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < key.length() && Character.isLowSurrogate(key.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw error(400, "InvalidArgument", "An object key must be valid UTF-8.");
            }
        }
        if (key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            throw error(400, "KeyTooLongError", "Your key is too long: at most " + MAX_KEY_BYTES + " bytes of UTF-8.");
        }
    }

    private Object lock(String bucket, String key) {
        return locks[Math.floorMod(Objects.hash(bucket, key), LOCKS)];
    }

    private static Entry entry(ObjectFile.Meta meta) {
        return new Entry(meta.key(), meta.size(), meta.etag(), meta.lastModified(), meta.sequencer());
    }

    private static Map<String, String> headers(String contentType, String contentEncoding, String contentDisposition,
                                               String contentLanguage, String cacheControl, Instant expires) {
        Map<String, String> headers = new LinkedHashMap<>();
        putIfPresent(headers, "Content-Type", contentType);
        putIfPresent(headers, "Content-Encoding", contentEncoding);
        putIfPresent(headers, "Content-Disposition", contentDisposition);
        putIfPresent(headers, "Content-Language", contentLanguage);
        putIfPresent(headers, "Cache-Control", cacheControl);
        putIfPresent(headers, "Expires", expires == null ? null : String.valueOf(expires.toEpochMilli()));
        return headers;
    }

    private static Map<String, String> withoutUploadId(Map<String, String> headers) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.remove(UPLOAD_ID_HEADER);
        return copy;
    }

    private static void putIfPresent(Map<String, String> map, String name, String value) {
        if (value != null) {
            map.put(name, value);
        }
    }

    @SuppressWarnings("deprecation")
    private static GetObjectResponse response(ObjectFile.Meta meta, long length, String contentRange) {
        String expires = meta.header("Expires");
        return GetObjectResponse.builder()
                .contentLength(length)
                .contentRange(contentRange)
                .contentType(meta.headers().getOrDefault("Content-Type", "binary/octet-stream"))
                .contentEncoding(meta.header("Content-Encoding"))
                .contentDisposition(meta.header("Content-Disposition"))
                .contentLanguage(meta.header("Content-Language"))
                .cacheControl(meta.header("Cache-Control"))
                .expires(expires == null ? null : Instant.ofEpochMilli(Long.parseLong(expires)))
                .eTag(quote(meta.etag()))
                .lastModified(meta.lastModified())
                .metadata(meta.metadata())
                .storageClass(StorageClass.STANDARD.toString())
                .build();
    }

    private static String quote(String etag) {
        return etag.startsWith("\"") ? etag : "\"" + etag + "\"";
    }

    private static S3Exception error(int status, String code, String message) {
        return (S3Exception) S3Exception.builder().statusCode(status).message(code + ": " + message)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message)
                        .sdkHttpResponse(SdkHttpResponse.builder().statusCode(status).build()).build())
                .build();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // nothing more to do with a read-only descriptor
        }
    }
}
