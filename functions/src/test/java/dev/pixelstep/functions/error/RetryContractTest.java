package dev.pixelstep.functions.error;

import dev.pixelstep.functions.analyser.AnalyserHandler;
import dev.pixelstep.functions.config.FunctionConfig;
import dev.pixelstep.functions.internal.image.ImageLimits;
import dev.pixelstep.functions.processor.ProcessorHandler;
import dev.pixelstep.functions.support.Buckets;
import dev.pixelstep.functions.support.Events;
import dev.pixelstep.functions.support.Invoke;
import dev.pixelstep.functions.support.S3ProxyExtension;
import dev.pixelstep.functions.support.S3ProxyServer;
import dev.pixelstep.functions.support.TestImages;
import dev.pixelstep.statemachine.TransientErrors;
import dev.pixelstep.testkit.net.FaultInjectingProxy;
import dev.pixelstep.testkit.net.FaultInjectingProxy.Fault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The retry contract from the functions' side, read against the state machine's one list
 * ({@link TransientErrors}): transient S3 and network faults, really injected between the
 * functions and a real S3 API, end in the one retryable error; nothing else the functions raise is
 * on the list.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(S3ProxyExtension.class)
class RetryContractTest {

    private final S3ProxyServer s3;
    private FaultInjectingProxy proxy;

    RetryContractTest(S3ProxyServer s3) {
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

    @Test
    void theFunctionsRetryableErrorIsExactlyTheOneTheStateMachineRetriesAndNoBadInputIs() throws Exception {
        assertEquals(List.of(TransientException.class.getName()), TransientErrors.FUNCTION_ERRORS);
        Set<String> retried = Set.copyOf(TransientErrors.all());
        Set<String> badInput = new TreeSet<>();
        for (Class<?> type : errorClasses()) {
            if (BadInputException.class.isAssignableFrom(type)) {
                badInput.add(type.getName());
                assertFalse(retried.contains(type.getName()), type.getName() + " is bad input and must never be retried");
            } else {
                assertEquals(TransientException.class, type, type.getName() + " is neither bad input nor the transient error");
            }
        }
        assertTrue(badInput.containsAll(List.of(ChainTooLargeException.class.getName(), ChainTooCostlyException.class.getName(),
                InsufficientMemoryException.class.getName(), WorkTimedOutException.class.getName(),
                InvalidOperationsException.class.getName())), badInput.toString());
    }

    /** Every class of this package, from the compiled classes (the package is the contract's home). */
    private static List<Class<?>> errorClasses() throws URISyntaxException, IOException {
        Path dir = Path.of(TransientException.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("dev/pixelstep/functions/error");
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".class") && !n.equals("package-info.class") && !n.contains("$"))
                    .<Class<?>>map(n -> load("dev.pixelstep.functions.error." + n.substring(0, n.length() - ".class".length())))
                    .toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    private ProcessorHandler processor(String out) {
        return new ProcessorHandler(new FunctionConfig(out, ImageLimits.defaults(), Optional.empty(), true),
                S3ProxyServer.client(proxy.endpoint()));
    }

    @Test
    void s3ThrottlingOnTheDownloadIsTheTransientErrorAfterTheSdksOwnRetries() {
        String in = Buckets.fresh("in");
        String out = Buckets.fresh("out");
        s3.createBucket(in);
        s3.createBucket(out);
        s3.put(in, "a.jpg", TestImages.jpeg(64, 64), Map.of("operations", "invert"));
        int before = proxy.faulted();
        proxy.inject(FaultInjectingProxy.method("GET", "/" + in + "/a.jpg"), Fault.SLOW_DOWN);
        try {
            TransientException e = assertThrows(TransientException.class, () -> Invoke.handler(processor(out),
                    Events.with("processor-input.json", Map.of("bucket", in, "key", "a.jpg"))));
            assertTrue(TransientErrors.FUNCTION_ERRORS.contains(e.getClass().getName()), "the state machine retries it");
            assertTrue(e.getMessage().contains("S3 GetObject on s3://" + in + "/a.jpg failed with HTTP 503 SlowDown"), e.getMessage());
            assertTrue(proxy.faulted() - before >= 3, "the SDK retried first: " + (proxy.faulted() - before));
        } finally {
            proxy.heal();
        }
        assertEquals("combined", Invoke.handler(processor(out), Events.with("processor-input.json", Map.of("bucket", in, "key", "a.jpg")))
                .path("outputs").path("combined").asText().replace("a.jpg/", "").replace(".jpg", ""), "a later attempt succeeds");
    }

    @Test
    void aConnectionResetOnAnUploadIsTheTransientError() {
        String in = Buckets.fresh("in");
        String out = Buckets.fresh("out");
        s3.createBucket(in);
        s3.createBucket(out);
        s3.put(in, "b.png", TestImages.png(32, 32, true), Map.of("operations", "grayscale"));
        proxy.inject(FaultInjectingProxy.method("PUT", "/" + out + "/b.png/combined.png"), Fault.RESET);
        try {
            TransientException e = assertThrows(TransientException.class, () -> Invoke.handler(processor(out),
                    Events.with("processor-input.json", Map.of("bucket", in, "key", "b.png"))));
            assertTrue(e.getMessage().startsWith("S3 PutObject on s3://" + out + "/b.png/combined.png failed after the SDK's retries"),
                    e.getMessage());
        } finally {
            proxy.heal();
        }
    }

    @Test
    void anS3ServerErrorOnTheAnalysersUploadIsTheTransientError() {
        String out = Buckets.fresh("out");
        TransientException e = analyseCombinedWithAFailedUpload(out, "c.jpg", "histogram-combined.json");
        assertTrue(e.getMessage().contains("failed with HTTP 500 InternalError"), e.getMessage());
    }

    /**
     * The document uploads on a thread of its own while the chart is drawn: a failed chart upload is
     * the request's error, and the document's upload has ended (written here) before it is thrown.
     */
    @Test
    void anS3ServerErrorOnTheChartUploadIsTheTransientErrorAfterTheDocumentsUploadEnded() {
        String out = Buckets.fresh("out");
        TransientException e = analyseCombinedWithAFailedUpload(out, "d.jpg", "histogram-combined.png");
        // the proxy answers 500 before it has read the chart's body, which the client sees as that answer or as a broken write
        assertTrue(e.getMessage().startsWith("S3 PutObject on s3://" + out + "/d.jpg/histogram-combined.png failed"), e.getMessage());
        assertTrue(s3.exists(out, "d.jpg/histogram-combined.json"), "the document's upload ended before the error was thrown");
    }

    /** Analyses {@code <prefix>/combined.jpg} in a new bucket {@code out} while S3 answers 500 to the upload of {@code <prefix>/<output>}. */
    private TransientException analyseCombinedWithAFailedUpload(String out, String prefix, String output) {
        s3.createBucket(out);
        s3.put(out, prefix + "/combined.jpg", TestImages.jpeg(32, 32), Map.of());
        AnalyserHandler analyser = new AnalyserHandler(new FunctionConfig(out, ImageLimits.defaults(), Optional.empty(), true),
                S3ProxyServer.client(proxy.endpoint()));
        proxy.inject(FaultInjectingProxy.method("PUT", "/" + out + "/" + prefix + "/" + output), Fault.INTERNAL_ERROR);
        try {
            return assertThrows(TransientException.class, () -> Invoke.handler(analyser, Events.bytes(
                    Events.load("analyser-original-input.json").put("bucket", out).put("key", prefix + "/combined.jpg")
                            .put("label", "combined").put("resultPrefix", prefix))));
        } finally {
            proxy.heal();
        }
    }

    /** An answer the SDK cannot read is read the same on every attempt: retrying it only delays the FAILED manifest. */
    @Test
    void anUnreadableAnswerIsNotTransient() {
        String in = Buckets.fresh("in");
        String out = Buckets.fresh("out");
        s3.createBucket(in);
        s3.createBucket(out);
        s3.put(in, "e.jpg", TestImages.jpeg(8, 8), Map.of());
        proxy.inject(r -> r.method().equals("GET") && r.path().equals("/" + out), Fault.GARBLED); // the discard's listing
        try {
            SdkClientException e = assertThrows(SdkClientException.class, () -> Invoke.handler(processor(out),
                    Events.bytes(Events.load("processor-input.json").put("action", "discard").put("bucket", in).put("key", "e.jpg"))));
            assertFalse(TransientErrors.all().contains(e.getClass().getName()), e.toString());
        } finally {
            proxy.heal();
        }
    }

    @Test
    void accessDeniedIsNotTransient() {
        String in = Buckets.fresh("in");
        s3.createBucket(in);
        s3.put(in, "d.jpg", TestImages.jpeg(8, 8), Map.of());
        S3Client wrongSecret = S3Client.builder().endpointOverride(s3.endpoint()).forcePathStyle(true).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(S3ProxyServer.ACCESS_KEY, "wrong")))
                .httpClient(UrlConnectionHttpClient.create()).build();
        ProcessorHandler handler = new ProcessorHandler(new FunctionConfig("out", ImageLimits.defaults(), Optional.empty(), true), wrongSecret);
        S3Exception e = assertThrows(S3Exception.class, () -> Invoke.handler(handler,
                Events.with("processor-input.json", Map.of("bucket", in, "key", "d.jpg"))));
        assertEquals(403, e.statusCode());
        assertFalse(TransientErrors.all().contains(e.getClass().getName()), "a permission fault is not retried");
    }
}
