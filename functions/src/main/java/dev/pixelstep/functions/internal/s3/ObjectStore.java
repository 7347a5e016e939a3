package dev.pixelstep.functions.internal.s3;

import dev.pixelstep.functions.error.ObjectNotFoundException;
import dev.pixelstep.functions.error.TransientException;
import dev.pixelstep.functions.internal.image.ImageLimits;
import dev.pixelstep.s3.MissingObjects;
import dev.pixelstep.s3.UserMetadata;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The S3 calls the functions make (GetObject, PutObject; ListObjectsV2 and DeleteObject to discard
 * a failed run's outputs), with the key fallback for event keys and typed errors: missing objects
 * are {@link ObjectNotFoundException}; throttling ({@code 503 SlowDown}, {@code 429}), server errors
 * ({@code 5xx}) and network faults, once the SDK's own retries are spent, are
 * {@link TransientException}, which the state machine retries, and so is an object replaced between
 * the read of its first bytes and the read of the rest (another run of the same key wrote it).
 * Other S3 errors (access denied) propagate as the SDK's exception. An object is found and its
 * first bytes (or all of it) read by one GetObject, not a HeadObject before it: on Lambda every
 * request waits for the network, billed time. Thread-safe.
 *
 * <h2>Event keys</h2>
 * S3 event notifications carry object keys URL-encoded (form encoding: a space becomes {@code +});
 * whether a key arrives encoded depends on the path the event took. Reading an object
 * ({@link #readStart}, {@link #readWhole}) therefore looks the key up as given first and, only if no such
 * object exists, under its URL-decoded form.
 * A key that really contains {@code +} or {@code %} is found on the first lookup.
 */
public final class ObjectStore {

    private final S3Client s3;

    public ObjectStore(S3Client s3) {
        this.s3 = s3;
    }

    /**
     * The object under {@code key}, or else under its URL-decoded form, and its first {@code count}
     * bytes (all of it when it is shorter), from one ranged GetObject: its size (from the response's
     * {@code Content-Range}), ETag and user metadata are what HeadObject would have said, one round
     * trip fewer. The rest is read with {@link #readRange}, of exactly this version.
     *
     * @throws ObjectNotFoundException if neither key exists
     */
    public ObjectBytes readStart(String bucket, String key, int count) {
        return lookUp(key, k -> get(bucket, k, "bytes=0-" + (count - 1L), count, null))
                .orElseThrow(() -> notFound(bucket, key));
    }

    /**
     * The whole object under {@code key}, or else under its URL-decoded form, from one GetObject,
     * its size (the response's {@code Content-Length}) checked against {@code limits} before its
     * body is read.
     *
     * @throws ObjectNotFoundException if neither key exists
     */
    public ObjectBytes readWhole(String bucket, String key, ImageLimits limits) {
        return lookUp(key, k -> get(bucket, k, null, Integer.MAX_VALUE, limits)).orElseThrow(() -> notFound(bucket, key));
    }

    /**
     * The object under {@code key}, or else under its URL-decoded form, as the reads find it (one
     * HeadObject each); empty if neither exists.
     */
    public Optional<StoredObject> find(String bucket, String key) {
        return lookUp(key, k -> head(bucket, k));
    }

    /** HeadObject; empty if there is no such object (or bucket). */
    public Optional<StoredObject> head(String bucket, String key) {
        try {
            HeadObjectResponse r = call("HeadObject", bucket, key, () -> s3.headObject(b -> b.bucket(bucket).key(key)));
            long size = r.contentLength() == null ? 0 : r.contentLength();
            return Optional.of(new StoredObject(bucket, key, size, r.eTag(), metadata(r.metadata())));
        } catch (S3Exception e) {
            if (MissingObjects.isMissing(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Looks {@code key} up with {@code get}, and only if no such object exists under its URL-decoded
     * form; empty if neither exists. Without s3:ListBucket S3 answers 403 rather than 404 for a
     * missing key, so a 403 tries the decoded key before it is thrown.
     */
    private static <T> Optional<T> lookUp(String key, Function<String, Optional<T>> get) {
        Optional<String> decoded = urlDecoded(key);
        Optional<T> found;
        try {
            found = get.apply(key);
        } catch (S3Exception e) {
            if (e.statusCode() != 403 || decoded.isEmpty()) {
                throw e;
            }
            Optional<T> second = get.apply(decoded.get());
            if (second.isEmpty()) {
                throw e;
            }
            return second;
        }
        if (found.isPresent() || decoded.isEmpty()) {
            return found;
        }
        return get.apply(decoded.get());
    }

    /**
     * One GetObject of {@code range} (the whole object when null), reading at most {@code count}
     * bytes from the object's start; empty if there is no such object. With {@code limits}, the
     * object's size is checked before its body is read.
     */
    private Optional<ObjectBytes> get(String bucket, String key, String range, int count, ImageLimits limits) {
        ResponseInputStream<GetObjectResponse> in;
        try {
            in = call("GetObject", bucket, key, () -> s3.getObject(b -> b.bucket(bucket).key(key).range(range)));
        } catch (S3Exception e) {
            if (MissingObjects.isMissing(e)) {
                return Optional.empty();
            }
            if (e.statusCode() == 416 && range != null) {
                // a range of an empty object is not satisfiable: the object is there, with nothing to read
                return head(bucket, key).map(empty -> new ObjectBytes(empty, new byte[0]));
            }
            throw e;
        }
        GetObjectResponse r = in.response();
        long body = r.contentLength() == null ? 0 : r.contentLength();
        long size = totalSize(r.contentRange()).orElse(body);
        StoredObject object = new StoredObject(bucket, key, size, r.eTag(), metadata(r.metadata()));
        try {
            if (limits != null) {
                limits.checkBytes(object.uri(), size);
            }
            byte[] bytes = new byte[(int) Math.min(Math.min(size, body), count)];
            int n = in.readNBytes(bytes, 0, bytes.length);
            if (n < bytes.length) {
                throw new IOException("expected " + bytes.length + " bytes, the stream ended after " + n);
            }
            if (bytes.length < body) {
                in.abort(); // the rest of the body is not wanted: drop the connection rather than read it
            } else if (in.read() >= 0) {
                throw new IOException("expected " + body + " bytes, the stream held more");
            }
            return Optional.of(new ObjectBytes(object, bytes));
        } catch (RuntimeException e) {
            in.abort(); // refused before its body was read, or failed reading it
            throw e;
        } catch (IOException e) {
            in.abort();
            throw new TransientException("reading " + object.uri() + " failed: " + e.getMessage(), e);
        } finally {
            closeAfterReading(in);
        }
    }

    /** Closes a body read to its end or aborted: nothing is left to fail that the caller needs. */
    private static void closeAfterReading(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // the bytes are read or the read has failed already; a failing close changes neither
        }
    }

    /** The object's whole size from a {@code Content-Range} answer ({@code bytes 0-65535/1594823}), if there is one. */
    private static Optional<Long> totalSize(String contentRange) {
        if (contentRange == null) {
            return Optional.empty();
        }
        int slash = contentRange.lastIndexOf('/');
        try {
            return slash < 0 ? Optional.empty() : Optional.of(Long.parseLong(contentRange.substring(slash + 1).trim()));
        } catch (NumberFormatException e) {
            return Optional.empty(); // "*": the size is unknown
        }
    }

    private static Map<String, String> metadata(Map<String, String> raw) {
        Map<String, String> metadata = new LinkedHashMap<>();
        raw.forEach((name, value) -> metadata.put(name.toLowerCase(Locale.ROOT), UserMetadata.decode(value)));
        return metadata;
    }

    private static ObjectNotFoundException notFound(String bucket, String key) {
        Optional<String> decoded = urlDecoded(key);
        return new ObjectNotFoundException("s3://" + bucket + "/" + key + " does not exist"
                + decoded.map(d -> " (nor does its URL-decoded form '" + d + "')").orElse("")
                + "; check the bucket and key, or whether the object was deleted before it was processed");
    }

    /**
     * Reads bytes {@code [from, from + length)} of the object into {@code target} at offset
     * {@code from} (a ranged GetObject of exactly the version {@link #readStart} saw, when S3
     * reported its ETag).
     *
     * @throws TransientException if the stream breaks or S3 has a transient fault
     */
    public void readRange(StoredObject object, int from, int length, byte[] target) {
        if (length <= 0) {
            return;
        }
        String range = "bytes=" + from + "-" + ((long) from + length - 1);
        try (ResponseInputStream<GetObjectResponse> in = call("GetObject", object.bucket(), object.key(), () -> s3.getObject(b -> {
            b.bucket(object.bucket()).key(object.key()).range(range);
            if (object.eTag() != null) {
                b.ifMatch(object.eTag());
            }
        }))) {
            int n = in.readNBytes(target, from, length);
            if (n < length) {
                throw new IOException("expected " + length + " bytes (" + range + "), the stream ended after " + n);
            }
        } catch (S3Exception e) {
            throw gone(object, e);
        } catch (IOException e) {
            throw new TransientException("reading " + object.uri() + " (" + range + ") failed: " + e.getMessage(), e);
        }
    }

    /** PutObject of {@code length} bytes from a repeatable stream source, with a content type. */
    public void write(String bucket, String key, String contentType, long length, Supplier<InputStream> content) {
        call("PutObject", bucket, key, () -> s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType),
                RequestBody.fromContentProvider(content::get, length, contentType)));
    }

    /** PutObject of small in-memory bytes. */
    public void write(String bucket, String key, String contentType, byte[] bytes) {
        call("PutObject", bucket, key, () -> s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType),
                RequestBody.fromBytes(bytes)));
    }

    /**
     * The keys directly under {@code prefix} (which ends with {@code /}): objects whose key has no
     * further {@code /} after the prefix, so nothing of a deeper "folder" is ever listed
     * (ListObjectsV2 with that delimiter, every page).
     */
    public List<String> children(String bucket, String prefix) {
        List<String> keys = new ArrayList<>();
        String token = null;
        do {
            String continuation = token;
            // Keys travel URL-encoded (the SDK decodes them): XML 1.0 cannot carry most control characters
            var page = call("ListObjectsV2", bucket, prefix, () -> s3.listObjectsV2(b -> b.bucket(bucket).prefix(prefix)
                    .delimiter("/").encodingType(EncodingType.URL).continuationToken(continuation)));
            for (S3Object object : page.contents()) {
                keys.add(object.key());
            }
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
        return keys;
    }

    /** Every key under {@code prefix}, at any depth (ListObjectsV2 without a delimiter, every page). */
    public List<String> keys(String bucket, String prefix) {
        List<String> keys = new ArrayList<>();
        String token = null;
        do {
            String continuation = token;
            var page = call("ListObjectsV2", bucket, prefix, () -> s3.listObjectsV2(b -> b.bucket(bucket).prefix(prefix)
                    .encodingType(EncodingType.URL).continuationToken(continuation)));
            page.contents().forEach(object -> keys.add(object.key()));
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
        return keys;
    }

    /** GetObject as a stream, for documents read as they arrive; the caller closes it. */
    public InputStream open(String bucket, String key) {
        try {
            return call("GetObject", bucket, key, () -> s3.getObject(b -> b.bucket(bucket).key(key)));
        } catch (S3Exception e) {
            if (MissingObjects.isMissing(e)) {
                throw new ObjectNotFoundException("s3://" + bucket + "/" + key + " does not exist");
            }
            throw e;
        }
    }

    /** DeleteObject; deleting a key that does not exist is not an error. */
    public void delete(String bucket, String key) {
        call("DeleteObject", bucket, key, () -> s3.deleteObject(b -> b.bucket(bucket).key(key)));
    }

    /**
     * What a failed GetObject of the version first seen means: deleted since, an
     * {@link ObjectNotFoundException}; replaced since (the {@code If-Match} of its ETag answered
     * 412, e.g. another run of the same key wrote {@code K/combined.<ext>} in between), a
     * {@link TransientException}, since a later attempt looks the object up again and reads the new
     * version whole; anything else as it came.
     */
    private static RuntimeException gone(StoredObject object, S3Exception e) {
        if (MissingObjects.isMissing(e)) {
            return new ObjectNotFoundException(object.uri() + " was deleted while it was being processed");
        }
        if (e.statusCode() == 412 && object.eTag() != null) {
            return new TransientException(object.uri() + " was replaced while it was being read (it is no longer ETag "
                    + object.eTag() + "); a later attempt reads the new version", e);
        }
        return e;
    }

    /**
     * Runs one S3 call, turning transient faults into {@link TransientException}: throttling and
     * 5xx answers, and client-side faults of the network (an {@link IOException} underneath, or a
     * timeout) other than an interrupt. Other client-side faults, such as a response the SDK cannot
     * parse, stay as they are: another attempt would get the same answer.
     */
    private static <T> T call(String action, String bucket, String key, Supplier<T> call) {
        try {
            return call.get();
        } catch (S3Exception e) {
            if (e.isThrottlingException() || e.statusCode() >= 500) {
                throw new TransientException("S3 " + action + " on s3://" + bucket + "/" + key + " failed with HTTP " + e.statusCode()
                        + " " + errorCode(e) + " after the SDK's retries; a later attempt can succeed", e);
            }
            throw e;
        } catch (AbortedException e) {
            throw e; // the thread was interrupted: the work is being stopped, not failing
        } catch (SdkClientException e) {
            if (!isNetworkFault(e)) {
                throw e;
            }
            throw new TransientException("S3 " + action + " on s3://" + bucket + "/" + key + " failed after the SDK's retries ("
                    + e.getMessage() + "); a later attempt can succeed", e);
        } catch (UncheckedIOException e) {
            throw new TransientException("S3 " + action + " on s3://" + bucket + "/" + key + " failed: " + e.getMessage(), e);
        }
    }

    private static boolean isNetworkFault(SdkClientException e) {
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return true;
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static String errorCode(S3Exception e) {
        return e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null ? "" : e.awsErrorDetails().errorCode();
    }

    private static Optional<String> urlDecoded(String key) {
        if (key.indexOf('%') < 0 && key.indexOf('+') < 0) {
            return Optional.empty();
        }
        try {
            String decoded = URLDecoder.decode(key, StandardCharsets.UTF_8);
            return decoded.equals(key) ? Optional.empty() : Optional.of(decoded);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
