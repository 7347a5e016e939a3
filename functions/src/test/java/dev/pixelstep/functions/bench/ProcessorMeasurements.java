package dev.pixelstep.functions.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pixelstep.functions.config.FunctionConfig;
import dev.pixelstep.functions.internal.image.ImageEncoder;
import dev.pixelstep.functions.internal.image.ImageFormat;
import dev.pixelstep.functions.internal.image.ImageLimits;
import dev.pixelstep.functions.processor.ProcessorHandler;
import dev.pixelstep.functions.support.Invoke;
import dev.pixelstep.functions.support.S3ProxyServer;
import dev.pixelstep.testkit.photos.BenchmarkImages;
import dev.pixelstep.testkit.photos.TestPhotos;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Measurements of the processor for the README; not a test (timing has no place in unit tests).
 * S3 is S3Proxy with a filesystem blob store, so stored objects do not sit on the measured heap.
 *
 * <pre>
 * warm    &lt;megapixels&gt; &lt;chain&gt; &lt;runs&gt;   process the same photo repeatedly in this JVM; prints every run and the median of the last half
 * minheap &lt;megapixels&gt; &lt;chain&gt; [jvm flags]  smallest -Xmx (MB, to 8 MB) with which a fresh JVM processes the photo
 * </pre>
 * The photo is {@link TestPhotos#jpeg()} scaled to cover {@code megapixels} at 3:2 and encoded as JPEG q0.9.
 */
public final class ProcessorMeasurements {

    private static final String IN = "bench-in";
    private static final String OUT = "bench-out";

    private ProcessorMeasurements() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "warm" -> warm(Double.parseDouble(args[1]), args[2], Integer.parseInt(args[3]));
            case "minheap" -> minHeap(Double.parseDouble(args[1]), args[2], List.of(args).subList(3, args.length));
            case "child" -> child(URI.create(args[1]), args[2]);
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    private static void warm(double megapixels, String chain, int runs) throws Exception {
        try (S3ProxyServer server = S3ProxyServer.startOn(Files.createTempDirectory("pixelstep-bench"))) {
            URI endpoint = server.endpoint();
            String key = upload(endpoint, megapixels, chain);
            ProcessorHandler handler = handler(endpoint);
            byte[] request = request(key);
            List<Long> totals = new ArrayList<>();
            for (int i = 1; i <= runs; i++) {
                long start = System.nanoTime();
                JsonNode result = Invoke.handler(handler, request);
                long ms = (System.nanoTime() - start) / 1_000_000;
                totals.add(ms);
                System.out.printf(Locale.ROOT, "run %d: %d ms (timings %s)%n", i, ms, result.get("timingsMs"));
            }
            List<Long> warm = new ArrayList<>(totals.subList(runs / 2, runs));
            warm.sort(Long::compare);
            System.out.printf(Locale.ROOT, "warm median of runs %d..%d: %d ms; JVM: %s%n", runs / 2 + 1, runs, warm.get(warm.size() / 2),
                    java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        }
    }

    private static void minHeap(double megapixels, String chain, List<String> jvmFlags) throws Exception {
        try (S3ProxyServer server = S3ProxyServer.startOn(Files.createTempDirectory("pixelstep-bench"))) {
            URI endpoint = server.endpoint();
            String key = upload(endpoint, megapixels, chain);
            int low = 16;
            int high = 4096;
            if (!runsWith(high, endpoint, key, jvmFlags)) {
                throw new IllegalStateException("does not run even with -Xmx" + high + "m");
            }
            while (high - low > 8) {
                int mid = (low + high) / 2;
                if (runsWith(mid, endpoint, key, jvmFlags)) {
                    high = mid;
                } else {
                    low = mid;
                }
            }
            System.out.printf(Locale.ROOT, "%.1f MP, chain '%s' (%d operations), child flags %s: smallest heap that works: -Xmx%dm (fails at %dm)%n",
                    megapixels, chain, chain.split(",").length, jvmFlags, high, low);
        }
    }

    private static boolean runsWith(int megabytes, URI endpoint, String key, List<String> jvmFlags) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + megabytes + "m", "-XX:+UseSerialGC", "-Djava.awt.headless=true"));
        command.addAll(jvmFlags);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ProcessorMeasurements.class.getName(), "child",
                endpoint.toString(), key));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(5, TimeUnit.MINUTES);
        boolean ok = process.exitValue() == 0;
        System.out.printf(Locale.ROOT, "  -Xmx%dm: %s%n", megabytes, ok ? "ok" : "fails (" + firstLine(output) + ")");
        return ok;
    }

    private static void child(URI endpoint, String key) {
        try {
            Invoke.handler(handler(endpoint), request(key));
            System.exit(0);
        } catch (OutOfMemoryError e) {
            System.out.println("OutOfMemoryError: " + e.getMessage());
            System.exit(1);
        }
    }

    private static ProcessorHandler handler(URI endpoint) {
        S3Client s3 = S3ProxyServer.client(endpoint);
        return new ProcessorHandler(new FunctionConfig(OUT, ImageLimits.defaults(), Optional.of(endpoint), true), s3);
    }

    private static byte[] request(String key) {
        return ("{\"bucket\":\"" + IN + "\",\"key\":\"" + key + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static String upload(URI endpoint, double megapixels, String chain) {
        int height = (int) Math.round(Math.sqrt(megapixels * 1_000_000 / 1.5));
        int width = (int) Math.round(height * 1.5);
        BufferedImage photo = BenchmarkImages.scaledToCover(BenchmarkImages.decode(TestPhotos.jpeg()), width, height);
        byte[] jpeg = new ImageEncoder().encode(photo, ImageFormat.JPEG).toByteArray();
        String key = "photo-" + width + "x" + height + ".jpg";
        try (S3Client s3 = S3ProxyServer.client(endpoint)) {
            for (String bucket : List.of(IN, OUT)) {
                if (s3.listBuckets().buckets().stream().noneMatch(b -> b.name().equals(bucket))) {
                    s3.createBucket(b -> b.bucket(bucket));
                }
            }
            s3.putObject(b -> b.bucket(IN).key(key).metadata(Map.of("operations", chain)), RequestBody.fromBytes(jpeg));
        }
        System.out.printf(Locale.ROOT, "photo %dx%d (%.2f MP), %d bytes, chain '%s'%n", width, height, width * (double) height / 1e6,
                jpeg.length, chain);
        return key;
    }

    private static String firstLine(String text) {
        return Arrays.stream(text.split("\n")).filter(l -> !l.isBlank()).findFirst().orElse("no output");
    }
}
