package dev.pixelstep.local.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class EmbeddedS3Test {

    @Test
    void reportsEveryCreatedObjectAndKeepsObjectsAcrossRestarts(@TempDir Path dir) {
        List<ObjectCreated> created = new CopyOnWriteArrayList<>();
        String key = "holiday photos/été + 100% ☀.jpg";
        try (EmbeddedS3 s3 = EmbeddedS3.start(dir, "127.0.0.1", 0, created::add, "photos-in", "photos-out")) {
            S3Client client = EmbeddedS3.client(s3.endpoint());
            client.putObject(b -> b.bucket("photos-in").key(key).metadata(Map.of("operations", "grayscale, blur(radius=4)")),
                    RequestBody.fromString("not really a jpeg", StandardCharsets.UTF_8));
            assertEquals(1, created.size());
            ObjectCreated event = created.get(0);
            assertEquals("photos-in", event.bucket());
            assertEquals(key, event.key());
            assertEquals(17, event.size());
            assertEquals("PutObject", event.reason());
            assertEquals(s3.head("photos-in", key).eTag().replace("\"", ""), event.etag());
            assertEquals("grayscale, blur(radius=4)", s3.head("photos-in", key).metadata().get("operations"));
            assertNull(s3.head("photos-in", "missing"));
        }
        try (EmbeddedS3 again = EmbeddedS3.start(dir, "127.0.0.1", 0, created::add, "photos-in", "photos-out")) {
            assertEquals(List.of(key), again.list("photos-in").stream().map(o -> o.key()).toList());
            assertEquals("grayscale, blur(radius=4)", again.head("photos-in", key).metadata().get("operations"));
        }
    }
}
