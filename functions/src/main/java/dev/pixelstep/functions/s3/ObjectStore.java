package dev.pixelstep.functions.s3;

import dev.pixelstep.functions.image.ImageLimits;
import dev.pixelstep.functions.error.ObjectNotFoundException;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The three S3 calls the functions make (HeadObject, GetObject, PutObject), with the key
 * fallback for event keys and typed errors for missing objects. Thread-safe.
 *
 * <h2>Event keys</h2>
 * S3 event notifications carry object keys URL-encoded (form encoding: a space becomes {@code +});
 * whether a key arrives encoded depends on the path the event took. {@link #locate} therefore
 * looks the key up as given first and, only if no such object exists, under its URL-decoded form.
 * A key that really contains {@code +} or {@code %} is found on the first lookup.
 */
public final class ObjectStore {

    private final S3Client s3;

    public ObjectStore(S3Client s3) {
        this.s3 = s3;
    }

    /**
     * Finds the object under {@code key}, or else under its URL-decoded form.
     *
     * @throws ObjectNotFoundException if neither exists
     */
    public StoredObject locate(String bucket, String key) {
        Optional<String> decoded = urlDecoded(key);
        Optional<StoredObject> found;
        try {
            found = head(bucket, key);
        } catch (S3Exception e) {
            // Without s3:ListBucket, S3 answers 403 rather than 404 for a missing key: try the decoded key first.
            if (e.statusCode() != 403 || decoded.isEmpty()) {
                throw e;
            }
            return head(bucket, decoded.get()).orElseThrow(() -> e);
        }
        if (found.isPresent()) {
            return found.get();
        }
        if (decoded.isPresent()) {
            Optional<StoredObject> second = head(bucket, decoded.get());
            if (second.isPresent()) {
                return second.get();
            }
        }
        throw new ObjectNotFoundException("s3://" + bucket + "/" + key + " does not exist"
                + decoded.map(d -> " (nor does its URL-decoded form '" + d + "')").orElse("")
                + "; check the bucket and key, or whether the object was deleted before it was processed");
    }

    /** HeadObject; empty if there is no such object (or bucket). */
    public Optional<StoredObject> head(String bucket, String key) {
        try {
            HeadObjectResponse r = s3.headObject(b -> b.bucket(bucket).key(key));
            Map<String, String> metadata = new LinkedHashMap<>();
            r.metadata().forEach((name, value) -> metadata.put(name.toLowerCase(Locale.ROOT), MetadataValues.decode(value)));
            long size = r.contentLength() == null ? 0 : r.contentLength();
            return Optional.of(new StoredObject(bucket, key, size, r.eTag(), metadata));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Reads the whole object, checking the size GetObject announces against {@code limits} (the
     * object may have been replaced after HeadObject; when HeadObject reported an ETag, exactly
     * that version is read).
     */
    public byte[] read(StoredObject object, ImageLimits limits) {
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> {
            b.bucket(object.bucket()).key(object.key());
            if (object.eTag() != null) {
                b.ifMatch(object.eTag());
            }
        })) {
            Long announced = in.response().contentLength();
            long length = announced == null ? object.size() : announced;
            limits.checkBytes(object.uri(), length);
            byte[] bytes = new byte[(int) length];
            int n = in.readNBytes(bytes, 0, bytes.length);
            if (n < bytes.length || in.read() >= 0) {
                throw new IOException("expected " + length + " bytes, the stream " + (n < bytes.length ? "ended after " + n : "held more"));
            }
            return bytes;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw new ObjectNotFoundException(object.uri() + " was deleted while it was being processed");
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + object.uri(), e);
        }
    }

    /** PutObject of {@code length} bytes from a repeatable stream source, with a content type. */
    public void write(String bucket, String key, String contentType, long length, Supplier<InputStream> content) {
        s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType),
                RequestBody.fromContentProvider(content::get, length, contentType));
    }

    /** PutObject of small in-memory bytes. */
    public void write(String bucket, String key, String contentType, byte[] bytes) {
        s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(bytes));
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
