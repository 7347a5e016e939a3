package dev.pixelstep.local.storage;

import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A data directory written by an earlier pixelstep is moved into the durable store, not refused. */
class LegacyStoreMigrationTest {

    @Test
    void objectsOfTheEarlierLayoutAreMovedWithTheirETagsAndPartialUploadsAreLeftOut(@TempDir Path data) throws Exception {
        Path legacy = data.resolve("s3");
        Files.createDirectories(legacy);
        String etag;
        try (FilesystemNio2BlobStore old = new FilesystemNio2BlobStore(legacy.toString())) {
            old.createContainer("photos-in");
            byte[] body = "a photo".getBytes(StandardCharsets.UTF_8);
            etag = old.putBlob(PutObjectRequest.builder().bucket("photos-in").key("holiday/été.jpg").contentType("image/jpeg")
                    .contentLength((long) body.length).metadata(Map.of("operations", "grayscale")).build(),
                    new ByteArrayInputStream(body)).eTag();
        }
        // What a kill -9 in the middle of a PUT left in the old layout.
        Files.write(legacy.resolve("photos-in/holiday/partial.jpg-" + UUID.randomUUID()), new byte[100]);

        LegacyStoreMigration.Report report = LegacyStoreMigration.migrate(legacy, data.resolve("objects")).orElseThrow();
        assertEquals(1, report.objects());
        assertEquals(1, report.skipped());
        assertFalse(Files.exists(legacy));
        assertTrue(Files.isDirectory(data.resolve("s3.migrated")), "the old directory is kept for the user to delete");
        assertTrue(LegacyStoreMigration.migrate(legacy, data.resolve("objects")).isEmpty(), "nothing left to migrate");

        try (EmbeddedS3 s3 = EmbeddedS3.start(data.resolve("objects"), "127.0.0.1", 0, S3Credentials.generate(), created -> { }, "photos-in")) {
            List<S3Object> listed = s3.list("photos-in");
            assertEquals(List.of("holiday/été.jpg"), listed.stream().map(S3Object::key).toList());
            assertEquals(etag.replace("\"", ""), listed.get(0).eTag().replace("\"", ""), "the ETag the ledger knows is kept");
            var head = s3.head("photos-in", "holiday/été.jpg");
            assertEquals("grayscale", head.metadata().get("operations"));
            assertEquals("image/jpeg", head.contentType());
            assertEquals("a photo", s3.client().getObjectAsBytes(b -> b.bucket("photos-in").key("holiday/été.jpg")).asUtf8String());
        }
    }
}
