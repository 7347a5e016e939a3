package dev.pixelstep.functions.processor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pixelstep.functions.config.FunctionConfig;
import dev.pixelstep.functions.error.BadInputException;
import dev.pixelstep.functions.error.ChainTooCostlyException;
import dev.pixelstep.functions.error.ChainTooLargeException;
import dev.pixelstep.functions.error.InsufficientMemoryException;
import dev.pixelstep.functions.error.WorkTimedOutException;
import dev.pixelstep.functions.internal.image.ImageHeader;
import dev.pixelstep.functions.internal.image.ImageLimits;
import dev.pixelstep.functions.internal.plan.ChainLimits;
import dev.pixelstep.functions.support.Buckets;
import dev.pixelstep.functions.support.Events;
import dev.pixelstep.functions.support.Invoke;
import dev.pixelstep.functions.support.S3ProxyExtension;
import dev.pixelstep.functions.support.S3ProxyServer;
import dev.pixelstep.functions.support.TestImages;
import dev.pixelstep.functions.support.TimedContext;
import dev.pixelstep.spi.Cancellation;
import dev.pixelstep.spi.ImageOperation;
import dev.pixelstep.spi.OperationCancelledException;
import dev.pixelstep.spi.param.Parameter;
import dev.pixelstep.spi.param.Parameters;
import dev.pixelstep.spi.registry.OperationRegistry;
import dev.pixelstep.testkit.net.FaultInjectingProxy;
import dev.pixelstep.testkit.photos.BenchmarkImages;
import dev.pixelstep.testkit.photos.TestPhotos;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.TestInstance;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The limits on what a chain produces and costs, end to end through the processor handler against
 * a real S3 API (S3Proxy), with every S3 request recorded by a proxy in between: refused chains
 * are refused from the header, before the download and decoding, write nothing, and say what to
 * change; work that runs out of time or memory ends in a typed error.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(S3ProxyExtension.class)
class ProcessorLimitsTest {

    private final S3ProxyServer s3;
    private FaultInjectingProxy proxy;

    ProcessorLimitsTest(S3ProxyServer s3) {
        this.s3 = s3;
    }

    @BeforeAll
    void start() {
        proxy = FaultInjectingProxy.start(s3.endpoint());
    }

    @AfterAll
    void stop() {
        proxy.close();
    }

    /** Buckets, an upload and a handler whose S3 calls go through the recording proxy. */
    private final class Run {
        final String in = Buckets.fresh("in");
        final String out = Buckets.fresh("out");
        final ProcessorHandler handler;

        Run(FunctionConfig config, OperationRegistry registry) {
            s3.createBucket(in);
            s3.createBucket(out);
            FunctionConfig routed = new FunctionConfig(out, config.limits(), config.chainLimits(), Optional.empty(), true);
            handler = registry == null ? new ProcessorHandler(routed, S3ProxyServer.client(proxy.endpoint()))
                    : new ProcessorHandler(routed, S3ProxyServer.client(proxy.endpoint()), registry);
        }

        Run() {
            this(new FunctionConfig("unused", ImageLimits.defaults(), Optional.empty(), true), null);
        }

        Run upload(String key, byte[] bytes, String operations) {
            s3.put(in, key, bytes, Map.of("operations", operations));
            return this;
        }

        <T extends Throwable> T refused(Class<T> type, String key, com.amazonaws.services.lambda.runtime.Context context) {
            int before = proxy.requests().size();
            T error = assertThrows(type, () -> handler.handleRequest(new ByteArrayInputStream(Events.with("processor-input.json",
                    Map.of("bucket", in, "key", key))), new ByteArrayOutputStream(), context));
            requests = proxy.requests().subList(before, proxy.requests().size());
            return error;
        }

        List<FaultInjectingProxy.Request> requests = List.of();

        /** The GetObject requests of the input, with their ranges. */
        List<String> reads(String key) {
            List<String> reads = new ArrayList<>();
            for (FaultInjectingProxy.Request r : requests) {
                if (r.method().equals("GET") && r.path().equals("/" + in + "/" + key)) {
                    reads.add(String.valueOf(r.header("range")));
                }
            }
            return reads;
        }
    }

    private static String repeat(String step, int times) {
        return String.join(", ", Collections.nCopies(times, step));
    }

    private static byte[] photo(int width, int height) {
        BufferedImage photo = BenchmarkImages.scaledToCover(BenchmarkImages.decode(TestPhotos.jpeg()), width, height);
        return TestImages.encode(photo, "jpeg");
    }

    @Test
    void sixteenBlursOfRadius100OnAThirteenMegapixelPhotoNoLongerRunAway() throws IOException {
        // issue 11: 588 s of CPU for one 1.6 MB upload. Since issue 13 a blur above radius 4 is three box filters whose work
        // does not grow with the radius: the chain is planned at a third of the budget (ChainPlanTest), accepted, and done
        byte[] photo = photo(4416, 2944);
        Run run = new Run().upload("photos/big.jpg", photo, repeat("blur(radius=100)", 16));
        JsonNode result = Invoke.handler(run.handler, Events.with("processor-input.json", Map.of("bucket", run.in, "key", "photos/big.jpg")));
        assertEquals(16, result.path("outputs").path("independent").size(), result.toString());
        List<String> keys = s3.keys(run.out);
        assertEquals(17, keys.size(), "the combined output and sixteen independent ones: " + keys);
        BufferedImage combined = ImageIO.read(new ByteArrayInputStream(s3.get(run.out, result.path("outputs").path("combined").asText())));
        assertEquals(4416, combined.getWidth());
        assertEquals(2944, combined.getHeight());
    }

    @Test
    void sixteenExactBlursOnAFiftyMegapixelPhotoAreRefusedBeforeTheDownload() {
        // one of the costliest chains a 50 MP input allows: the exact blur at its largest radius 31 times (the first independent
        // output is the combined chain's first step; sixteen edge-detect until issue 13 made it a parallel kernel of 8 units)
        byte[] photo = photo(8660, 5773);
        assertTrue(photo.length > 4 * 65_536, "larger than the header read: " + photo.length);
        Run run = new Run().upload("photos/huge.jpg", photo, repeat("blur(radius=4)", 16));
        ChainTooCostlyException e = run.refused(ChainTooCostlyException.class, "photos/huge.jpg", null);
        assertTrue(e.getMessage().contains("is too much work for the 8660x5773 image s3://" + run.in + "/photos/huge.jpg: about 121.8 "
                + "billion work units, more than the budget of 100.0 billion (PIXELSTEP_MAX_WORK"), e.getMessage());
        assertTrue(e.getMessage().contains("Costliest steps: steps 1-16 blur(radius=4)"), e.getMessage());
        assertEquals(List.of("bytes=0-65535"), run.reads("photos/huge.jpg"), "only the header was read, never the whole photo");
        assertEquals(List.of(), s3.keys(run.out), "nothing written");
    }

    @Test
    void aTinyPngResizedToTheLargestBoxThenTurnedFiveTimesIsRefusedAtTheResizeNotWithOutOfMemory() {
        // issue 11: this drove the server from 2.5 to 5.7 GB and the manifest said java.lang.OutOfMemoryError
        byte[] png = TestImages.png(1, 1, false);
        assertTrue(png.length < 100, "a tiny upload: " + png.length + " bytes");
        Run run = new Run().upload("tiny.png", png, "resize(width=8192, height=8192, enlarge=true), " + repeat("rotate-free(degrees=45)", 5));
        ChainTooLargeException e = run.refused(ChainTooLargeException.class, "tiny.png", null);
        assertEquals(1, e.step());
        assertTrue(e.getMessage().contains("step 1, resize(width=8192, height=8192), applied to the 1x1 original, would make a 8192x8192 image "
                + "(67.1 MP), more than the output limit of 50,000,000 pixels (50.0 MP, PIXELSTEP_MAX_OUTPUT_PIXELS). The chain is too "
                + "large, not the upload"), e.getMessage());
        assertFalse(e.getMessage().contains("upload a smaller image"), "a 1x1 upload is not too large");
        assertEquals(List.of(), s3.keys(run.out));
    }

    @Test
    void sixteenFreeRotationsOfA64x48ImageAreRefusedBeforeTheOversizedImageIsComputedOrStored() {
        // issue 11: a 203 MP image was computed and stored before the analyser refused it
        Run run = new Run().upload("small.png", TestImages.png(64, 48, false), repeat("rotate-free(degrees=45)", 16));
        ChainTooLargeException e = run.refused(ChainTooLargeException.class, "small.png", null);
        assertTrue(e.step() < 16 && e.actual() < 203_000_000L, e.getMessage());
        assertTrue(e.getMessage().contains("step " + e.step() + ", rotate-free(degrees=45)"), e.getMessage());
        assertEquals(List.of(), s3.keys(run.out), "no oversized image stored");
    }

    @Test
    void theOutputLimitAndWorkBudgetAreSettings() {
        FunctionConfig config = new FunctionConfig("unused", ImageLimits.defaults(), new ChainLimits(10_000, 10_000_000L),
                Optional.empty(), true);
        Run run = new Run(config, null).upload("a.png", TestImages.png(100, 100, false), "resize(width=200, enlarge=true)");
        ChainTooLargeException large = run.refused(ChainTooLargeException.class, "a.png", null);
        assertEquals(10_000, large.limit());
        run.upload("b.png", TestImages.png(100, 100, false), repeat("blur(radius=100)", 8));
        ChainTooCostlyException costly = run.refused(ChainTooCostlyException.class, "b.png", null);
        assertEquals(10_000_000.0, costly.budget(), "eight blurs on 100x100 are about 29 million units");
    }

    @Test
    void aPlanLargerThanTheHeapIsRefusedFromTheHeaderBeforeAnyDownload() {
        long pixels = 65_535L * 65_535;
        Assumptions.assumeTrue(8 * pixels > Runtime.getRuntime().maxMemory(), "a heap above 34 GB holds this plan");
        ImageLimits huge = new ImageLimits(ImageLimits.DEFAULT_MAX_BYTES, pixels);
        FunctionConfig config = new FunctionConfig("unused", huge, new ChainLimits(pixels, Long.MAX_VALUE), Optional.empty(), true);
        Run run = new Run(config, null).upload("huge.png", TestImages.pngHeaderOnly(65_535, 65_535), "invert");
        InsufficientMemoryException e = run.refused(InsufficientMemoryException.class, "huge.png", null);
        assertTrue(e.getMessage().startsWith("the chain 'invert' on the 65535x65535 image s3://" + run.in + "/huge.png needs about "),
                e.getMessage());
        assertTrue(e.getMessage().contains("Give the function more memory, use a smaller image"), e.getMessage());
        assertEquals(List.of("bytes=0-" + (ImageHeader.PREFIX_BYTES - 1)), run.reads("huge.png"), "the first bytes only (all there are)");
    }

    @Test
    void workPastTheInvocationsDeadlineStopsWithATypedErrorInsteadOfRunningOn() {
        Run run = new Run().upload("slow.jpg", TestImages.jpeg(1000, 1000), repeat("blur(radius=100)", 16));
        // 1.1 s left: the margin (1 s, the least) leaves 0.1 s for 32 blurs of a megapixel that need more than a second of CPU
        WorkTimedOutException e = run.refused(WorkTimedOutException.class, "slow.jpg", new TimedContext(Duration.ofMillis(1100)));
        assertInstanceOf(OperationCancelledException.class, e.getCause());
        assertTrue(e.getMessage().contains("the work's deadline passed"), e.getMessage());
        assertTrue(e.getMessage().startsWith("the chain '" + repeat("blur(radius=100)", 7).substring(0, 100)), e.getMessage());
        assertTrue(e.getMessage().endsWith("Use fewer or cheaper steps or a smaller image, or give the function a longer timeout"),
                e.getMessage());
    }

    @Test
    void theDeadlineIsTheRemainingTimeLessATenthBetweenOneAndTenSeconds() {
        assertDeadline(Duration.ofMinutes(5), Duration.ofSeconds(290));
        assertDeadline(Duration.ofSeconds(30), Duration.ofSeconds(27));
        assertDeadline(Duration.ofSeconds(5), Duration.ofSeconds(4));
        Cancellation none = ProcessorHandler.cancellation(null);
        assertEquals(null, none.remaining(), "no context, no deadline (an interrupt still stops the work)");
    }

    private static void assertDeadline(Duration remaining, Duration expected) {
        Duration deadline = ProcessorHandler.cancellation(new TimedContext(remaining)).remaining();
        assertTrue(deadline.compareTo(expected) <= 0 && deadline.compareTo(expected.minusMillis(500)) > 0,
                remaining + " left gives a deadline in " + deadline + ", expected about " + expected);
    }

    @Test
    void runningOutOfMemoryAnywayIsATypedErrorNotAnOutOfMemoryError() {
        ImageOperation hungry = new ImageOperation() {
            @Override
            public String name() {
                return "hungry";
            }

            @Override
            public String description() {
                return "Declares nothing and runs out of memory.";
            }

            @Override
            public List<Parameter<?>> parameters() {
                return List.of();
            }

            @Override
            public BufferedImage apply(BufferedImage source, Parameters parameters) {
                throw new OutOfMemoryError("Java heap space");
            }
        };
        Run run = new Run(new FunctionConfig("unused", ImageLimits.defaults(), Optional.empty(), true), OperationRegistry.of(List.of(hungry)))
                .upload("a.jpg", TestImages.jpeg(64, 64), "hungry");
        InsufficientMemoryException e = run.refused(InsufficientMemoryException.class, "a.jpg", null);
        assertInstanceOf(OutOfMemoryError.class, e.getCause());
        assertInstanceOf(BadInputException.class, e, "not retried: the same work needs the same memory");
        assertTrue(e.getMessage().startsWith("the processor ran out of memory (java.lang.OutOfMemoryError: Java heap space) on s3://"
                + run.in + "/a.jpg with the chain 'hungry', planned to need about "), e.getMessage());
        assertTrue(e.getMessage().endsWith("Give the function more memory, use a smaller image, or use fewer or cheaper steps"),
                e.getMessage());
    }
}
