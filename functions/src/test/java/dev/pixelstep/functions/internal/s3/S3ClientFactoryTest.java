package dev.pixelstep.functions.internal.s3;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import dev.pixelstep.functions.config.FunctionConfig;
import dev.pixelstep.functions.config.SettingSource;
import dev.pixelstep.functions.internal.image.ImageLimits;
import dev.pixelstep.functions.support.SystemProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the functions' client puts on the wire for an S3-compatible endpoint, seen by a plain HTTP server. */
class S3ClientFactoryTest {

    private record Seen(String method, String path, Headers headers, byte[] body) {
    }

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private SystemProperties credentials;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                        exchange.getRequestHeaders(), in.readAllBytes()));
            }
            exchange.getResponseHeaders().add("ETag", "\"0123\"");
            boolean get = exchange.getRequestMethod().equals("GET");
            byte[] body = get ? "stored".getBytes(StandardCharsets.UTF_8) : new byte[0];
            exchange.sendResponseHeaders(200, get ? body.length : -1);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        credentials = SystemProperties.set(Map.of("aws.accessKeyId", "test-key", "aws.secretAccessKey", "test-secret"));
    }

    @AfterEach
    void stop() {
        server.stop(0);
        credentials.close();
    }

    @Test
    void uploadsToAnS3CompatibleEndpointArePlainBodiesWithoutChunkedChecksumTrailers() {
        URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        FunctionConfig config = new FunctionConfig("out", ImageLimits.defaults(), Optional.of(endpoint), true);
        byte[] json = "{\"schema\":\"pixelstep/histogram@1\"}".getBytes(StandardCharsets.UTF_8);

        try (S3Client client = S3ClientFactory.create(config)) {
            new ObjectStore(client).write("out", "photo ü.jpg/histogram-original.json", "application/json", json);
            client.getObjectAsBytes(b -> b.bucket("out").key("photo ü.jpg/combined.jpg"));
        }

        Seen put = seen.get(0);
        assertEquals("PUT", put.method());
        assertEquals("/out/photo%20%C3%BC.jpg/histogram-original.json", put.path());
        assertArrayEquals(json, put.body(), "the body on the wire is the object itself, not aws-chunked frames");
        assertEquals(String.valueOf(json.length), put.headers().getFirst("Content-Length"));
        assertNull(put.headers().getFirst("Content-Encoding"));
        assertNull(put.headers().getFirst("x-amz-trailer"));
        assertFalse(put.headers().getFirst("x-amz-content-sha256").startsWith("STREAMING"),
                put.headers().getFirst("x-amz-content-sha256"));
        Seen get = seen.get(1);
        assertEquals("GET", get.method());
        assertNull(get.headers().getFirst("x-amz-checksum-mode"), "responses are not checksum-validated against such servers");
    }

    @Test
    void explicitSettingsGiveTheRegionAndCredentialsInsteadOfTheJvmWideOnes() {
        URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        FunctionConfig config = new FunctionConfig("out", ImageLimits.defaults(), Optional.of(endpoint), true);
        SettingSource settings = SettingSource.of(Map.of("AWS_REGION", "eu-west-3",
                "AWS_ACCESS_KEY_ID", "function-key", "AWS_SECRET_ACCESS_KEY", "function-secret"));

        try (S3Client client = S3ClientFactory.create(config, settings)) {
            client.headObject(b -> b.bucket("out").key("k"));
        }

        String authorization = seen.get(0).headers().getFirst("Authorization");
        assertTrue(authorization.contains("Credential=function-key/") && authorization.contains("/eu-west-3/s3/aws4_request"),
                "signed with the function's own key and region, not the JVM's system properties: " + authorization);
    }
}
