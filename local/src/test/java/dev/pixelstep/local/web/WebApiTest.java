package dev.pixelstep.local.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pixelstep.testkit.gen.ExifFixture;
import dev.pixelstep.testkit.photos.TestPhotos;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The page's JSON API with a plain HTTP client, against the real local pipeline. */
class WebApiTest {

    private static final Duration WAIT = Duration.ofMinutes(2);

    @TempDir
    static Path data;
    private static WebStack stack;

    @BeforeAll
    static void start() {
        stack = WebStack.start(data);
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void listsEveryOperationWithItsParametersIncludingPluginOnes() throws Exception {
        JsonNode operations = stack.json("/api/operations");
        JsonNode blur = find(operations, "blur");
        JsonNode radius = blur.path("parameters").get(0);
        assertEquals("radius", radius.path("name").asText());
        assertEquals("double", radius.path("type").asText());
        assertEquals("px", radius.path("unit").asText());
        assertEquals(0.5, radius.path("min").asDouble());
        assertEquals(100, radius.path("max").asDouble());
        assertEquals("3", radius.path("default").asText());
        assertNotNull(find(operations, "grayscale"));
        JsonNode duotone = find(operations, "duotone");
        assertTrue(duotone.path("parameters").findValuesAsText("type").contains("color"), duotone.toString());

        JsonNode config = stack.json("/api/config");
        assertEquals("local", config.path("mode").asText());
        assertEquals(WebStack.INPUT, config.path("inputBucket").asText());
        assertEquals(50L * 1024 * 1024, config.path("maxUploadBytes").asLong());
    }

    @Test
    void anImageWithAChainRunsAndEveryOutputIsServedUnderItsRun() throws Exception {
        String name = "Été ☀ <b>photo</b>.png";
        HttpResponse<String> created = stack.upload("invert, blur( radius = 2 )", name, HttpRequest.BodyPublishers.ofByteArray(png(64, 48)));
        assertEquals(201, created.statusCode(), created.body());
        JsonNode body = WebStack.JSON.readTree(created.body());
        String id = body.path("id").asText();
        assertTrue(id.matches("\\d{8}T\\d{6}Z-[0-9a-f]{12}\\.png"), id);
        assertEquals("invert, blur(radius=2)", body.path("chain").asText());

        JsonNode run = stack.awaitRun(id, WAIT);
        assertEquals("SUCCEEDED", run.path("status").asText(), run.toString());
        assertEquals(name, run.path("filename").asText(), "the original name is kept, byte for byte, in metadata");
        assertEquals("invert, blur(radius=2)", run.path("chain").asText());
        assertEquals("history", run.path("progressFrom").asText());
        List<String> states = run.path("states").findValuesAsText("name");
        assertTrue(states.containsAll(List.of("Process", "AnalyseOriginal", "AnalyseCombined", "WriteManifest")), states.toString());
        assertTrue(run.path("states").findValuesAsText("status").stream().allMatch("SUCCEEDED"::equals), run.toString());

        List<JsonNode> images = new ArrayList<>(List.of(run.path("original"), run.path("combined"),
                run.path("histogramOriginal"), run.path("histogramCombined")));
        run.path("independent").forEach(images::add);
        assertEquals(6, images.size());
        assertEquals("invert", run.path("independent").get(0).path("operation").asText());
        assertEquals("2", run.path("independent").get(1).path("parameters").path("radius").asText());
        for (JsonNode image : images) {
            HttpResponse<byte[]> file = stack.getBytes(image.path("url").asText());
            assertEquals(200, file.statusCode(), image.toString());
            assertTrue(file.headers().firstValue("Content-Type").orElse("").startsWith("image/"), image.toString());
            assertNotNull(ImageIO.read(new ByteArrayInputStream(file.body())), image + " is an image");
        }
        HttpResponse<byte[]> download = stack.getBytes(run.path("combined").path("download").asText());
        assertTrue(download.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment;"));

        JsonNode recent = stack.json("/api/runs");
        assertTrue(recent.findValuesAsText("id").contains(id), recent.toString());
    }

    @Test
    void aWebpUploadRunsThroughThePageAndItsPreviewIsMadeByTheServer() throws Exception {
        byte[] webp;
        try (var in = WebApiTest.class.getResourceAsStream("/formats/garden.webp")) {
            webp = in.readAllBytes();
        }
        HttpResponse<String> created = stack.upload("grayscale", "garden.webp", HttpRequest.BodyPublishers.ofByteArray(webp));
        assertEquals(201, created.statusCode(), created.body());
        String id = WebStack.JSON.readTree(created.body()).path("id").asText();
        assertTrue(id.endsWith(".webp"), id);

        JsonNode run = stack.awaitRun(id, WAIT);
        assertEquals("SUCCEEDED", run.path("status").asText(), run.toString());
        HttpResponse<byte[]> preview = stack.getBytes("/api/runs/" + id + "/preview");
        assertEquals(200, preview.statusCode());
        BufferedImage shown = ImageIO.read(new ByteArrayInputStream(preview.body()));
        assertNotNull(shown, "the WebP original is previewed as an image every browser shows");
        BufferedImage combined = ImageIO.read(new ByteArrayInputStream(stack.getBytes(run.path("combined").path("url").asText()).body()));
        assertEquals(shown.getWidth() * 1.0 / shown.getHeight(), combined.getWidth() * 1.0 / combined.getHeight(), 0.02);
    }

    @Test
    void refusesContentThatIsNotAnImageWhateverItsName() throws Exception {
        for (String content : List.of("just text pretending to be a JPEG", "GIF89a")) {
            HttpResponse<String> response = stack.upload("grayscale", "holiday.jpg", HttpRequest.BodyPublishers.ofString(content));
            assertEquals(415, response.statusCode(), content + " -> " + response.body());
            assertTrue(WebStack.JSON.readTree(response.body()).path("error").asText().contains("not an image"), response.body());
        }
        HttpResponse<String> empty = stack.upload("grayscale", "holiday.jpg", HttpRequest.BodyPublishers.noBody());
        assertEquals(400, empty.statusCode(), empty.body());
        assertNothingUploaded();
    }

    @Test
    void refusesAnUploadOverFiftyMegabytesWhileItStreams() throws Exception {
        long size = 50L * 1024 * 1024 + 1;
        byte[] start = Files.readAllBytes(TestPhotos.jpeg());
        // No Content-Length: the body arrives in chunks and is counted as it streams.
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.ofInputStream(() -> new InputStream() {
            private long sent;

            @Override
            public int read() {
                return sent < size ? (sent < start.length ? start[(int) sent++] & 0xff : (int) (sent++ & 0x7f)) : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (sent >= size) {
                    return -1;
                }
                int n = (int) Math.min(len, size - sent);
                for (int i = 0; i < n; i++) {
                    b[off + i] = (byte) read();
                }
                return n;
            }
        });
        HttpResponse<String> response = stack.upload("grayscale", "huge.jpg", body);
        assertEquals(413, response.statusCode(), response.body());
        assertTrue(WebStack.JSON.readTree(response.body()).path("error").asText().contains("larger than 50 MB"), response.body());
        assertNothingUploaded();
    }

    @Test
    void refusesABadChainWithTheParsersMessageBeforeUploading() throws Exception {
        HttpResponse<String> unknown = stack.upload("grayscale, blurr(radius=4)", "a.png", HttpRequest.BodyPublishers.ofByteArray(png(8, 8)));
        assertEquals(400, unknown.statusCode(), unknown.body());
        String message = WebStack.JSON.readTree(unknown.body()).path("error").asText();
        assertTrue(message.contains("unknown operation 'blurr'") && message.contains("did you mean 'blur'?"), message);

        HttpResponse<String> range = stack.upload("blur(radius=400)", "a.png", HttpRequest.BodyPublishers.ofByteArray(png(8, 8)));
        assertEquals(400, range.statusCode(), range.body());
        assertTrue(range.body().contains("0.5 to 100"), range.body());
        assertNothingUploaded();
    }

    @Test
    void noPathOrKeyFromTheClientReachesOutsideARunsOutputs() throws Exception {
        HttpResponse<String> created = stack.upload("", "plain.png", HttpRequest.BodyPublishers.ofByteArray(png(16, 16)));
        assertEquals(201, created.statusCode(), created.body());
        String id = WebStack.JSON.readTree(created.body()).path("id").asText();
        String other = "20260101T000000Z-000000000000.png";
        String key = "web/" + id + "/combined.png";

        for (String ambiguous : List.of("/api/runs/..%2F..%2Fpom.xml", "/api/runs/%2E%2E/%2E%2E/pom.xml")) {
            HttpResponse<String> refused = stack.get(ambiguous);
            assertEquals(400, refused.statusCode(), ambiguous + " is refused before it is routed");
            assertTrue(WebStack.JSON.readTree(refused.body()).path("error").asText().startsWith("the request was refused"), refused.body());
        }
        assertEquals(400, stack.get("/api/runs/..%2E").statusCode());
        assertEquals(400, stack.get("/api/runs/" + "photo.jpg").statusCode());
        assertEquals(404, stack.get("/api/runs/" + other).statusCode(), "a well-formed id of no run");
        for (String escape : List.of("web/" + other + "/combined.png", "web/" + id, "web/" + id + "/../" + other + "/manifest.json",
                "web/" + id + "//manifest.json", "../" + key, "/etc/passwd", key.replace("web/", "web\\"))) {
            HttpResponse<String> response = stack.get("/api/runs/" + id + "/file?key=" + URLEncoder.encode(escape, StandardCharsets.UTF_8));
            assertEquals(403, response.statusCode(), escape + " -> " + response.body());
        }
        assertEquals(403, stack.get("/api/runs/" + id + "/file").statusCode());
        assertEquals(404, stack.get("/api/runs/" + id + "/elsewhere").statusCode());
        assertEquals(400, stack.get("/../pom.xml").statusCode(), "a path above the root is refused before it is routed");
        assertEquals(404, stack.get("/dev/pixelstep/local/web/index.html").statusCode());
        assertEquals(405, stack.http.send(HttpRequest.newBuilder(stack.uri("/api/operations")).DELETE().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void thePageIsServedWithAStrictContentSecurityPolicy() throws Exception {
        HttpResponse<String> page = stack.get("/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<script src=\"/app.js\" defer></script>"));
        String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("default-src 'none'") && policy.contains("script-src 'self'"), policy);
        assertFalse(page.body().contains("http://") || page.body().contains("https://"), "no external resources");
        HttpResponse<String> css = stack.get("/app.css");
        assertEquals(200, css.statusCode());
        assertTrue(css.headers().firstValue("Content-Type").orElse("").startsWith("text/css"));
        assertTrue(css.body().contains(".grid-cols-1"), "the compiled Tailwind stylesheet");
        assertEquals(200, stack.get("/app.js").statusCode());
        HttpResponse<String> head = stack.http.send(HttpRequest.newBuilder(stack.uri("/")).method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
        assertEquals(String.valueOf(page.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length),
                head.headers().firstValue("Content-Length").orElse(""), "HEAD tells the page's length without sending it");
    }

    /** Regression: anyone who can reach the S3 port could plant such a key and break the page's list of runs. */
    @Test
    void aPlantedKeyWithAControlCharacterDoesNotBreakTheListOfRuns() throws Exception {
        stack.pipeline.storage().client().putObject(b -> b.bucket(WebStack.INPUT).key("web/planted\u0001\u001b.png"),
                software.amazon.awssdk.core.sync.RequestBody.fromString("not an image"));
        HttpResponse<String> runs = stack.get("/api/runs");
        assertEquals(200, runs.statusCode(), runs.body());
    }

    /** Issue 16 item 6: a run uploaded by another S3 client (as {@code pixelstep run} does) is listed and opens by its id. */
    @Test
    void runsFromAnyS3ClientAreListedAndOpenByTheirId() throws Exception {
        String key = "photos/20261126-101500-123-from the CLI é.png";
        stack.pipeline.storage().client().putObject(b -> b.bucket(WebStack.INPUT).key(key).contentType("image/png")
                        .metadata(java.util.Map.of("operations", "invert", "original-filename", "from the CLI.png")),
                software.amazon.awssdk.core.sync.RequestBody.fromBytes(png(40, 30)));
        String id = RunId.ofKey(key).value();
        assertTrue(id.matches("s3-[A-Za-z0-9_-]+"), id);
        JsonNode run = stack.awaitRun(id, WAIT);
        assertEquals("SUCCEEDED", run.path("status").asText(), run.toString());
        assertEquals("from the CLI.png", run.path("filename").asText());
        assertEquals(key, run.path("key").asText());
        assertEquals("invert", run.path("chain").asText());
        assertEquals(200, stack.getBytes(run.path("combined").path("url").asText()).statusCode());
        assertEquals(200, stack.getBytes(run.path("combined").path("preview").asText()).statusCode());
        JsonNode recent = stack.json("/api/runs");
        assertTrue(recent.findValuesAsText("id").contains(id), "listed among the recent runs: " + recent);

        // No file name in the metadata (the AWS CLI's plain cp): the key's last segment names it.
        String bare = "elsewhere/bare.png";
        stack.pipeline.storage().client().putObject(b -> b.bucket(WebStack.INPUT).key(bare).contentType("image/png"),
                software.amazon.awssdk.core.sync.RequestBody.fromBytes(png(20, 10)));
        JsonNode plain = stack.awaitRun(RunId.ofKey(bare).value(), WAIT);
        assertEquals("bare.png", plain.path("filename").asText(), plain.toString());
    }

    /**
     * Issue 18: a real bulk run of the local runtime (its published state machine, started by its request document
     * as {@code pixelstep reprocess} starts it) is listed with the summary's counts, chain and prefix, and its failed
     * key opens as a run of the page with the pipeline's error.
     */
    @Test
    void aBulkRunIsListedWithItsSummarysCountsAndItsFailedKeyOpensAsARun() throws Exception {
        var s3 = stack.pipeline.storage().client();
        String broken = "bulkweb/broken é.png";
        for (String key : List.of("bulkweb/1.png", "bulkweb/2.png", "bulkweb/sub/3.png")) {
            s3.putObject(b -> b.bucket(WebStack.INPUT).key(key).contentType("image/png"),
                    software.amazon.awssdk.core.sync.RequestBody.fromBytes(png(24, 16)));
        }
        s3.putObject(b -> b.bucket(WebStack.INPUT).key(broken).contentType("image/png"),
                software.amazon.awssdk.core.sync.RequestBody.fromString("not an image"));
        s3.putObject(b -> b.bucket(WebStack.INPUT).key("bulkweb/folder/"), software.amazon.awssdk.core.sync.RequestBody.empty());
        String name = "web-api-bulk";
        String request = WebStack.JSON.createObjectNode().put("bucket", WebStack.INPUT).put("prefix", "bulkweb/")
                .put("operations", "invert").put("maxConcurrency", 2).put("toleratedFailurePercentage", 50).toString();
        s3.putObject(b -> b.bucket(WebStack.OUTPUT).key(dev.pixelstep.local.runtime.BulkProgress.requestKey(name)).contentType("application/json"),
                software.amazon.awssdk.core.sync.RequestBody.fromString(request));

        String summaryKey = dev.pixelstep.statemachine.BulkReprocessDefinition.summaryKey(name);
        long deadline = System.nanoTime() + WAIT.toNanos();
        dev.pixelstep.statemachine.BulkSummary summary = null;
        while (summary == null && System.nanoTime() < deadline) {
            try {
                summary = dev.pixelstep.statemachine.BulkSummary.parse(
                        s3.getObjectAsBytes(b -> b.bucket(WebStack.OUTPUT).key(summaryKey)).asByteArray());
            } catch (software.amazon.awssdk.services.s3.model.NoSuchKeyException e) {
                Thread.sleep(200);
            }
        }
        assertNotNull(summary, "the bulk run wrote no summary within " + WAIT);
        assertEquals(new dev.pixelstep.statemachine.BulkSummary.Counts(5, 3, 1, 1, 0), summary.counts());

        JsonNode listed = null;
        for (JsonNode run : stack.json("/api/bulk-runs")) {
            if (run.path("name").asText().equals(name)) {
                listed = run;
            }
        }
        assertNotNull(listed, "the bulk run is listed");
        assertEquals(summary.status(), listed.path("status").asText());
        assertEquals(summary.counts().total(), listed.path("total").asLong());
        assertEquals(summary.counts().succeeded(), listed.path("succeeded").asLong());
        assertEquals(summary.counts().failed(), listed.path("failed").asLong());
        assertEquals(summary.counts().skipped(), listed.path("skipped").asLong());
        assertEquals(5, listed.path("done").asLong());
        assertEquals("invert", listed.path("chain").asText());
        assertEquals("bulkweb/", listed.path("prefix").asText());
        assertFalse(listed.path("startedAt").asText().isEmpty(), listed.toString());
        assertEquals(1, listed.path("failedItems").size(), listed.toString());
        JsonNode failed = listed.path("failedItems").get(0);
        assertEquals(broken, failed.path("key").asText());
        assertEquals(summary.failed().get(0).error().type(), failed.path("errorType").asText());
        assertEquals(RunId.ofKey(broken).value(), failed.path("id").asText());

        JsonNode run = stack.json("/api/runs/" + failed.path("id").asText());
        assertEquals("FAILED", run.path("status").asText(), run.toString());
        assertEquals(broken, run.path("key").asText());
        assertFalse(run.path("error").path("message").asText().isEmpty(), run.toString());
    }

    /** Issue 16 item 5: tiles load previews of at most 1,024 pixels, made once and kept, revalidated by ETag. */
    @Test
    void previewsAreDisplaySizedMadeOnceKeptAndRevalidated() throws Exception {
        HttpResponse<String> created = stack.upload("grayscale", "wide.png", HttpRequest.BodyPublishers.ofByteArray(png(2400, 1600)));
        assertEquals(201, created.statusCode(), created.body());
        String id = WebStack.JSON.readTree(created.body()).path("id").asText();
        JsonNode run = stack.awaitRun(id, WAIT);
        assertEquals("SUCCEEDED", run.path("status").asText(), run.toString());
        Path cache = dev.pixelstep.local.DataDirectory.of(data).previews();
        for (String image : List.of("original", "combined")) {
            String url = run.path(image).path("preview").asText();
            assertTrue(url.startsWith("/api/runs/" + id + "/preview"), url);
            HttpResponse<byte[]> first = stack.getBytes(url);
            assertEquals(200, first.statusCode(), image);
            BufferedImage preview = ImageIO.read(new ByteArrayInputStream(first.body()));
            assertEquals(1024, preview.getWidth(), image);
            assertEquals(683, preview.getHeight(), image);
            String etag = first.headers().firstValue("ETag").orElseThrow();
            HttpResponse<byte[]> again = stack.http.send(HttpRequest.newBuilder(stack.uri(url)).header("If-None-Match", etag).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(304, again.statusCode(), "a reopened run costs no image bytes");
            assertEquals(0, again.body().length);
        }
        List<Path> kept;
        try (var files = Files.list(cache)) {
            kept = files.filter(f -> f.toString().endsWith(".jpg")).toList();
        }
        java.util.Map<Path, java.nio.file.attribute.FileTime> made = new java.util.HashMap<>();
        for (Path file : kept) {
            made.put(file, Files.getLastModifiedTime(file));
        }
        stack.getBytes(run.path("original").path("preview").asText());
        stack.getBytes(run.path("combined").path("preview").asText());
        try (var files = Files.list(cache)) {
            assertEquals(kept.size(), files.filter(f -> f.toString().endsWith(".jpg")).count(), "made once per image");
        }
        for (Path file : kept) {
            assertEquals(made.get(file), Files.getLastModifiedTime(file), "not made again: " + file);
        }
        String other = "/api/runs/" + id + "/preview?key=" + URLEncoder.encode("web/20260101T000000Z-000000000000.png/combined.png", StandardCharsets.UTF_8);
        assertEquals(403, stack.get(other).statusCode(), "only the run's own outputs");
    }

    @Test
    void aTransparentImageGetsAPngPreviewAndWhatJavaCannotDecodeIsSentAsItIs() throws Exception {
        BufferedImage clear = new BufferedImage(1500, 300, BufferedImage.TYPE_INT_ARGB);
        clear.setRGB(10, 10, 0x80ff0000);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(clear, "png", png);
        var s3 = stack.pipeline.storage().client();
        s3.putObject(b -> b.bucket(WebStack.INPUT).key("previews/clear.png").contentType("image/png"),
                software.amazon.awssdk.core.sync.RequestBody.fromBytes(png.toByteArray()));
        HttpResponse<byte[]> preview = stack.getBytes("/api/runs/" + RunId.ofKey("previews/clear.png").value() + "/preview");
        assertEquals(200, preview.statusCode());
        assertEquals("image/png", preview.headers().firstValue("Content-Type").orElse(""));
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(preview.body()));
        assertEquals(1024, small.getWidth());
        assertTrue(small.getColorModel().hasAlpha(), "transparency kept");

        byte[] notAnImage = "RIFF....WEBPVP8 not something ImageIO reads".getBytes(StandardCharsets.US_ASCII);
        s3.putObject(b -> b.bucket(WebStack.INPUT).key("previews/other.webp").contentType("image/webp"),
                software.amazon.awssdk.core.sync.RequestBody.fromBytes(notAnImage));
        HttpResponse<byte[]> original = stack.getBytes("/api/runs/" + RunId.ofKey("previews/other.webp").value() + "/preview");
        assertEquals(200, original.statusCode());
        assertTrue(Arrays.equals(notAnImage, original.body()), "sent as it is, for the browser to show if it can");
        assertEquals(404, stack.get("/api/runs/" + RunId.ofKey("previews/missing.png").value() + "/preview").statusCode());
    }

    /**
     * Previews are upright: a JPEG stored 1200x600 with red in its stored top-left corner and EXIF
     * Orientation 1 to 8 gets a preview with the sides swapped for 5 to 8 and the red where the
     * upright image has it (the mapping of {@code dev.pixelstep.s3.ExifOrientation}, the functions' too).
     */
    @Test
    void previewsApplyTheExifOrientation() throws Exception {
        BufferedImage stored = new BufferedImage(1200, 600, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 600; y++) {
            for (int x = 0; x < 1200; x++) {
                stored.setRGB(x, y, x < 300 && y < 300 ? 0xFF0000 : 0x0000FF);
            }
        }
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(stored, "jpeg", plain);
        // where the stored top-left corner lands upright, per orientation: TL, TR, BR, BL
        String[] redCorner = {null, "TL", "TR", "BR", "BL", "TL", "TR", "BR", "BL"};
        var s3 = stack.pipeline.storage().client();
        for (int orientation = 1; orientation <= 8; orientation++) {
            String key = "previews/turned-" + orientation + ".jpg";
            byte[] jpeg = ExifFixture.inJpeg(plain.toByteArray(), ExifFixture.tiff(orientation, java.nio.ByteOrder.LITTLE_ENDIAN));
            s3.putObject(b -> b.bucket(WebStack.INPUT).key(key).contentType("image/jpeg"),
                    software.amazon.awssdk.core.sync.RequestBody.fromBytes(jpeg));

            HttpResponse<byte[]> response = stack.getBytes("/api/runs/" + RunId.ofKey(key).value() + "/preview");

            assertEquals(200, response.statusCode(), key);
            BufferedImage preview = ImageIO.read(new ByteArrayInputStream(response.body()));
            boolean swapped = orientation >= 5;
            assertEquals(swapped ? 512 : 1024, preview.getWidth(), key);
            assertEquals(swapped ? 1024 : 512, preview.getHeight(), key);
            int w = preview.getWidth() - 1;
            int h = preview.getHeight() - 1;
            java.util.Map<String, Integer> corners = java.util.Map.of("TL", preview.getRGB(2, 2), "TR", preview.getRGB(w - 2, 2),
                    "BR", preview.getRGB(w - 2, h - 2), "BL", preview.getRGB(2, h - 2));
            for (var corner : corners.entrySet()) {
                boolean red = (corner.getValue() >> 16 & 0xff) > 200 && (corner.getValue() & 0xff) < 60;
                assertEquals(corner.getKey().equals(redCorner[orientation]), red, key + " corner " + corner.getKey());
            }
        }
    }

    /** A run's id may be derived from a guessable key: its images are the page's alone, not another site's to embed. */
    @Test
    void imagesOfRunsAreRefusedToOtherSites() throws Exception {
        HttpResponse<String> created = stack.upload("", "mine.png", HttpRequest.BodyPublishers.ofByteArray(png(16, 16)));
        String id = WebStack.JSON.readTree(created.body()).path("id").asText();
        for (String path : List.of("/original", "/preview")) {
            HttpResponse<String> crossSite = stack.http.send(HttpRequest.newBuilder(stack.uri("/api/runs/" + id + path))
                    .header("Sec-Fetch-Site", "cross-site").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(403, crossSite.statusCode(), path);
            HttpResponse<String> sameOrigin = stack.http.send(HttpRequest.newBuilder(stack.uri("/api/runs/" + id + path))
                    .header("Sec-Fetch-Site", "same-origin").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, sameOrigin.statusCode(), path);
        }
    }

    private static void assertNothingUploaded() throws Exception {
        for (JsonNode run : stack.json("/api/runs")) {
            String filename = run.path("filename").asText();
            assertFalse(filename.equals("holiday.jpg") || filename.equals("huge.jpg") || filename.equals("a.png"), run.toString());
        }
    }

    private static JsonNode find(JsonNode operations, String name) {
        for (JsonNode op : operations) {
            if (op.path("name").asText().equals(name)) {
                return op;
            }
        }
        throw new AssertionError("no operation " + name + " in " + operations);
    }

    static byte[] png(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x * 255 / width) << 16 | (y * 255 / height) << 8 | 0x40);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
