package dev.pixelstep.functions.processor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pixelstep.functions.config.FunctionConfig;
import dev.pixelstep.functions.internal.image.ImageLimits;
import dev.pixelstep.functions.support.Buckets;
import dev.pixelstep.functions.support.Events;
import dev.pixelstep.functions.support.Invoke;
import dev.pixelstep.functions.support.S3ProxyExtension;
import dev.pixelstep.functions.support.S3ProxyServer;
import dev.pixelstep.functions.support.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The processor against a real S3 API (S3Proxy on loopback), with the real built-in operations. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(S3ProxyExtension.class)
class ProcessorHandlerTest {

    private final S3ProxyServer s3;

    ProcessorHandlerTest(S3ProxyServer s3) {
        this.s3 = s3;
    }



    /** A fresh input and output bucket and a handler writing to the output bucket. */
    final class Setup {
        final String in = Buckets.fresh("in");
        final String out = Buckets.fresh("out");
        final ProcessorHandler handler;

        Setup() {
            this(ImageLimits.defaults());
        }

        Setup(ImageLimits limits) {
            s3.createBucket(in);
            s3.createBucket(out);
            handler = new ProcessorHandler(new FunctionConfig(out, limits, Optional.of(s3.endpoint()), true), s3.client());
        }

        void upload(String key, byte[] bytes, String operations) {
            s3.put(in, key, bytes, operations == null ? Map.of() : Map.of("operations", operations));
        }

        JsonNode process(String key) {
            return Invoke.handler(handler, Events.with("processor-input.json", Map.of("bucket", in, "key", key)));
        }
    }

    @Test
    void processesRealPhotoWithGrayscaleBlurAndSepia() throws IOException {
        Setup setup = new Setup();
        byte[] photo = TestImages.photo();
        setup.upload("photos/holiday.jpg", photo, "grayscale, blur(radius=4), sepia");

        JsonNode result = setup.process("photos/holiday.jpg");

        JsonNode input = result.get("input");
        assertEquals(setup.in, input.get("bucket").asText());
        assertEquals("photos/holiday.jpg", input.get("key").asText());
        assertEquals(photo.length, input.get("size").asLong());
        assertEquals(2560, input.get("width").asInt());
        assertEquals(1600, input.get("height").asInt());
        assertEquals("jpeg", input.get("format").asText());
        assertEquals(setup.out, result.get("outputBucket").asText());
        assertEquals("grayscale, blur(radius=4), sepia", result.get("chain").asText());
        JsonNode operations = result.get("operations");
        assertEquals(3, operations.size());
        assertEquals(1, operations.get(0).get("index").asInt());
        assertEquals("grayscale", operations.get(0).get("name").asText());
        assertEquals("blur", operations.get(1).get("name").asText());
        assertEquals("4", operations.get(1).get("parameters").get("radius").asText());
        assertEquals("1", operations.get(2).get("parameters").get("intensity").asText(), "defaults are listed too");
        assertEquals("sepia", operations.get(2).get("name").asText());
        assertEquals("photos/holiday.jpg/combined.jpg", result.get("outputs").get("combined").asText());
        assertEquals(List.of("photos/holiday.jpg/independent/01-grayscale.jpg", "photos/holiday.jpg/independent/02-blur.jpg",
                "photos/holiday.jpg/independent/03-sepia.jpg"), texts(result.get("outputs").get("independent")));
        assertTrue(result.get("timingsMs").has("total"));

        List<String> expectedKeys = new ArrayList<>(texts(result.get("outputs").get("independent")));
        expectedKeys.add(0, "photos/holiday.jpg/combined.jpg");
        assertEquals(expectedKeys.stream().sorted().toList(), s3.keys(setup.out));
        for (String key : expectedKeys) {
            assertEquals("image/jpeg", s3.contentType(setup.out, key));
            BufferedImage image = decode(s3.get(setup.out, key));
            assertEquals(2560, image.getWidth());
            assertEquals(1600, image.getHeight());
        }
        BufferedImage gray = decode(s3.get(setup.out, "photos/holiday.jpg/independent/01-grayscale.jpg"));
        assertTrue(maxChannelSpread(gray) <= 6, "grayscale output has colour: spread " + maxChannelSpread(gray));
        BufferedImage sepia = decode(s3.get(setup.out, "photos/holiday.jpg/independent/03-sepia.jpg"));
        assertTrue(averageRedMinusBlue(sepia) > 10, "sepia output is not warm");
    }

    @Test
    void outputsAreByteIdenticalAcrossRuns() {
        Setup first = new Setup();
        Setup second = new Setup();
        byte[] jpeg = TestImages.jpeg(300, 200);
        byte[] png = TestImages.png(120, 90, true);
        for (Setup setup : List.of(first, second)) {
            setup.upload("a.jpg", jpeg, "grayscale, blur(radius=2.5), sepia");
            setup.upload("b.png", png, "sepia, blur");
            setup.process("a.jpg");
            setup.process("b.png");
        }
        List<String> keys = s3.keys(first.out);
        assertEquals(7, keys.size());
        assertEquals(keys, s3.keys(second.out));
        for (String key : keys) {
            assertArrayEquals(s3.get(first.out, key), s3.get(second.out, key), key);
        }
    }

    @Test
    void missingOperationsMetadataReencodesTheOriginalOnly() throws IOException {
        Setup setup = new Setup();
        setup.upload("plain.jpg", TestImages.jpeg(64, 48), null);

        JsonNode result = setup.process("plain.jpg");

        assertEquals("", result.get("chain").asText());
        assertEquals(0, result.get("operations").size());
        assertEquals(0, result.get("outputs").get("independent").size());
        assertEquals(List.of("plain.jpg/combined.jpg"), s3.keys(setup.out));
        assertEquals(64, decode(s3.get(setup.out, "plain.jpg/combined.jpg")).getWidth());
    }

    @Test
    void blankOperationsMetadataIsTheEmptyChain() {
        Setup setup = new Setup();
        setup.upload("blank.png", TestImages.png(10, 10, false), "   ");

        JsonNode result = setup.process("blank.png");

        assertEquals(List.of("blank.png/combined.png"), s3.keys(setup.out));
        assertEquals(0, result.get("outputs").get("independent").size());
    }

    @Test
    void pngInputGivesPngOutputsThatKeepTransparency() throws IOException {
        Setup setup = new Setup();
        setup.upload("alpha.png", TestImages.png(80, 60, true), "grayscale, sepia(intensity=0.5)");

        JsonNode result = setup.process("alpha.png");

        assertEquals("png", result.get("input").get("format").asText());
        assertEquals("alpha.png/combined.png", result.get("outputs").get("combined").asText());
        assertEquals(List.of("alpha.png/independent/01-grayscale.png", "alpha.png/independent/02-sepia.png"),
                texts(result.get("outputs").get("independent")));
        assertEquals("image/png", s3.contentType(setup.out, "alpha.png/combined.png"));
        BufferedImage combined = decode(s3.get(setup.out, "alpha.png/combined.png"));
        assertEquals(0, combined.getRGB(0, 0) >>> 24, "transparent corner stays transparent");
        assertEquals(255, combined.getRGB(79, 59) >>> 24);
    }

    @Test
    void outputMetadataChoosesTheFormatAndTheResultListsEveryFilesFormatSizeAndBytes() throws IOException {
        Setup setup = new Setup();
        s3.put(setup.in, "photo.jpg", TestImages.jpeg(64, 48), Map.of("operations", "grayscale, flip", "output", "format=png"));

        JsonNode result = setup.process("photo.jpg");

        assertEquals("photo.jpg/combined.png", result.get("outputs").get("combined").asText());
        JsonNode files = result.get("outputs").get("files");
        assertEquals(3, files.size());
        assertEquals(List.of("photo.jpg/combined.png", "photo.jpg/independent/01-grayscale.png", "photo.jpg/independent/02-flip.png"),
                List.of(files.get(0).get("key").asText(), files.get(1).get("key").asText(), files.get(2).get("key").asText()));
        for (JsonNode file : files) {
            assertEquals("png", file.get("format").asText());
            assertEquals(64, file.get("width").asInt());
            assertEquals(48, file.get("height").asInt());
            byte[] stored = s3.get(setup.out, file.get("key").asText());
            assertEquals(stored.length, file.get("bytes").asLong(), file.toString());
            assertEquals(64, decode(stored).getWidth());
        }
    }

    @Test
    void outputMaxBytesLowersTheJpegQualityUntilTheOutputFits() throws IOException {
        Setup setup = new Setup();
        byte[] photo = Files.readAllBytes(dev.pixelstep.testkit.photos.TestPhotos.jpeg());
        s3.put(setup.in, "big.jpg", photo, Map.of("output", "max-bytes=150000"));
        s3.put(setup.in, "free.jpg", photo, Map.of());

        long limited = setup.process("big.jpg").get("outputs").get("files").get(0).get("bytes").asLong();
        long free = setup.process("free.jpg").get("outputs").get("files").get(0).get("bytes").asLong();

        assertTrue(free > 150_000, "the photo at quality 90 is larger than the limit: " + free);
        assertTrue(limited <= 150_000, "written within max-bytes: " + limited);
        assertEquals(limited, s3.get(setup.out, "big.jpg/combined.jpg").length);
    }

    @Test
    void outputMetadataKeepCarriesTheInputsExifUprightOnEveryOutputAndDropsHostileExif() throws IOException {
        Setup setup = new Setup();
        byte[] tiff = dev.pixelstep.testkit.gen.ExifFixture.tiff(6, java.nio.ByteOrder.BIG_ENDIAN);
        byte[] photo = dev.pixelstep.testkit.gen.ExifFixture.inJpeg(TestImages.jpeg(64, 48), tiff);
        byte[] hostile = tiff.clone();
        java.nio.ByteBuffer.wrap(hostile).putInt(4, 1 << 30); // IFD0 far past the end
        s3.put(setup.in, "kept.jpg", photo, Map.of("operations", "grayscale, flip", "output", "metadata=keep"));
        s3.put(setup.in, "stripped.jpg", photo, Map.of("operations", "grayscale"));
        s3.put(setup.in, "hostile.jpg", dev.pixelstep.testkit.gen.ExifFixture.inJpeg(TestImages.jpeg(64, 48), hostile),
                Map.of("operations", "grayscale", "output", "metadata=keep"));

        JsonNode result = setup.process("kept.jpg");

        assertEquals(3, result.get("outputs").get("files").size());
        for (JsonNode file : result.get("outputs").get("files")) {
            byte[] stored = s3.get(setup.out, file.get("key").asText());
            assertEquals(48, file.get("width").asInt(), "upright");
            var ifd0 = exifIfd0(stored).orElseThrow(() -> new AssertionError("no EXIF in " + file));
            assertEquals(1, ((Number) ifd0.getEntryById(0x0112).getValue()).intValue());
            assertEquals(dev.pixelstep.testkit.gen.ExifFixture.COPYRIGHT, ifd0.getEntryById(0x8298).getValue());
        }
        setup.process("stripped.jpg");
        assertEquals(Optional.empty(), exifIfd0(s3.get(setup.out, "stripped.jpg/combined.jpg")), "strip is the default");
        setup.process("hostile.jpg");
        assertEquals(Optional.empty(), exifIfd0(s3.get(setup.out, "hostile.jpg/combined.jpg")), "hostile EXIF is dropped");
    }

    private static Optional<com.twelvemonkeys.imageio.metadata.Directory> exifIfd0(byte[] jpeg) throws IOException {
        try (var in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            var segments = com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil.readSegments(in,
                    com.twelvemonkeys.imageio.metadata.jpeg.JPEG.APP1, "Exif");
            if (segments.isEmpty()) {
                return Optional.empty();
            }
            byte[] data = segments.get(0).data().readAllBytes();
            int skip = 0;
            while (skip < 8 && data[skip] != 'M' && data[skip] != 'I') {
                skip++; // past "Exif\0\0", or what JPEGSegmentUtil left of it
            }
            try (var tiff = ImageIO.createImageInputStream(new ByteArrayInputStream(data, skip, data.length - skip))) {
                var directory = new com.twelvemonkeys.imageio.metadata.tiff.TIFFReader().read(tiff);
                return Optional.of(directory instanceof com.twelvemonkeys.imageio.metadata.CompoundDirectory compound
                        ? compound.getDirectory(0) : directory);
            }
        }
    }

    @Test
    void invalidOutputMetadataIsATypedErrorNamingTheOption() {
        Setup setup = new Setup();
        s3.put(setup.in, "x.jpg", TestImages.jpeg(16, 16), Map.of("output", "format=gif"));

        var error = org.junit.jupiter.api.Assertions.assertThrows(dev.pixelstep.functions.error.InvalidOutputOptionsException.class,
                () -> setup.process("x.jpg"));

        assertTrue(error.getMessage().contains("format 'gif' is not one of jpeg, png"), error.getMessage());
        assertTrue(error.getMessage().contains("x-amz-meta-output"), error.getMessage());
        assertEquals(List.of(), s3.keys(setup.out), "nothing written");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gif", "bmp", "tiff"})
    void otherFormatsAreWrittenAsPng(String format) throws IOException {
        Setup setup = new Setup();
        setup.upload("picture." + format, TestImages.encode(TestImages.picture(40, 30, false), format), "grayscale");

        JsonNode result = setup.process("picture." + format);

        assertEquals(format, result.get("input").get("format").asText());
        assertEquals("picture." + format + "/combined.png", result.get("outputs").get("combined").asText());
        assertEquals("image/png", s3.contentType(setup.out, "picture." + format + "/independent/01-grayscale.png"));
        assertEquals(40, decode(s3.get(setup.out, "picture." + format + "/combined.png")).getWidth());
    }

    @ParameterizedTest
    @ValueSource(strings = {"my photos/summer holiday.jpg", "a+b=c.jpg", "100% real.jpg", "fotos/Ünïcödé 写真 ✓.jpg",
            "deep/nested/path/x.jpg"})
    void keysWithSpacesPlusPercentAndNonAsciiWork(String key) {
        Setup setup = new Setup();
        setup.upload(key, TestImages.jpeg(32, 24), "grayscale");

        JsonNode result = setup.process(key);

        assertEquals(key, result.get("input").get("key").asText());
        assertEquals(List.of(key + "/combined.jpg", key + "/independent/01-grayscale.jpg"), s3.keys(setup.out));
    }

    @Test
    void urlEncodedEventKeyFallsBackToTheDecodedKey() {
        Setup setup = new Setup();
        String key = "my photos/a b+c%.jpg";
        setup.upload(key, TestImages.jpeg(32, 24), "sepia");

        JsonNode result = setup.process("my+photos/a+b%2Bc%25.jpg");

        assertEquals(key, result.get("input").get("key").asText());
        assertTrue(s3.exists(setup.out, key + "/independent/01-sepia.jpg"));
    }

    @Test
    void keyAsGivenWinsOverItsDecodedForm() {
        Setup setup = new Setup();
        setup.upload("a+b.jpg", TestImages.jpeg(16, 16), null);
        setup.upload("a b.jpg", TestImages.jpeg(8, 8), null);

        JsonNode result = setup.process("a+b.jpg");

        assertEquals("a+b.jpg", result.get("input").get("key").asText());
        assertEquals(16, result.get("input").get("width").asInt());
    }

    @Test
    void stateMachineInputExtractedFromARealEventBridgeEvent() {
        Setup setup = new Setup();
        setup.upload("photos/holiday.jpg", TestImages.jpeg(40, 30), "grayscale");
        com.fasterxml.jackson.databind.node.ObjectNode event = Events.load("eventbridge-object-created.json");
        ((com.fasterxml.jackson.databind.node.ObjectNode) event.get("detail").get("bucket")).put("name", setup.in);
        JsonNode detail = event.get("detail");
        // what the state machine's ExtractObject state passes on
        com.fasterxml.jackson.databind.node.ObjectNode extracted = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                .put("bucket", detail.get("bucket").get("name").asText())
                .put("key", detail.get("object").get("key").asText())
                .put("size", detail.get("object").get("size").asLong())
                .put("etag", detail.get("object").get("etag").asText());

        JsonNode fromExtracted = Invoke.handler(setup.handler, Events.bytes(extracted));
        JsonNode fromEvent = Invoke.handler(setup.handler, Events.bytes(event));

        assertEquals("photos/holiday.jpg", fromExtracted.get("input").get("key").asText());
        assertEquals(fromExtracted.get("outputs"), fromEvent.get("outputs"), "the raw event is accepted as well");
    }

    @Test
    void unknownFieldsInTheRequestAreIgnored() {
        Setup setup = new Setup();
        setup.upload("x.jpg", TestImages.jpeg(8, 8), null);
        JsonNode result = Invoke.handler(setup.handler, ("{\"bucket\":\"" + setup.in + "\",\"key\":\"x.jpg\",\"size\":1,"
                + "\"etag\":\"e\",\"extra\":{\"nested\":[1,2]}}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertNotNull(result.get("outputs"));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static BufferedImage decode(byte[] bytes) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertNotNull(image, "output is not a readable image");
        return image;
    }

    private static int maxChannelSpread(BufferedImage image) {
        int spread = 0;
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                int p = image.getRGB(x, y);
                int r = (p >> 16) & 0xff;
                int g = (p >> 8) & 0xff;
                int b = p & 0xff;
                spread = Math.max(spread, Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)));
            }
        }
        return spread;
    }

    private static double averageRedMinusBlue(BufferedImage image) {
        long sum = 0;
        long n = 0;
        for (int y = 0; y < image.getHeight(); y += 5) {
            for (int x = 0; x < image.getWidth(); x += 5) {
                int p = image.getRGB(x, y);
                sum += ((p >> 16) & 0xff) - (p & 0xff);
                n++;
            }
        }
        return (double) sum / n;
    }
}
