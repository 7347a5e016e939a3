package dev.pixelstep.local.cli;

import dev.pixelstep.local.Artifacts;
import dev.pixelstep.local.RuntimeConfig;
import dev.pixelstep.local.runtime.LocalRuntime;
import dev.pixelstep.local.storage.S3Credentials;
import dev.pixelstep.testkit.photos.TestPhotos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pixelstep command as a user runs it. */
class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int pixelstep(String... args) {
        return Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static Path pluginLayer() {
        return Path.of(System.getProperty("pixelstep.plugin.layer"));
    }

    @Test
    void usageErrorsExitWithTwoAndSayWhatToChange(@TempDir Path dir) throws Exception {
        assertEquals(2, pixelstep());
        assertTrue(out().contains("usage: pixelstep"));
        assertTrue(out().contains("--web-port"), "serve's web options are documented");
        assertEquals(2, pixelstep("frobnicate"));
        assertTrue(err().contains("unknown command 'frobnicate'"), err());
        assertEquals(2, pixelstep("run", dir.resolve("missing.jpg").toString(), "--ops", "grayscale", "--data", dir.toString()));
        assertTrue(err().contains("missing.jpg: no such file"), err());
        Path text = Files.writeString(dir.resolve("notes.jpg"), "not an image");
        assertEquals(2, pixelstep("run", text.toString(), "--ops", "grayscale", "--data", dir.toString()));
        assertTrue(err().contains("is not an image"), err());
        assertEquals(2, pixelstep("serve", "--colour", "blue"));
        assertTrue(err().contains("unknown option --colour"), err());
        assertEquals(2, pixelstep("serve", "--aws", "--input-bucket", "in-bucket", "--output-bucket", "out-bucket"));
        assertTrue(err().contains("--region"), err());
        assertEquals(2, pixelstep("serve", "--aws", "--region", "eu-west-1", "--input-bucket", "same-bucket",
                "--output-bucket", "same-bucket"));
        assertTrue(err().contains("differ") || err().contains("same"), err());
        assertEquals(2, pixelstep("serve", "--aws", "--concurrency", "4"));
        assertTrue(err().contains("--concurrency is for the local stack"), err());
        assertTrue(out().contains("--state-machine-arn"), "the AWS mode's history option is documented");
        assertEquals(2, pixelstep("serve", "--state-machine-arn", "arn:aws:states:eu-west-1:123456789012:stateMachine:p"));
        assertTrue(err().contains("--state-machine-arn is for --aws only"), err());
        assertEquals(2, pixelstep("serve", "--aws", "--region", "eu-west-1", "--input-bucket", "in-bucket", "--output-bucket", "out-bucket",
                "--state-machine-arn", "arn:aws:states:eu-west-1:123456789012:execution:p:run-1"));
        assertTrue(err().contains("is not a state machine ARN"), err());
    }

    @Test
    void operationsListsBuiltInsAndPluginLayerOperationsWithTheirParameters(@TempDir Path dir) {
        assertEquals(0, pixelstep("operations", "--data", dir.toString(), "--layer", pluginLayer().toString()), err());
        String listing = out();
        assertTrue(listing.contains("grayscale - "), listing);
        assertTrue(listing.lines().anyMatch(l -> l.strip().startsWith("radius") && l.contains("double")), listing);
        assertTrue(listing.contains("duotone - "), "the plugin layer's operation is listed:\n" + listing);
        assertTrue(listing.lines().anyMatch(l -> l.strip().startsWith("dark") && l.contains("color")), listing);
        assertTrue(listing.startsWith("55 operations"), "54 built-ins and the plugin's: " + listing.lines().findFirst().orElse(""));
        assertEquals(1, listing.lines().filter(l -> l.startsWith("    ")).map(l -> l.indexOf("  default ")).distinct().count(),
                "the columns line up, the longest parameter name (without-enlargement) included:\n" + listing);
    }

    @Test
    void aBadChainIsRefusedBeforeAnythingIsUploaded(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        assertEquals(2, pixelstep("run", TestPhotos.jpeg().toString(), "--ops", "grayscale, blurr(radius=4)",
                "--data", data.toString(), "--out", dir.resolve("out").toString()), err());
        assertTrue(err().contains("unknown operation 'blurr'"), err());
        try (Stream<Path> stored = Files.walk(data.resolve("objects/buckets/pixelstep-input"))) {
            assertFalse(stored.anyMatch(Files::isRegularFile), "nothing was uploaded");
        }
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void runProcessesAPhotoWithAPluginOperationAndDownloadsEveryOutput(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Path outputs = dir.resolve("out");
        int status = pixelstep("run", TestPhotos.jpeg().toString(), "--ops", "grayscale, duotone(dark=#102040, light=#ffe0a0)",
                "--data", data.toString(), "--out", outputs.toString(), "--layer", pluginLayer().toString());
        assertEquals(0, status, out() + err());
        assertTrue(out().contains("SUCCEEDED"), out());
        for (String file : List.of("combined.jpg", "independent/01-grayscale.jpg", "independent/02-duotone.jpg",
                "histogram-original.json", "histogram-original.png", "histogram-combined.json", "histogram-combined.png",
                "manifest.json")) {
            assertTrue(Files.size(outputs.resolve(file)) > 0, file);
        }
        assertNotNull(ImageIO.read(outputs.resolve("independent/02-duotone.jpg").toFile()));
        assertTrue(out().contains("ProcessAndAnalyseOriginal"), "per-state timings are shown:\n" + out());

        out.reset();
        assertEquals(0, pixelstep("executions", "--data", data.toString()));
        assertTrue(out().contains("SUCCEEDED"), out());
        assertTrue(out().contains(TestPhotos.jpeg().getFileName().toString()), out());
    }

    @Test
    void runProcessesAWebpAndAnExifRotatedPhotoUpright(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Path webp = dir.resolve("garden.webp");
        try (var in = MainTest.class.getResourceAsStream("/formats/garden.webp")) {
            Files.copy(in, webp);
        }
        int status = pixelstep("run", webp.toString(), "--ops", "grayscale", "--data", data.toString(), "--out", dir.resolve("webp").toString());
        assertEquals(0, status, out() + err());
        java.awt.image.BufferedImage grey = ImageIO.read(dir.resolve("webp/combined.png").toFile());
        assertEquals(480, grey.getWidth());
        assertEquals(300, grey.getHeight());

        // a phone photo: the pixels stored landscape, EXIF Orientation 6 (turn 90 degrees clockwise to view)
        byte[] photo = Files.readAllBytes(TestPhotos.jpeg());
        java.awt.image.BufferedImage stored = ImageIO.read(TestPhotos.jpeg().toFile());
        Path phone = Files.write(dir.resolve("phone.jpg"), withExifOrientation(photo, 6));
        out.reset();
        status = pixelstep("run", phone.toString(), "--ops", "invert", "--data", data.toString(), "--out", dir.resolve("phone").toString());
        assertEquals(0, status, out() + err());
        java.awt.image.BufferedImage upright = ImageIO.read(dir.resolve("phone/combined.jpg").toFile());
        assertEquals(stored.getHeight() + "x" + stored.getWidth(), upright.getWidth() + "x" + upright.getHeight(), "turned upright");
        // the upright top-left corner is the stored bottom-left corner (inverted)
        int n = 64;
        for (int shift = 0; shift < 24; shift += 8) {
            double expected = 0;
            double actual = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    expected += 255 - (stored.getRGB(i, stored.getHeight() - 1 - j) >> shift & 0xff);
                    actual += upright.getRGB(j, i) >> shift & 0xff;
                }
            }
            assertTrue(Math.abs(expected - actual) / (n * n) < 4, "channel " + shift + ": " + expected / (n * n) + " vs " + actual / (n * n));
        }
        assertEquals(stored.getHeight(), new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(dir.resolve("phone/histogram-original.json").toFile()).path("width").asInt(), "the histogram is of the upright original");
        var manifest = dev.pixelstep.statemachine.Manifest.parse(Files.readAllBytes(dir.resolve("phone/manifest.json")));
        var combined = manifest.outputs().files().get(0);
        assertEquals("jpeg", combined.format());
        assertEquals(stored.getHeight() + "x" + stored.getWidth(), combined.width() + "x" + combined.height());
        assertEquals(Files.size(dir.resolve("phone/combined.jpg")), combined.bytes(), "the manifest lists each output's byte count");
    }

    /** {@code jpeg} with an APP1 Exif segment holding only the Orientation tag, right after SOI. */
    private static byte[] withExifOrientation(byte[] jpeg, int orientation) {
        java.nio.ByteBuffer tiff = java.nio.ByteBuffer.allocate(6 + 8 + 2 + 12 + 4);
        tiff.put("Exif\0\0".getBytes(StandardCharsets.US_ASCII)).put(new byte[]{'M', 'M', 0, 42}).putInt(8)
                .putShort((short) 1).putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0)
                .putInt(0);
        byte[] exif = tiff.array();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xff);
        out.write(0xe1);
        out.write((exif.length + 2) >> 8);
        out.write((exif.length + 2) & 0xff);
        out.write(exif, 0, exif.length);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    @Test
    void runUsesAStackAlreadyRunningOnTheDataDirectoryWithTheCredentialsKeptThere(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        RuntimeConfig config = new RuntimeConfig(data, "127.0.0.1", 0, RuntimeConfig.DEFAULT_INPUT_BUCKET, RuntimeConfig.DEFAULT_OUTPUT_BUCKET, 1,
                Artifacts.extract(Artifacts.FUNCTION_ZIP, data.resolve("artifacts")), List.of(Artifacts.extract(Artifacts.LAYER_ZIP, data.resolve("artifacts"))));
        try (LocalRuntime serve = LocalRuntime.start(config, new PrintStream(OutputStream.nullOutputStream()))) {
            // A file name that is not ASCII: metadata travels in HTTP headers, so it must be sent RFC 2047-encoded.
            Path small = dir.resolve("petit café – été.png");
            ImageIO.write(new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", small.toFile());
            int status = pixelstep("run", small.toString(), "--ops", "grayscale", "--data", data.toString(), "--out", dir.resolve("out").toString());
            assertEquals(0, status, out() + err());
            assertTrue(out().contains("Using the pixelstep running at " + serve.endpoint()), out());
            assertTrue(out().contains("SUCCEEDED"), out());
            assertEquals(serve.storage().credentials(), S3Credentials.read(data).orElseThrow(), "the data directory's credentials");
            var s3 = serve.storage().client();
            String key = s3.listObjectsV2(b -> b.bucket(RuntimeConfig.DEFAULT_INPUT_BUCKET)).contents().get(0).key();
            var metadata = s3.headObject(b -> b.bucket(RuntimeConfig.DEFAULT_INPUT_BUCKET).key(key)).metadata();
            assertTrue(metadata.get("original-filename").chars().allMatch(c -> c < 0x80), "sent as ASCII: " + metadata);
            assertEquals("petit café – été.png", dev.pixelstep.s3.UserMetadata.decode(metadata.get(dev.pixelstep.s3.UserMetadata.ORIGINAL_FILENAME)), metadata.toString());
            assertEquals("grayscale", metadata.get("operations"));
        }
    }

    @Test
    void aFailedRunExitsWithOneAndPrintsTheError(@TempDir Path dir) throws Exception {
        Path whole = dir.resolve("whole.png");
        ImageIO.write(new java.awt.image.BufferedImage(64, 64, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", whole.toFile());
        byte[] bytes = Files.readAllBytes(whole);
        Path truncated = Files.write(dir.resolve("truncated.png"), java.util.Arrays.copyOf(bytes, 40));
        int status = pixelstep("run", truncated.toString(), "--ops", "grayscale",
                "--data", dir.resolve("data").toString(), "--out", dir.resolve("out").toString());
        assertEquals(1, status, out() + err());
        assertTrue(out().contains("FAILED"), out());
        assertTrue(out().contains("UnsupportedImageException"), out());
    }
}
