package dev.pixelstep.local.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pixelstep.local.Artifacts;
import dev.pixelstep.local.lambda.LambdaLayout;
import dev.pixelstep.local.pipeline.LocalPipeline;
import dev.pixelstep.testkit.photos.TestPhotos;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.net.URLClassLoader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The page in AWS mode. S3Proxy stands in for S3 (an endpoint override), and a local pipeline on
 * another data directory plays the deployment: it reacts to the uploads in that S3 and writes the
 * outputs and the manifest, which is all the AWS backend looks at.
 */
class AwsBackendTest {

    private static final Duration WAIT = Duration.ofMinutes(2);

    @TempDir
    static Path deployment;
    @TempDir
    static Path client;
    private static LocalPipeline pipeline;
    private static URLClassLoader operations;
    private static AwsBackend backend;
    private static WebStack web;

    @BeforeAll
    static void start() {
        pipeline = WebStack.startPipeline(deployment);
        operations = LambdaLayout.prepare(client.resolve("layout"), Artifacts.extract(Artifacts.FUNCTION_ZIP, client),
                List.of(Artifacts.extract(Artifacts.LAYER_ZIP, client), WebStack.pluginLayer()))
                .layerClassLoader("pixelstep-web-operations");
        backend = AwsBackend.connect(new AwsBackend.Settings(Region.EU_WEST_1, WebStack.INPUT, WebStack.OUTPUT, pipeline.endpoint(),
                pipeline.storage().credentials().provider()), operations);
        web = WebStack.over(WebServer.start(backend, "127.0.0.1", 0, new PrintStream(System.out, true)));
    }

    @AfterAll
    static void stop() throws Exception {
        web.close();
        backend.close();
        operations.close();
        pipeline.close();
    }

    @Test
    void uploadsWaitForTheManifestAndServeImagesThroughPresignedUrls() throws Exception {
        JsonNode config = web.json("/api/config");
        assertEquals("aws", config.path("mode").asText());
        assertTrue(web.json("/api/operations").findValuesAsText("name").contains("duotone"), "plugin layers are offered too");

        HttpResponse<String> created = web.upload("sepia, blur(radius=2)", "Bucket photo.jpg",
                HttpRequest.BodyPublishers.ofFile(TestPhotos.jpeg()));
        assertEquals(201, created.statusCode(), created.body());
        String id = WebStack.JSON.readTree(created.body()).path("id").asText();
        JsonNode run = web.awaitRun(id, WAIT);

        assertEquals("SUCCEEDED", run.path("status").asText(), run.toString());
        assertEquals("manifest", run.path("progressFrom").asText());
        assertEquals(0, run.path("states").size(), "Step Functions' history is not read on AWS");
        assertEquals("Bucket photo.jpg", run.path("filename").asText());
        List<JsonNode> images = new ArrayList<>(List.of(run.path("original"), run.path("combined"), run.path("histogramOriginal"),
                run.path("histogramCombined")));
        run.path("independent").forEach(images::add);
        assertEquals(6, images.size());
        for (JsonNode image : images) {
            String url = image.path("url").asText();
            assertTrue(url.startsWith(pipeline.endpoint() + "/") && url.contains("X-Amz-Signature=") && url.contains("X-Amz-Expires=1800"), url);
            HttpResponse<byte[]> file = web.getBytes(url);
            assertEquals(200, file.statusCode(), url);
            assertNotNull(ImageIO.read(new ByteArrayInputStream(file.body())), url + " is an image");
            assertTrue(image.path("download").asText().contains("response-content-disposition=attachment"), image.toString());
        }
        String policy = web.get("/").headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("img-src 'self' blob: " + pipeline.endpoint() + ";"), policy);
        assertTrue(web.json("/api/runs").findValuesAsText("id").contains(id));
    }

    @Test
    void aFailedManifestIsReportedWithItsMessage() throws Exception {
        byte[] cut = Arrays.copyOf(Files.readAllBytes(TestPhotos.jpeg()), 4096);
        HttpResponse<String> created = web.upload("grayscale", "cut.jpg", HttpRequest.BodyPublishers.ofByteArray(cut));
        assertEquals(201, created.statusCode(), created.body());
        JsonNode run = web.awaitRun(WebStack.JSON.readTree(created.body()).path("id").asText(), WAIT);
        assertEquals("FAILED", run.path("status").asText());
        assertEquals("UnsupportedImageException", run.at("/error/type").asText(), run.toString());
        assertTrue(run.at("/error/message").asText().contains("truncated"), run.toString());
    }

    @Test
    void theSameBucketForInputAndOutputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> AwsBackend.Settings.aws(Region.EU_WEST_1, "photos", "photos"));
    }
}
