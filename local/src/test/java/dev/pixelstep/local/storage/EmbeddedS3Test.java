package dev.pixelstep.local.storage;

import dev.pixelstep.local.RawHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddedS3Test {

    private static final String INPUT = "photos-in";
    private static final String OUTPUT = "photos-out";

    @TempDir
    static Path shared;
    private static EmbeddedS3 s3;

    @BeforeAll
    static void start() {
        s3 = EmbeddedS3.start(shared.resolve("s3"), "127.0.0.1", 0, S3Credentials.forDataDirectory(shared), created -> { }, INPUT, OUTPUT);
    }

    @AfterAll
    static void stop() {
        s3.close();
    }

    @Test
    void reportsEveryCreatedObjectAndKeepsObjectsAcrossRestarts(@TempDir Path dir) {
        List<ObjectCreated> created = new CopyOnWriteArrayList<>();
        String key = "holiday photos/été + 100% ☀.jpg";
        S3Credentials credentials = S3Credentials.forDataDirectory(dir);
        try (EmbeddedS3 s3 = EmbeddedS3.start(dir.resolve("s3"), "127.0.0.1", 0, credentials, created::add, INPUT, OUTPUT)) {
            S3Client client = EmbeddedS3.client(s3.endpoint(), credentials);
            client.putObject(b -> b.bucket(INPUT).key(key).metadata(Map.of("operations", "grayscale, blur(radius=4)")),
                    RequestBody.fromString("not really a jpeg", StandardCharsets.UTF_8));
            assertEquals(1, created.size());
            ObjectCreated event = created.get(0);
            assertEquals(INPUT, event.bucket());
            assertEquals(key, event.key());
            assertEquals(17, event.size());
            assertEquals("PutObject", event.reason());
            assertEquals(s3.head(INPUT, key).eTag().replace("\"", ""), event.etag());
            assertEquals("grayscale, blur(radius=4)", s3.head(INPUT, key).metadata().get("operations"));
            assertNull(s3.head(INPUT, "missing"));
        }
        try (EmbeddedS3 again = EmbeddedS3.start(dir.resolve("s3"), "127.0.0.1", 0, S3Credentials.forDataDirectory(dir), created::add,
                INPUT, OUTPUT)) {
            assertEquals(List.of(key), again.list(INPUT).stream().map(o -> o.key()).toList());
            assertEquals("grayscale, blur(radius=4)", again.head(INPUT, key).metadata().get("operations"));
        }
    }

    @Test
    void aLargeUploadArrivesWholeThroughSignedChunks() {
        byte[] body = new byte[3 * 1024 * 1024 + 17]; // many of the SDK's 128 KB frames, the last one short
        new java.util.Random(7).nextBytes(body);
        s3.client().putObject(b -> b.bucket(INPUT).key("large.bin"), RequestBody.fromBytes(body));
        assertTrue(java.util.Arrays.equals(body, s3.client().getObjectAsBytes(b -> b.bucket(INPUT).key("large.bin")).asByteArray()));
        assertEquals(body.length, s3.head(INPUT, "large.bin").contentLength());
    }

    @Test
    void anUnsignedPutIsRefusedAndWritesNothing() throws Exception {
        for (String bucket : List.of(INPUT, OUTPUT)) {
            RawHttp.Response response = RawHttp.send(s3.endpoint(), "PUT", "/" + bucket + "/planted.json",
                    Map.of("Host", RawHttp.host(s3.endpoint()), "Content-Type", "application/json"), "{}".getBytes(StandardCharsets.UTF_8));
            assertEquals(403, response.status(), response.body());
            assertTrue(response.body().contains("AccessDenied"), response.body());
            assertNull(s3.head(bucket, "planted.json"));
        }
        RawHttp.Response read = RawHttp.send(s3.endpoint(), "GET", "/" + INPUT + "?list-type=2", Map.of("Host", RawHttp.host(s3.endpoint())), null);
        assertEquals(403, read.status(), "an unsigned listing: " + read.body());
    }

    /**
     * Sent as raw HTTP: the server refuses a bad signature from the headers, before it reads the body, and
     * closes the connection, so an SDK client still writing its body sees "Error writing request body to
     * server" instead of the 403 (a race that depends on socket buffers, not on the server's decision).
     */
    @Test
    void aPutSignedWithOtherCredentialsIsRefused() throws Exception {
        S3Credentials other = S3Credentials.generate();
        S3Credentials rightKeyWrongSecret = new S3Credentials(s3.credentials().accessKeyId(), other.secretAccessKey());
        for (S3Credentials wrong : List.of(other, rightKeyWrongSecret)) {
            RawHttp.Response response = signedPut("127.0.0.1", OUTPUT, "forged/manifest.json", "{\"status\":\"SUCCEEDED\"}", wrong);
            assertEquals(403, response.status(), wrong + ": " + response.body());
            assertTrue(response.body().contains("SignatureDoesNotMatch") || response.body().contains("InvalidAccessKeyId")
                    || response.body().contains("AccessDenied"), response.body());
        }
        assertNull(s3.head(OUTPUT, "forged/manifest.json"));
    }

    @Test
    void aCorrectlySignedRequestForAnotherHostIsRefused() throws Exception {
        String body = "{\"planted\":true}";
        RawHttp.Response local = signedPut("127.0.0.1", "signed.json", body);
        assertEquals(200, local.status(), "the same request for the loopback address is accepted: " + local.body());
        for (String host : List.of("attacker.example", "127.0.0.1.nip.io", "localhost.attacker.example", "192.0.2.10")) {
            RawHttp.Response response = signedPut(host, "rebound.json", body);
            assertEquals(403, response.status(), host + ": " + response.body());
            assertTrue(response.body().contains("AccessDenied"), response.body());
        }
        assertNull(s3.head(INPUT, "rebound.json"));
        RawHttp.Response noHost = RawHttp.send(s3.endpoint(), "GET", "/" + INPUT + "/signed.json", Map.of(), null);
        assertTrue(noHost.status() == 400 || noHost.status() == 403, "no Host at all: " + noHost.status());
    }

    /** A PUT signed (Signature V4, this server's credentials) for {@code host}, sent to this server's socket. */
    private static RawHttp.Response signedPut(String host, String key, String body) throws Exception {
        return signedPut(host, INPUT, key, body, s3.credentials());
    }

    /** A PUT to {@code bucket} signed (Signature V4) with {@code credentials} for {@code host}, sent to this server's socket. */
    private static RawHttp.Response signedPut(String host, String bucket, String key, String body, S3Credentials credentials) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        URI uri = URI.create("http://" + host + ":" + s3.endpoint().getPort() + "/" + bucket + "/" + key);
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.PUT).uri(uri)
                .putHeader("x-amz-content-sha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)))
                .putHeader("Content-Length", String.valueOf(bytes.length))
                .build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(credentials.accessKeyId(), credentials.secretAccessKey()))
                .request(request)
                .payload(ContentStreamProvider.fromByteArray(bytes))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, EmbeddedS3.REGION.id()));
        Map<String, String> headers = new LinkedHashMap<>();
        signed.request().forEachHeader((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Length")) {
                headers.put(name, values.get(0));
            }
        });
        headers.putIfAbsent("Host", host + ":" + s3.endpoint().getPort());
        return RawHttp.send(s3.endpoint(), "PUT", uri.getRawPath(), headers, bytes);
    }
}
