package dev.pixelstep.local.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The object store, driven through the S3 API of S3Proxy with the AWS SDK, as every client uses it. */
class DurableBlobStoreTest {

    private static final String BUCKET = "store-test";

    /** Keys S3 accepts that a file system cannot hold as paths, and keys whose UTF-8 order differs from Java's. */
    static final List<String> ODD_KEYS = List.of("K", "K/x", "K/x/y", "a/./b/../c.png", "..", ".", "trailing/", "/leading",
            "double//slash", "seg/" + "x".repeat(1000), "ctl\u0001\u0007\u001b[31m\r\n.png", "tab\tsp ace+%25.png",
            "\uFFFD.png", "\uD83D\uDE00.png", "été ☀.jpg", "back\\slash", "K-6b1a8c0e-0d2e-4c3b-9f7a-1e2d3c4b5a69");

    @Test
    void everyKeyS3AcceptsIsStoredListedInS3sOrderAndReadBack(@TempDir Path dir) {
        try (EmbeddedS3 s3 = EmbeddedS3.start(dir, "127.0.0.1", 0, S3Credentials.generate(), created -> { }, BUCKET)) {
            for (String key : ODD_KEYS) {
                s3.client().putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString("body of " + key, StandardCharsets.UTF_8));
            }
            List<String> expected = ODD_KEYS.stream().sorted(DurableBlobStoreTest::utf8Order).toList();
            assertEquals(expected, s3.list(BUCKET).stream().map(S3Object::key).toList());
            for (String key : ODD_KEYS) {
                assertEquals("body of " + key, s3.client().getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asUtf8String(), key);
            }
            s3.client().deleteObject(b -> b.bucket(BUCKET).key("K"));
            assertNull(s3.head(BUCKET, "K"));
            assertEquals("body of K/x", s3.client().getObjectAsBytes(b -> b.bucket(BUCKET).key("K/x")).asUtf8String());
        }
        try (EmbeddedS3 again = EmbeddedS3.start(dir, "127.0.0.1", 0, S3Credentials.generate(), created -> { }, BUCKET)) {
            assertEquals(ODD_KEYS.size() - 1, again.list(BUCKET).size(), "kept across a restart");
        }
    }

    @Test
    void keysS3RefusesAreRefusedAsS3RefusesThem(@TempDir Path dir) {
        try (EmbeddedS3 s3 = EmbeddedS3.start(dir, "127.0.0.1", 0, S3Credentials.generate(), created -> { }, BUCKET)) {
            String tooLong = "é".repeat(512) + "x"; // 1,025 bytes of UTF-8 in 513 characters
            S3Exception e = assertThrows(S3Exception.class, () -> s3.client().putObject(b -> b.bucket(BUCKET).key(tooLong),
                    RequestBody.fromString("x")));
            assertEquals(400, e.statusCode());
            assertEquals("KeyTooLongError", e.awsErrorDetails().errorCode());
            s3.client().putObject(b -> b.bucket(BUCKET).key("é".repeat(512)), RequestBody.fromString("1,024 bytes fit"));
            assertEquals(1, s3.list(BUCKET).size());
        }
    }

    @Test
    void listingsPageThroughPrefixesAndDelimitersAsS3Does(@TempDir Path dir) {
        List<String> keys = List.of("a", "a/1", "a/2", "a/3/x", "a/3/y", "b", "c/1", "c/2", "d/", "d/e", "e");
        try (EmbeddedS3 s3 = EmbeddedS3.start(dir, "127.0.0.1", 0, S3Credentials.generate(), created -> { }, BUCKET)) {
            keys.forEach(k -> s3.client().putObject(b -> b.bucket(BUCKET).key(k), RequestBody.fromString(k)));
            S3Client client = s3.client();
            for (int pageSize = 1; pageSize <= 4; pageSize++) {
                int size = pageSize;
                List<String> objects = new ArrayList<>();
                List<String> prefixes = new ArrayList<>();
                for (ListObjectsV2Response page : client.listObjectsV2Paginator(b -> b.bucket(BUCKET).delimiter("/").maxKeys(size))) {
                    page.contents().forEach(o -> objects.add(o.key()));
                    page.commonPrefixes().forEach(p -> prefixes.add(p.prefix()));
                    assertTrue(page.contents().size() + page.commonPrefixes().size() <= size);
                }
                assertEquals(List.of("a", "b", "e"), objects, "page size " + size);
                assertEquals(List.of("a/", "c/", "d/"), prefixes, "page size " + size);

                List<String> underA = new ArrayList<>();
                List<String> prefixesUnderA = new ArrayList<>();
                for (ListObjectsV2Response page : client.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix("a/").delimiter("/")
                        .maxKeys(size))) {
                    page.contents().forEach(o -> underA.add(o.key()));
                    page.commonPrefixes().forEach(p -> prefixesUnderA.add(p.prefix()));
                }
                assertEquals(List.of("a/1", "a/2"), underA);
                assertEquals(List.of("a/3/"), prefixesUnderA);

                List<String> all = new ArrayList<>();
                client.listObjectsV2Paginator(b -> b.bucket(BUCKET).maxKeys(size)).contents().forEach(o -> all.add(o.key()));
                assertEquals(keys, all);
            }
            assertEquals(List.of("b", "c/1"), client.listObjectsV2(b -> b.bucket(BUCKET).startAfter("a/3/y").maxKeys(2))
                    .contents().stream().map(S3Object::key).toList());
        }
    }

    @Test
    void aWriteInterruptedByACrashIsNeverListedAndIsRemovedAtTheNextStart(@TempDir Path dir) throws Exception {
        try (EmbeddedS3 s3 = EmbeddedS3.start(dir, "127.0.0.1", 0, S3Credentials.generate(), created -> { }, BUCKET)) {
            s3.client().putObject(b -> b.bucket(BUCKET).key("kept.png"), RequestBody.fromString("kept"));
            // A body that ends before its Content-Length: the write fails half-way, as when the client dies.
            InputStream failing = new InputStream() {
                private int left = 100_000;

                @Override
                public int read() throws IOException {
                    if (left-- <= 0) { // every later read too: the SDK retries the upload from its buffered mark
                        throw new IOException("the client went away");
                    }
                    return 'x';
                }
            };
            assertThrows(RuntimeException.class, () -> s3.client().putObject(b -> b.bucket(BUCKET).key("half.png"),
                    RequestBody.fromInputStream(failing, 200_000)));
            assertEquals(List.of("kept.png"), s3.list(BUCKET).stream().map(S3Object::key).toList());
        }
        // What kill -9 leaves mid-write: a temporary file; and a damaged object file.
        Files.write(dir.resolve("tmp/" + java.util.UUID.randomUUID()), new byte[12345]);
        Path objectDir = Files.createDirectories(dir.resolve("buckets/" + BUCKET + "/objects/00"));
        Files.write(objectDir.resolve("0".repeat(64)), "not an object file".getBytes(StandardCharsets.UTF_8));

        try (EmbeddedS3 s3 = EmbeddedS3.start(dir, "127.0.0.1", 0, S3Credentials.generate(), created -> { }, BUCKET)) {
            assertEquals(List.of("kept.png"), s3.list(BUCKET).stream().map(S3Object::key).toList());
            assertEquals(1, s3.startup().temporaryFilesRemoved());
            assertEquals(1, s3.startup().damagedFilesSetAside().size(), s3.startup().toString());
            try (Stream<Path> left = Files.list(dir.resolve("tmp"))) {
                assertEquals(0, left.count());
            }
            assertTrue(Files.isDirectory(dir.resolve("damaged")), "set aside, not deleted");
            assertEquals("kept", s3.client().getObjectAsBytes(b -> b.bucket(BUCKET).key("kept.png")).asUtf8String());
        }
    }

    @Test
    void metadataRangesAndConditionalReadsWorkAndSurviveARestart(@TempDir Path dir) {
        byte[] body = new byte[70_000];
        new Random(3).nextBytes(body);
        try (EmbeddedS3 s3 = EmbeddedS3.start(dir, "127.0.0.1", 0, S3Credentials.generate(), created -> { }, BUCKET)) {
            s3.client().putObject(b -> b.bucket(BUCKET).key("photo.jpg").contentType("image/jpeg").cacheControl("no-cache")
                    .metadata(Map.of("operations", "grayscale, blur(radius=4)")), RequestBody.fromBytes(body));
        }
        try (EmbeddedS3 s3 = EmbeddedS3.start(dir, "127.0.0.1", 0, S3Credentials.generate(), created -> { }, BUCKET)) {
            var head = s3.head(BUCKET, "photo.jpg");
            assertEquals("image/jpeg", head.contentType());
            assertEquals("no-cache", head.cacheControl());
            assertEquals(70_000L, head.contentLength());
            assertEquals("grayscale, blur(radius=4)", head.metadata().get("operations"));
            ResponseBytes<GetObjectResponse> range = s3.client().getObjectAsBytes(b -> b.bucket(BUCKET).key("photo.jpg")
                    .range("bytes=100-199"));
            assertArrayEquals(Arrays.copyOfRange(body, 100, 200), range.asByteArray());
            assertEquals("bytes 100-199/70000", range.response().contentRange());
            assertArrayEquals(Arrays.copyOfRange(body, 69_990, 70_000), s3.client().getObjectAsBytes(b -> b.bucket(BUCKET)
                    .key("photo.jpg").range("bytes=-10")).asByteArray());
            S3Exception notModified = assertThrows(S3Exception.class, () -> s3.client().getObjectAsBytes(b -> b.bucket(BUCKET)
                    .key("photo.jpg").ifNoneMatch(head.eTag())));
            assertEquals(304, notModified.statusCode());
            S3Exception mismatch = assertThrows(S3Exception.class, () -> s3.client().getObjectAsBytes(b -> b.bucket(BUCKET)
                    .key("photo.jpg").ifMatch("\"0123\"")));
            assertEquals(412, mismatch.statusCode());
        }
    }

    @Test
    void copiesAndMultipartUploadsAreStoredAndReported(@TempDir Path dir) {
        List<ObjectCreated> created = new CopyOnWriteArrayList<>();
        byte[] first = new byte[5 * 1024 * 1024];
        new Random(1).nextBytes(first);
        byte[] second = "the last part".getBytes(StandardCharsets.UTF_8);
        String completed;
        try (EmbeddedS3 s3 = EmbeddedS3.start(dir, "127.0.0.1", 0, S3Credentials.generate(), created::add, BUCKET)) {
            S3Client client = s3.client();
            client.putObject(b -> b.bucket(BUCKET).key("source").metadata(Map.of("operations", "invert")), RequestBody.fromString("src"));
            client.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("source").destinationBucket(BUCKET).destinationKey("copy"));
            assertEquals("invert", s3.head(BUCKET, "copy").metadata().get("operations"));
            client.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("source").destinationBucket(BUCKET).destinationKey("source")
                    .metadataDirective(MetadataDirective.REPLACE).metadata(Map.of("operations", "sepia")));
            assertEquals("sepia", s3.head(BUCKET, "source").metadata().get("operations"));
            assertEquals("src", client.getObjectAsBytes(b -> b.bucket(BUCKET).key("source")).asUtf8String());

            String id = client.createMultipartUpload(b -> b.bucket(BUCKET).key("big/K").contentType("image/png")
                    .metadata(Map.of("operations", "grayscale"))).uploadId();
            assertEquals(1, client.listMultipartUploads(b -> b.bucket(BUCKET)).uploads().size());
            String e1 = client.uploadPart(b -> b.bucket(BUCKET).key("big/K").uploadId(id).partNumber(1), RequestBody.fromBytes(first)).eTag();
            String e2 = client.uploadPart(b -> b.bucket(BUCKET).key("big/K").uploadId(id).partNumber(2), RequestBody.fromBytes(second)).eTag();
            assertEquals(2, client.listParts(b -> b.bucket(BUCKET).key("big/K").uploadId(id)).parts().size());
            String etag = client.completeMultipartUpload(b -> b.bucket(BUCKET).key("big/K").uploadId(id).multipartUpload(m -> m.parts(
                    CompletedPart.builder().partNumber(1).eTag(e1).build(), CompletedPart.builder().partNumber(2).eTag(e2).build()))).eTag();
            assertTrue(etag.endsWith("-2\""), etag);
            completed = etag;
            byte[] whole = client.getObjectAsBytes(b -> b.bucket(BUCKET).key("big/K")).asByteArray();
            assertEquals(first.length + second.length, whole.length);
            assertArrayEquals(second, Arrays.copyOfRange(whole, first.length, whole.length));
            assertEquals("grayscale", s3.head(BUCKET, "big/K").metadata().get("operations"));
            assertEquals("image/png", s3.head(BUCKET, "big/K").contentType());
            assertTrue(client.listMultipartUploads(b -> b.bucket(BUCKET)).uploads().isEmpty());
            assertEquals(List.of("big/K", "copy", "source"), s3.list(BUCKET).stream().map(S3Object::key).toList(),
                    "no bookkeeping of the upload is listed");

            String aborted = client.createMultipartUpload(b -> b.bucket(BUCKET).key("gone")).uploadId();
            client.abortMultipartUpload(b -> b.bucket(BUCKET).key("gone").uploadId(aborted));
            assertThrows(S3Exception.class, () -> client.listParts(b -> b.bucket(BUCKET).key("gone").uploadId(aborted)));
        }
        assertEquals(List.of("PutObject", "CopyObject", "CopyObject", "CompleteMultipartUpload"),
                created.stream().map(ObjectCreated::reason).toList());
        assertEquals(completed.replace("\"", ""), created.get(3).etag(), "the event carries the completed object's ETag");
    }

    /**
     * Issue 19: a multipart upload must be exactly one object and one event. Before, a completion
     * retried after its answer was lost, or racing its first attempt, stored the object and told the
     * pipeline again (a second execution), a crash between the commit and the clean-up left the
     * upload listed and completable again, and aborts and refused completions could leave files behind.
     */
    @Test
    void multipartUploadsRetriedRacedAbortedOrCutShortMakeOneObjectAndOneEventAndLeaveNothingBehind(@TempDir Path dir)
            throws Exception {
        List<ObjectCreated> created = new CopyOnWriteArrayList<>();
        byte[] first = new byte[5 * 1024 * 1024];
        new Random(2).nextBytes(first);
        Path uploads = dir.resolve("buckets").resolve(BUCKET).resolve("uploads");
        try (EmbeddedS3 s3 = EmbeddedS3.start(dir, "127.0.0.1", 0, S3Credentials.generate(), created::add, BUCKET)) {
            S3Client client = s3.client();
            String id = client.createMultipartUpload(b -> b.bucket(BUCKET).key("mpu.png").metadata(Map.of("operations", "invert")))
                    .uploadId();
            String e1 = client.uploadPart(b -> b.bucket(BUCKET).key("mpu.png").uploadId(id).partNumber(1), RequestBody.fromBytes(first)).eTag();
            String e2 = client.uploadPart(b -> b.bucket(BUCKET).key("mpu.png").uploadId(id).partNumber(2), RequestBody.fromString("end")).eTag();
            CompletedPart p1 = CompletedPart.builder().partNumber(1).eTag(e1).build();
            CompletedPart p2 = CompletedPart.builder().partNumber(2).eTag(e2).build();
            // Refused completions change nothing: the client may correct them and complete.
            assertEquals("InvalidPart", assertThrows(S3Exception.class, () -> client.completeMultipartUpload(b -> b.bucket(BUCKET)
                    .key("mpu.png").uploadId(id).multipartUpload(m -> m.parts(p1, p2.toBuilder().eTag(e1).build()))))
                    .awsErrorDetails().errorCode());
            assertEquals(2, client.listParts(b -> b.bucket(BUCKET).key("mpu.png").uploadId(id)).parts().size());

            // Three completions at once (a retry racing its first attempt), then one more after the answer.
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                List<Future<String>> answers = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    answers.add(pool.submit(() -> client.completeMultipartUpload(b -> b.bucket(BUCKET).key("mpu.png").uploadId(id)
                            .multipartUpload(m -> m.parts(p1, p2))).eTag()));
                }
                String etag = answers.get(0).get();
                for (Future<String> answer : answers) {
                    assertEquals(etag, answer.get(), "every completion of one upload answers its object");
                }
                assertEquals(etag, client.completeMultipartUpload(b -> b.bucket(BUCKET).key("mpu.png").uploadId(id)
                        .multipartUpload(m -> m.parts(p1, p2))).eTag(), "a completion repeated after its answer was lost");
            } finally {
                pool.shutdown();
            }
            assertEquals(List.of("CompleteMultipartUpload"), created.stream().map(ObjectCreated::reason).toList(), "one event");
            assertEquals("invert", s3.head(BUCKET, "mpu.png").metadata().get("operations"), "the metadata given at the start");
            assertEquals(List.of("mpu.png"), s3.list(BUCKET).stream().map(S3Object::key).toList());
            assertTrue(client.listMultipartUploads(b -> b.bucket(BUCKET)).uploads().isEmpty());
            assertEquals(List.of(), children(uploads));
            assertEquals(List.of(), children(dir.resolve("tmp")));
            // A copy of the object is not the upload's: completing the upload again does not answer for it.
            client.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("mpu.png").destinationBucket(BUCKET).destinationKey("copy.png"));

            // An abort removes the upload in one step; a part arriving afterwards finds no upload and leaves nothing.
            String aborted = client.createMultipartUpload(b -> b.bucket(BUCKET).key("aborted.png")).uploadId();
            client.uploadPart(b -> b.bucket(BUCKET).key("aborted.png").uploadId(aborted).partNumber(1), RequestBody.fromString("x"));
            client.abortMultipartUpload(b -> b.bucket(BUCKET).key("aborted.png").uploadId(aborted));
            assertEquals(404, assertThrows(S3Exception.class, () -> client.uploadPart(b -> b.bucket(BUCKET).key("aborted.png")
                    .uploadId(aborted).partNumber(2), RequestBody.fromString("late"))).statusCode());
            assertEquals(404, assertThrows(S3Exception.class, () -> client.completeMultipartUpload(b -> b.bucket(BUCKET)
                    .key("aborted.png").uploadId(aborted).multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).build()))))
                    .statusCode());
            assertEquals(List.of(), children(uploads));
            assertEquals(List.of(), children(dir.resolve("tmp")));

            // What a crash leaves: an upload claimed by a completion (in tmp/), an upload abandoned two days ago,
            // and an unfinished upload a client may still complete.
            String cut = client.createMultipartUpload(b -> b.bucket(BUCKET).key("cut.png")).uploadId();
            client.uploadPart(b -> b.bucket(BUCKET).key("cut.png").uploadId(cut).partNumber(1), RequestBody.fromString("x"));
            Files.move(uploads.resolve(cut), dir.resolve("tmp").resolve("claimed"));
            String old = client.createMultipartUpload(b -> b.bucket(BUCKET).key("old.png")).uploadId();
            try (Stream<Path> files = Files.list(uploads.resolve(old))) {
                for (Path file : files.toList()) {
                    Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(Instant.now().minus(java.time.Duration.ofDays(2))));
                }
            }
            client.createMultipartUpload(b -> b.bucket(BUCKET).key("open.png"));
        }
        created.clear();
        try (EmbeddedS3 s3 = EmbeddedS3.start(dir, "127.0.0.1", 0, S3Credentials.generate(), created::add, BUCKET)) {
            assertEquals(List.of("open.png"), s3.client().listMultipartUploads(b -> b.bucket(BUCKET)).uploads().stream()
                    .map(u -> u.key()).toList(), "only the upload a client may still complete");
            assertEquals(List.of("copy.png", "mpu.png"), s3.list(BUCKET).stream().map(S3Object::key).toList());
            assertEquals(List.of(), children(dir.resolve("tmp")));
            assertEquals(1, children(uploads).size());
        }
        assertEquals(List.of(), created, "nothing of a multipart upload becomes an event at a restart");
    }

    private static List<Path> children(Path directory) throws IOException {
        try (Stream<Path> list = Files.list(directory)) {
            return list.toList();
        }
    }

    @Test
    void sequencersIncreaseWithEveryWriteAndAcrossRestartsEvenWhenTheClockGoesBack(@TempDir Path dir) {
        List<ObjectCreated> created = new ArrayList<>();
        Clock now = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);
        DurableBlobStore store = DurableBlobStore.open(dir, now, created::add);
        store.createContainer(BUCKET);
        for (int i = 0; i < 3; i++) {
            store.putBlob(PutObjectRequest.builder().bucket(BUCKET).key("same").build(), new ByteArrayInputStream(new byte[] {1}));
        }
        Clock earlier = Clock.fixed(Instant.parse("2020-01-01T00:00:00Z"), ZoneOffset.UTC);
        DurableBlobStore reopened = DurableBlobStore.open(dir, earlier, created::add);
        reopened.putBlob(PutObjectRequest.builder().bucket(BUCKET).key("same").build(), new ByteArrayInputStream(new byte[] {1}));
        List<String> sequencers = created.stream().map(ObjectCreated::sequencer).toList();
        assertEquals(4, sequencers.size());
        for (int i = 1; i < sequencers.size(); i++) {
            assertTrue(sequencers.get(i).compareTo(sequencers.get(i - 1)) > 0, sequencers.toString());
            assertEquals(16, sequencers.get(i).length());
        }
        assertEquals(created.get(3).etag(), created.get(0).etag(), "the same bytes, four writes, four sequencers");
        assertEquals(sequencers.get(3), reopened.objects(BUCKET).get(0).sequencer(), "the index knows the current write");
        assertFalse(reopened.objects(BUCKET).isEmpty());
    }

    private static int utf8Order(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
