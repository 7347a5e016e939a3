package dev.pixelstep.functions.processor;

import dev.pixelstep.functions.config.FunctionConfig;
import dev.pixelstep.functions.error.BadInputException;
import dev.pixelstep.functions.error.ImageTooLargeException;
import dev.pixelstep.functions.error.InvalidOperationsException;
import dev.pixelstep.functions.error.InvalidRequestException;
import dev.pixelstep.functions.error.ObjectNotFoundException;
import dev.pixelstep.functions.error.TriggerLoopException;
import dev.pixelstep.functions.error.UnsupportedImageException;
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

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every kind of bad input gives its typed error with a message a person can act on, and writes nothing. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(S3ProxyExtension.class)
class ProcessorErrorsTest {

    private final S3ProxyServer s3;

    ProcessorErrorsTest(S3ProxyServer s3) {
        this.s3 = s3;
    }



    private <T extends BadInputException> T refused(Class<T> type, byte[] object, String operations, ImageLimits limits) {
        String in = Buckets.fresh("in");
        String out = Buckets.fresh("out");
        s3.createBucket(in);
        s3.createBucket(out);
        if (object != null) {
            s3.put(in, "upload.jpg", object, operations == null ? Map.of() : Map.of("operations", operations));
        }
        ProcessorHandler handler = new ProcessorHandler(new FunctionConfig(out, limits, Optional.empty(), true), s3.client());
        T error = assertThrows(type, () -> Invoke.handler(handler,
                Events.with("processor-input.json", Map.of("bucket", in, "key", "upload.jpg"))));
        assertEquals(List.of(), s3.keys(out), "nothing is written on error");
        return error;
    }

    private <T extends BadInputException> T refused(Class<T> type, byte[] object, String operations) {
        return refused(type, object, operations, ImageLimits.defaults());
    }

    @Test
    void truncatedJpeg() {
        byte[] jpeg = TestImages.jpeg(200, 150);
        UnsupportedImageException e = refused(UnsupportedImageException.class, TestImages.truncated(jpeg, 0.6), "grayscale");
        assertTrue(e.getMessage().contains("damaged or truncated JPEG"), e.getMessage());
        assertTrue(e.getMessage().contains("upload.jpg"), e.getMessage());
    }

    @Test
    void jpegCutInsideItsHeader() {
        byte[] jpeg = TestImages.jpeg(200, 150);
        UnsupportedImageException e = refused(UnsupportedImageException.class, TestImages.truncated(jpeg, 0.02), "grayscale");
        assertTrue(e.getMessage().contains("JPEG"), e.getMessage());
    }

    @Test
    void textFileNamedJpg() {
        byte[] text = "this is not an image, just some text saved as upload.jpg\n".repeat(20).getBytes(StandardCharsets.UTF_8);
        UnsupportedImageException e = refused(UnsupportedImageException.class, text, "grayscale");
        assertTrue(e.getMessage().contains("is not a supported image"), e.getMessage());
        assertTrue(e.getMessage().contains("JPEG, PNG, WebP, GIF, BMP or TIFF"), e.getMessage());
    }

    @Test
    void emptyObject() {
        UnsupportedImageException e = refused(UnsupportedImageException.class, new byte[0], null);
        assertTrue(e.getMessage().contains("not a supported image"), e.getMessage());
    }

    @Test
    void pngHeaderClaimingTenGigapixelsIsRefusedBeforeDecoding() {
        ImageTooLargeException e = refused(ImageTooLargeException.class, TestImages.pngHeaderOnly(100_000, 100_000), "grayscale");
        assertEquals(10_000_000_000L, e.actual());
        assertEquals(ImageLimits.DEFAULT_MAX_PIXELS, e.limit());
        assertTrue(e.getMessage().contains("100000x100000 = 10,000,000,000 pixels"), e.getMessage());
        assertTrue(e.getMessage().contains("limit of 50,000,000 pixels"), e.getMessage());
        assertTrue(e.getMessage().contains("PIXELSTEP_MAX_PIXELS"), e.getMessage());
    }

    @Test
    void pixelLimitIsConfigurable() {
        ImageTooLargeException e = refused(ImageTooLargeException.class, TestImages.jpeg(100, 100), null, new ImageLimits(1_000_000, 9_999));
        assertEquals(10_000, e.actual());
        assertEquals(9_999, e.limit());
    }

    @Test
    void objectLargerThanTheByteLimit() {
        byte[] jpeg = TestImages.jpeg(300, 300);
        ImageTooLargeException e = refused(ImageTooLargeException.class, jpeg, "grayscale", new ImageLimits(1000, 50_000_000));
        assertEquals(jpeg.length, e.actual());
        assertTrue(e.getMessage().contains("more than the limit of 1,000 bytes"), e.getMessage());
        assertTrue(e.getMessage().contains("PIXELSTEP_MAX_BYTES"), e.getMessage());
    }

    @Test
    void unknownOperation() {
        InvalidOperationsException e = refused(InvalidOperationsException.class, TestImages.jpeg(20, 20), "grayscale, blurr(radius=2)");
        assertTrue(e.getMessage().contains("unknown operation 'blurr'"), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean 'blur'"), e.getMessage());
        assertTrue(e.getMessage().contains("at character 12"), e.getMessage());
        assertTrue(e.getMessage().contains("x-amz-meta-operations"), e.getMessage());
    }

    @Test
    void parameterOutOfRange() {
        InvalidOperationsException e = refused(InvalidOperationsException.class, TestImages.jpeg(20, 20), "blur(radius=100000)");
        assertTrue(e.getMessage().contains("invalid value '100000' for blur.radius"), e.getMessage());
        assertTrue(e.getMessage().contains("expected a number from"), e.getMessage());
    }

    @Test
    void seventeenOperations() {
        String chain = String.join(",", Collections.nCopies(17, "grayscale"));
        InvalidOperationsException e = refused(InvalidOperationsException.class, TestImages.jpeg(20, 20), chain);
        assertTrue(e.getMessage().contains("at most 16 operations"), e.getMessage());
    }

    @Test
    void chainSyntaxError() {
        InvalidOperationsException e = refused(InvalidOperationsException.class, TestImages.jpeg(20, 20), "grayscale sepia");
        assertTrue(e.getMessage().contains("at character"), e.getMessage());
    }

    @Test
    void missingObject() {
        ObjectNotFoundException e = refused(ObjectNotFoundException.class, null, null);
        assertTrue(e.getMessage().contains("/upload.jpg does not exist"), e.getMessage());
    }

    @Test
    void missingBucket() {
        ProcessorHandler handler = new ProcessorHandler(new FunctionConfig("out-x", ImageLimits.defaults(), Optional.empty(), true), s3.client());
        assertThrows(ObjectNotFoundException.class, () -> Invoke.handler(handler,
                "{\"bucket\":\"no-such-bucket\",\"key\":\"a.jpg\"}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void outputBucketEqualToInputBucketIsATriggerLoop() {
        String bucket = Buckets.fresh("same");
        s3.createBucket(bucket);
        s3.put(bucket, "a.jpg", TestImages.jpeg(10, 10), Map.of("operations", "grayscale"));
        ProcessorHandler handler = new ProcessorHandler(new FunctionConfig(bucket, ImageLimits.defaults(), Optional.empty(), true), s3.client());

        TriggerLoopException e = assertThrows(TriggerLoopException.class, () -> Invoke.handler(handler,
                Events.with("processor-input.json", Map.of("bucket", bucket, "key", "a.jpg"))));

        assertTrue(e.getMessage().contains("PIXELSTEP_OUTPUT_BUCKET"), e.getMessage());
        assertEquals(List.of("a.jpg"), s3.keys(bucket), "nothing is written");
    }

    @Test
    void requestWithoutKey() {
        ProcessorHandler handler = new ProcessorHandler(new FunctionConfig("out-y", ImageLimits.defaults(), Optional.empty(), true), s3.client());
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> Invoke.handler(handler,
                "{\"bucket\":\"b\"}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("no 'key'"), e.getMessage());
    }

    @Test
    void requestThatIsNotJson() {
        ProcessorHandler handler = new ProcessorHandler(new FunctionConfig("out-z", ImageLimits.defaults(), Optional.empty(), true), s3.client());
        assertThrows(InvalidRequestException.class, () -> Invoke.handler(handler, "bucket=b".getBytes(StandardCharsets.UTF_8)));
        assertThrows(InvalidRequestException.class, () -> Invoke.handler(handler, "[1]".getBytes(StandardCharsets.UTF_8)));
    }
}
