package dev.pixelstep.local.storage;

import dev.pixelstep.local.AllowedHosts;
import dev.pixelstep.s3.MissingObjects;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * An S3-compatible server (S3Proxy) running in this process on loopback, storing objects durably
 * under a data directory ({@link DurableBlobStore}: every key S3 accepts, nothing acknowledged lost
 * on a crash). Every object created through the S3 API is reported to a listener once it is
 * durable. Any S3 client works against {@link #endpoint()} with path-style addressing and
 * Signature V4 with the data directory's {@link S3Credentials}; unsigned or wrongly signed requests,
 * and requests whose {@code Host} is not a loopback name or the bound address, are refused (403).
 */
public final class EmbeddedS3 implements AutoCloseable {

    /** The region clients should sign for. */
    public static final Region REGION = Region.US_EAST_1;

    private final S3Proxy proxy;
    private final URI endpoint;
    private final S3Credentials credentials;
    private final S3Client client;
    private final DurableBlobStore store;

    private EmbeddedS3(S3Proxy proxy, URI endpoint, S3Credentials credentials, DurableBlobStore store) {
        this.proxy = proxy;
        this.endpoint = endpoint;
        this.credentials = credentials;
        this.client = client(endpoint, credentials);
        this.store = store;
    }

    /**
     * Starts the server.
     *
     * @param storage     directory holding the buckets; created if missing
     * @param host        address to bind, normally 127.0.0.1
     * @param port        port to bind, or 0 for a free one
     * @param credentials the only access key accepted (Signature V4)
     * @param listener    told about every object created through the S3 API
     * @param buckets     buckets to create if they do not exist
     */
    public static EmbeddedS3 start(Path storage, String host, int port, S3Credentials credentials, Consumer<ObjectCreated> listener,
                                   String... buckets) {
        return start(storage, host, port, credentials, listener, UnaryOperator.identity(), buckets);
    }

    /**
     * Starts the server with blob stores of its own between S3Proxy and the storage, e.g. one that
     * refuses writes while the pipeline is saturated, or one that injects faults in a test.
     *
     * @param middleware wraps the durable store; the identity for none
     */
    public static EmbeddedS3 start(Path storage, String host, int port, S3Credentials credentials, Consumer<ObjectCreated> listener,
                                   UnaryOperator<BlobStore> middleware, String... buckets) {
        try {
            Files.createDirectories(storage);
            DurableBlobStore durable = DurableBlobStore.open(storage.toAbsolutePath(), Clock.systemUTC(), listener);
            BlobStore store = middleware.apply(durable);
            S3Proxy proxy = S3Proxy.builder()
                    .blobStore(store)
                    .endpoint(URI.create("http://" + host + ":" + port))
                    .awsAuthentication(AuthenticationType.AWS_V4, credentials.accessKeyId(), credentials.secretAccessKey())
                    .ignoreUnknownHeaders(true)
                    .build();
            S3HostCheck.install(proxy, AllowedHosts.forBindAddress(host));
            proxy.start();
            while (!"STARTED".equals(proxy.getState())) {
                Thread.sleep(10);
            }
            EmbeddedS3 s3 = new EmbeddedS3(proxy, URI.create("http://" + host + ":" + proxy.getPort()), credentials, durable);
            for (String bucket : buckets) {
                if (!durable.containerExists(bucket)) {
                    durable.createContainer(bucket);
                }
            }
            return s3;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the storage directory " + storage, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the embedded S3 server", e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the embedded S3 server on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /**
     * A client for the embedded server: path-style, static credentials, URLConnection HTTP,
     * checksums only where an operation requires them (so no checksum trailers), and uploads in
     * signed {@code aws-chunked} frames, the SDK's default over plain HTTP: S3Proxy checks each
     * frame's signature as it streams to disk, where a plain body signed by its SHA-256 it would
     * first read whole into memory (40 uploads of 5 MB at once: 60-70 MB of heap instead of
     * 400-440 MB; {@code benchmarks/e2e/UploadHeap.java}).
     */
    public static S3Client client(URI endpoint, S3Credentials credentials) {
        return S3Client.builder()
                .endpointOverride(endpoint)
                .region(REGION)
                .credentialsProvider(credentials.provider())
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).chunkedEncodingEnabled(true).build())
                .httpClient(UrlConnectionHttpClient.create())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }

    /** Where clients connect, e.g. {@code http://127.0.0.1:9000}. */
    public URI endpoint() {
        return endpoint;
    }

    /** The access key this server accepts. */
    public S3Credentials credentials() {
        return credentials;
    }

    /** A client of this server, owned by it. */
    public S3Client client() {
        return client;
    }

    /**
     * Every object of {@code bucket}, paginated through the S3 API. Keys travel URL-encoded
     * ({@code encoding-type=url}, decoded by the SDK): XML 1.0 cannot carry most control characters.
     */
    public List<S3Object> list(String bucket) {
        return client.listObjectsV2Paginator(b -> b.bucket(bucket).encodingType(EncodingType.URL)).contents().stream().toList();
    }

    /**
     * Every current object of {@code bucket} as the store committed it, sequencer included, read
     * from the store's index rather than through the S3 API; for recovery after a restart.
     */
    public List<ObjectCreated> objects(String bucket) {
        return store.objects(bucket);
    }

    /** The first {@code maxBytes} of an object and its metadata, read in process rather than through the S3 API. */
    public ResponseInputStream<GetObjectResponse> readStart(String bucket, String key, int maxBytes) {
        return store.getBlob(GetObjectRequest.builder().bucket(bucket).key(key).range("bytes=0-" + (maxBytes - 1)).build());
    }

    /** What the store found and repaired when it started: temporary files of interrupted writes, damaged files. */
    public DurableBlobStore.Startup startup() {
        return store.startup();
    }

    /** Metadata of one object, or {@code null} if there is none. */
    public HeadObjectResponse head(String bucket, String key) {
        return head(client, bucket, key);
    }

    /** Metadata of one object through any S3 client, or {@code null} if there is none. */
    public static HeadObjectResponse head(S3Client client, String bucket, String key) {
        try {
            return client.headObject(b -> b.bucket(bucket).key(key));
        } catch (S3Exception e) {
            if (MissingObjects.isMissing(e)) {
                return null;
            }
            throw e;
        }
    }

    @Override
    public void close() {
        client.close();
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the embedded S3 server", e);
        }
    }
}
