package dev.pixelstep.functions.internal.processor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pixelstep.functions.config.FunctionConfig;
import dev.pixelstep.functions.error.InvalidRequestException;
import dev.pixelstep.functions.internal.image.ImageLimits;
import dev.pixelstep.functions.processor.ProcessorHandler;
import dev.pixelstep.functions.support.Buckets;
import dev.pixelstep.functions.support.Events;
import dev.pixelstep.functions.support.Invoke;
import dev.pixelstep.functions.support.S3ProxyExtension;
import dev.pixelstep.functions.support.S3ProxyServer;
import dev.pixelstep.functions.support.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The processor's {@code "action": "discard"} deletes exactly what a failed run of one key can have written. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(S3ProxyExtension.class)
class OutputDiscarderTest {

    private final S3ProxyServer s3;

    OutputDiscarderTest(S3ProxyServer s3) {
        this.s3 = s3;
    }



    private static final List<String> RUN_OUTPUTS = List.of("combined.jpg", "independent/01-grayscale.jpg",
            "independent/02-blur.jpg", "independent/16-rotate-free.jpg", "histogram-original.json", "histogram-original.png",
            "histogram-combined.json", "histogram-combined.png");

    /**
     * Objects near K that are not outputs of a run of K: the outputs of an input key K/x, the
     * manifest, look-alikes. (S3Proxy's file store cannot hold K/combined.jpg and K/combined.jpg/x at once.)
     */
    private static final List<String> NOT_RUN_OUTPUTS = List.of("manifest.json", "x/combined.jpg", "x/independent/01-blur.jpg",
            "x/histogram-original.json", "independent/x/01-blur.jpg", "independent/notes.txt", "independent/1-blur.jpg",
            "independent/01-Blur.jpg", "independent/01-blur.jpg.bak", "histogram-other.json", "combined.gif");

    private JsonNode discard(FunctionConfig config, String bucket, String key) {
        ProcessorHandler handler = new ProcessorHandler(config, s3.client());
        return Invoke.handler(handler, Events.bytes(Events.load("processor-input.json").put("action", "discard")
                .put("bucket", bucket).put("key", key)));
    }

    private void putAll(String bucket, String prefix, List<String> names) {
        for (String name : names) {
            s3.put(bucket, prefix + name, new byte[] {1}, Map.of());
        }
    }

    @Test
    void deletesExactlyTheOutputsOfARunOfTheKeyAndNothingElse() {
        String in = Buckets.fresh("in");
        String out = Buckets.fresh("out");
        s3.createBucket(in);
        s3.createBucket(out);
        s3.put(in, "photos/k.jpg", TestImages.jpeg(8, 8), Map.of());
        putAll(out, "photos/k.jpg/", RUN_OUTPUTS);
        putAll(out, "photos/k.jpg/", NOT_RUN_OUTPUTS);
        putAll(out, "photos/k.jpg2/", List.of("combined.jpg"));
        putAll(out, "photos/", List.of("combined.jpg"));

        JsonNode result = discard(new FunctionConfig(out, ImageLimits.defaults(), Optional.empty(), true), in, "photos/k.jpg");

        List<String> deleted = new ArrayList<>();
        result.path("deleted").forEach(k -> deleted.add(k.asText()));
        assertEquals(new TreeSet<>(RUN_OUTPUTS.stream().map(n -> "photos/k.jpg/" + n).toList()), new TreeSet<>(deleted));
        assertEquals("photos/k.jpg", result.path("key").asText());
        assertEquals(out, result.path("outputBucket").asText());
        List<String> left = new ArrayList<>(NOT_RUN_OUTPUTS.stream().map(n -> "photos/k.jpg/" + n).toList());
        left.add("photos/k.jpg2/combined.jpg");
        left.add("photos/combined.jpg");
        assertEquals(new TreeSet<>(left), new TreeSet<>(s3.keys(out)));

        JsonNode again = discard(new FunctionConfig(out, ImageLimits.defaults(), Optional.empty(), true), in, "photos/k.jpg");
        assertEquals(0, again.path("deleted").size(), "a retried discard finds nothing more to delete");
    }

    @Test
    void resolvesAnEncodedEventKeyAsTheProcessorDoes() {
        String in = Buckets.fresh("in");
        String out = Buckets.fresh("out");
        s3.createBucket(in);
        s3.createBucket(out);
        s3.put(in, "my photos/a b.png", TestImages.png(8, 8, false), Map.of());
        putAll(out, "my photos/a b.png/", List.of("combined.png", "independent/01-invert.png", "histogram-original.json"));
        putAll(out, "my+photos/a+b.png/", List.of("combined.png")); // would belong to a key that really has '+'

        JsonNode result = discard(new FunctionConfig(out, ImageLimits.defaults(), Optional.empty(), true), in, "my+photos/a+b.png");

        assertEquals("my photos/a b.png", result.path("key").asText());
        assertEquals(3, result.path("deleted").size());
        assertEquals(List.of("my+photos/a+b.png/combined.png"), s3.keys(out));
    }

    /**
     * Regression: a key with control characters made the listing's XML unreadable (XML 1.0 cannot carry
     * them unless S3 URL-encodes the keys), and the parse error was retried as a transient fault for
     * about 40 s before the FAILED manifest.
     */
    @Test
    void aKeyWithControlCharactersHasItsOutputsDiscarded() {
        String in = Buckets.fresh("in");
        String out = Buckets.fresh("out");
        s3.createBucket(in);
        s3.createBucket(out);
        String key = "k\u001b]0;owned\u0007\u001b[2J.png";
        s3.put(in, key, TestImages.png(8, 8, false), Map.of());
        putAll(out, key + "/", List.of("combined.png", "independent/01-invert.png", "histogram-original.json"));

        JsonNode result = discard(new FunctionConfig(out, ImageLimits.defaults(), Optional.empty(), true), in, key);

        assertEquals(3, result.path("deleted").size(), result.toString());
        assertEquals(List.of(), s3.keys(out));
    }

    @Test
    void aDeletedInputStillHasItsOutputsDiscardedUnderTheKeyAsGiven() {
        String in = Buckets.fresh("in");
        String out = Buckets.fresh("out");
        s3.createBucket(in);
        s3.createBucket(out);
        putAll(out, "gone.jpg/", List.of("combined.jpg", "histogram-original.png"));
        JsonNode result = discard(new FunctionConfig(out, ImageLimits.defaults(), Optional.empty(), true), in, "gone.jpg");
        assertEquals(2, result.path("deleted").size());
        assertEquals(List.of(), s3.keys(out));
    }

    @Test
    void anUnknownActionIsABadRequestAndTouchesNothing() {
        String out = Buckets.fresh("out");
        s3.createBucket(out);
        putAll(out, "k.jpg/", List.of("combined.jpg"));
        ProcessorHandler handler = new ProcessorHandler(new FunctionConfig(out, ImageLimits.defaults(), Optional.empty(), true), s3.client());
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> Invoke.handler(handler,
                Events.bytes(Events.load("processor-input.json").put("action", "delete-everything").put("bucket", "in").put("key", "k.jpg"))));
        assertTrue(e.getMessage().contains("unknown action \"delete-everything\""), e.getMessage());
        assertEquals(List.of("k.jpg/combined.jpg"), s3.keys(out));
    }
}
