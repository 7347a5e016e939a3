package dev.pixelstep.functions.analyser;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pixelstep.functions.config.FunctionConfig;
import dev.pixelstep.functions.error.InvalidRequestException;
import dev.pixelstep.functions.error.ObjectNotFoundException;
import dev.pixelstep.functions.error.UnsupportedImageException;
import dev.pixelstep.functions.error.ImageTooLargeException;
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
import java.nio.charset.StandardCharsets;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The analyser against a real S3 API (S3Proxy on loopback). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(S3ProxyExtension.class)
class AnalyserHandlerTest {

    private final S3ProxyServer s3;

    AnalyserHandlerTest(S3ProxyServer s3) {
        this.s3 = s3;
    }



    private AnalyserHandler handler(String outputBucket) {
        return new AnalyserHandler(new FunctionConfig(outputBucket, ImageLimits.defaults(), Optional.empty(), true), s3.client());
    }

    @Test
    void analysesTheOriginalPhoto() throws IOException {
        String in = Buckets.fresh("in");
        String out = Buckets.fresh("out");
        s3.createBucket(in);
        s3.createBucket(out);
        s3.put(in, "photos/holiday.jpg", TestImages.photo(), Map.of("operations", "grayscale"));

        JsonNode result = Invoke.handler(handler(out), Events.with("analyser-original-input.json", Map.of("bucket", in)));

        assertEquals("original", result.get("label").asText());
        assertEquals("photos/holiday.jpg", result.get("input").get("key").asText());
        assertEquals(out, result.get("outputBucket").asText());
        assertEquals("photos/holiday.jpg/histogram-original.json", result.get("outputs").get("histogram").asText());
        assertEquals("photos/holiday.jpg/histogram-original.png", result.get("outputs").get("chart").asText());
        assertEquals(2560, result.get("width").asInt());
        assertEquals(1600, result.get("height").asInt());
        assertEquals(2560L * 1600, result.get("pixels").asLong());
        assertEquals("rec709", result.get("luminance").asText());
        for (String channel : List.of("red", "green", "blue", "luminance")) {
            JsonNode s = result.get("statistics").get(channel);
            assertTrue(s.get("min").asInt() <= s.get("mean").asDouble() && s.get("mean").asDouble() <= s.get("max").asInt(), channel);
            assertTrue(s.get("standardDeviation").asDouble() > 0, channel);
        }
        assertEquals(List.of("photos/holiday.jpg/histogram-original.json", "photos/holiday.jpg/histogram-original.png"), s3.keys(out));
        assertEquals("application/json", s3.contentType(out, "photos/holiday.jpg/histogram-original.json"));
        assertEquals("image/png", s3.contentType(out, "photos/holiday.jpg/histogram-original.png"));

        JsonNode document = Events.parse(s3.get(out, "photos/holiday.jpg/histogram-original.json"));
        assertEquals("pixelstep/histogram/v1", document.get("schema").asText());
        for (String channel : List.of("red", "green", "blue", "luminance")) {
            JsonNode c = document.get("channels").get(channel);
            assertEquals(256, c.get("counts").size());
            long sum = 0;
            for (JsonNode n : c.get("counts")) {
                sum += n.asLong();
            }
            assertEquals(2560L * 1600, sum, channel);
            assertEquals(result.get("statistics").get(channel).get("mean").asDouble(), c.get("mean").asDouble());
        }
        BufferedImage chart = ImageIO.read(new ByteArrayInputStream(s3.get(out, "photos/holiday.jpg/histogram-original.png")));
        assertEquals(960, chart.getWidth());
        assertEquals(540, chart.getHeight());
        assertTrue(ChartPixels.distinctColours(chart) > 20, "the chart has lines, text and antialiasing");
    }

    @Test
    void analysesTheCombinedOutputUnderTheInputKeysPrefix() {
        String out = Buckets.fresh("out");
        s3.createBucket(out);
        s3.put(out, "photos/holiday.jpg/combined.jpg", TestImages.jpeg(120, 80), Map.of());

        JsonNode result = Invoke.handler(handler(out), Events.with("analyser-combined-input.json", Map.of("bucket", out)));

        assertEquals("photos/holiday.jpg/histogram-combined.json", result.get("outputs").get("histogram").asText());
        assertEquals("photos/holiday.jpg/histogram-combined.png", result.get("outputs").get("chart").asText());
        assertTrue(s3.exists(out, "photos/holiday.jpg/histogram-combined.json"));
        assertTrue(s3.exists(out, "photos/holiday.jpg/histogram-combined.png"));
    }

    @Test
    void outputsAreByteIdenticalAcrossRuns() {
        String in = Buckets.fresh("in");
        s3.createBucket(in);
        s3.put(in, "p.png", TestImages.png(90, 70, true), Map.of());
        String[] outs = {Buckets.fresh("out"), Buckets.fresh("out")};
        for (String out : outs) {
            s3.createBucket(out);
            Invoke.handler(handler(out), ("{\"bucket\":\"" + in + "\",\"key\":\"p.png\",\"label\":\"original\"}").getBytes(StandardCharsets.UTF_8));
        }
        for (String key : List.of("p.png/histogram-original.json", "p.png/histogram-original.png")) {
            assertArrayEquals(s3.get(outs[0], key), s3.get(outs[1], key), key);
        }
    }

    @Test
    void urlEncodedKeyIsDecodedAndBecomesThePrefix() {
        String in = Buckets.fresh("in");
        String out = Buckets.fresh("out");
        s3.createBucket(in);
        s3.createBucket(out);
        s3.put(in, "my photo ü.jpg", TestImages.jpeg(20, 20), Map.of());

        JsonNode result = Invoke.handler(handler(out),
                ("{\"bucket\":\"" + in + "\",\"key\":\"my+photo+%C3%BC.jpg\",\"label\":\"original\"}").getBytes(StandardCharsets.UTF_8));

        assertEquals("my photo ü.jpg", result.get("input").get("key").asText());
        assertTrue(s3.exists(out, "my photo ü.jpg/histogram-original.png"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Original", "1st", "with space", "under_score", "-x", ""})
    void invalidLabelsAreRefused(String label) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> Invoke.handler(handler("out-unused"),
                ("{\"bucket\":\"b\",\"key\":\"k.jpg\",\"label\":\"" + label + "\"}").getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("[a-z][a-z0-9-]*") || e.getMessage().contains("non-empty string"), e.getMessage());
    }

    @Test
    void missingLabelIsRefused() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> Invoke.handler(handler("out-unused"),
                "{\"bucket\":\"b\",\"key\":\"k.jpg\"}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("no 'label'"), e.getMessage());
    }

    @Test
    void sameLimitsAndTypedErrorsAsTheProcessor() {
        String in = Buckets.fresh("in");
        String out = Buckets.fresh("out");
        s3.createBucket(in);
        s3.createBucket(out);
        s3.put(in, "cut.jpg", TestImages.truncated(TestImages.jpeg(100, 100), 0.5), Map.of());
        s3.put(in, "huge.png", TestImages.pngHeaderOnly(20_000, 20_000), Map.of());
        AnalyserHandler handler = handler(out);

        assertThrows(UnsupportedImageException.class, () -> Invoke.handler(handler,
                ("{\"bucket\":\"" + in + "\",\"key\":\"cut.jpg\",\"label\":\"original\"}").getBytes(StandardCharsets.UTF_8)));
        ImageTooLargeException tooLarge = assertThrows(ImageTooLargeException.class, () -> Invoke.handler(handler,
                ("{\"bucket\":\"" + in + "\",\"key\":\"huge.png\",\"label\":\"original\"}").getBytes(StandardCharsets.UTF_8)));
        assertEquals(400_000_000L, tooLarge.actual());
        assertThrows(ObjectNotFoundException.class, () -> Invoke.handler(handler,
                ("{\"bucket\":\"" + in + "\",\"key\":\"missing.jpg\",\"label\":\"original\"}").getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of(), s3.keys(out));
    }
}
