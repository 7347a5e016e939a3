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
 *         (between -Dpixelstep.minheap.low and .high of this JVM, default 16 and 4096), then its live peak there
 * livepeak &lt;megapixels&gt; &lt;chain&gt; &lt;MB&gt; [jvm flags]  the live peak of a fresh JVM with -Xmx&lt;MB&gt;m
 * </pre>
 * The <em>live peak</em> is what the request really holds at its peak, without the room the
 * collector needs around it: a fresh JVM processes the photo while a thread forces a full
 * collection every {@value #SAMPLE_MS} ms, and the most heap in use right after any full collection
 * (every heap pool's usage after it, from the collectors' notifications) is the figure. Images live
 * for hundreds of milliseconds at 13 MP, so the samples catch them; the forced collections slow the
 * request down, so the live peak is measured in a run of its own.
 * The photo is {@link TestPhotos#jpeg()} scaled to cover {@code megapixels} at 3:2 and encoded as JPEG q0.9.
 */
public final class ProcessorMeasurements {

    private static final String IN = "bench-in";
    private static final String OUT = "bench-out";
    private static final int SAMPLE_MS = 20;

    private ProcessorMeasurements() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "warm" -> warm(Double.parseDouble(args[1]), args[2], Integer.parseInt(args[3]));
            case "minheap" -> minHeap(Double.parseDouble(args[1]), args[2], List.of(args).subList(3, args.length));
            case "livepeak" -> livePeak(Double.parseDouble(args[1]), args[2], Integer.parseInt(args[3]), List.of(args).subList(4, args.length));
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
            int low = Integer.getInteger("pixelstep.minheap.low", 16); // -Dpixelstep.minheap.low/high narrow the search (MB)
            int high = Integer.getInteger("pixelstep.minheap.high", 4096);
            if (runsWith(high, endpoint, key, jvmFlags) == null) {
                throw new IllegalStateException("does not run even with -Xmx" + high + "m");
            }
            while (high - low > 8) {
                int mid = (low + high) / 2;
                if (runsWith(mid, endpoint, key, jvmFlags) != null) {
                    high = mid;
                } else {
                    low = mid;
                }
            }
            String live = sampledRun(high, endpoint, key, jvmFlags);
            System.out.printf(Locale.ROOT, "%.1f MP, chain '%s' (%d operations), child flags %s: smallest heap that works: -Xmx%dm (fails at %dm); "
                            + "there, %s%n", megapixels, chain, chain.split(",").length, jvmFlags, high, low, live);
        }
    }

    private static void livePeak(double megapixels, String chain, int megabytes, List<String> jvmFlags) throws Exception {
        try (S3ProxyServer server = S3ProxyServer.startOn(Files.createTempDirectory("pixelstep-bench"))) {
            URI endpoint = server.endpoint();
            String key = upload(endpoint, megapixels, chain);
            System.out.printf(Locale.ROOT, "%.1f MP, chain '%s' (%d operations), child flags %s, -Xmx%dm: %s%n", megapixels, chain,
                    chain.split(",").length, jvmFlags, megabytes, sampledRun(megabytes, endpoint, key, jvmFlags));
        }
    }

    /** The live peak line of a child that processes the photo with {@code -Xmx<megabytes>m}, full collections forced. */
    private static String sampledRun(int megabytes, URI endpoint, String key, List<String> jvmFlags) throws Exception {
        List<String> flags = new ArrayList<>(jvmFlags);
        flags.add("-Dpixelstep.livepeak.sampleMs=" + SAMPLE_MS);
        String output = runsWith(megabytes, endpoint, key, flags);
        return output == null ? "the sampled run failed"
                : Arrays.stream(output.split("\n")).filter(l -> l.startsWith("live peak")).findFirst().orElse("no live peak reported");
    }

    /** The child's output if it processed the photo with {@code -Xmx<megabytes>m}, else null. */
    private static String runsWith(int megabytes, URI endpoint, String key, List<String> jvmFlags) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + megabytes + "m", "-XX:+UseSerialGC", "-Djava.awt.headless=true"));
        command.addAll(jvmFlags);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ProcessorMeasurements.class.getName(), "child",
                endpoint.toString(), key));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(5, TimeUnit.MINUTES);
        boolean ok = process.exitValue() == 0;
        System.out.printf(Locale.ROOT, "  -Xmx%dm: %s%n", megabytes, ok ? "ok, " + lastLine(output) : "fails (" + firstLine(output) + ")");
        return ok ? output : null;
    }

    private static void child(URI endpoint, String key) throws InterruptedException {
        try {
            ProcessorHandler handler = handler(endpoint);
            byte[] request = request(key);
            LivePeak peak = LivePeak.watch();
            Integer sampleMs = Integer.getInteger("pixelstep.livepeak.sampleMs");
            if (sampleMs != null) {
                Thread sampler = new Thread(() -> {
                    while (true) {
                        System.gc();
                        try {
                            Thread.sleep(sampleMs);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }, "live-peak-sampler");
                sampler.setDaemon(true);
                sampler.start();
            }
            Invoke.handler(handler, request);
            System.out.println(peak.report());
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

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines[lines.length - 1];
    }

    private static String firstLine(String text) {
        return Arrays.stream(text.split("\n")).filter(l -> !l.isBlank()).findFirst().orElse("no output");
    }

    /**
     * The most heap in use right after a full garbage collection, over every one since {@link #watch}
     * (the sum over the heap pools of their usage after the collection, from the collectors' notifications).
     */
    private static final class LivePeak implements javax.management.NotificationListener {

        private final java.util.concurrent.atomic.AtomicLong most = new java.util.concurrent.atomic.AtomicLong();
        private final java.util.concurrent.atomic.AtomicInteger collections = new java.util.concurrent.atomic.AtomicInteger();

        static LivePeak watch() {
            LivePeak peak = new LivePeak();
            for (java.lang.management.GarbageCollectorMXBean gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
                ((javax.management.NotificationEmitter) gc).addNotificationListener(peak, null, null);
            }
            return peak;
        }

        @Override
        public void handleNotification(javax.management.Notification notification, Object handback) {
            if (!notification.getType().equals(com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                return;
            }
            com.sun.management.GarbageCollectionNotificationInfo info = com.sun.management.GarbageCollectionNotificationInfo.from(
                    (javax.management.openmbean.CompositeData) notification.getUserData());
            if (!info.getGcAction().equals("end of major GC")) {
                return; // a minor collection leaves the old generation's dead images (large arrays go there directly) in place
            }
            long used = 0;
            for (java.lang.management.MemoryPoolMXBean pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
                java.lang.management.MemoryUsage after = info.getGcInfo().getMemoryUsageAfterGc().get(pool.getName());
                if (pool.getType() == java.lang.management.MemoryType.HEAP && after != null) {
                    used += after.getUsed();
                }
            }
            most.accumulateAndGet(used, Math::max);
            collections.incrementAndGet();
        }

        String report() throws InterruptedException {
            Thread.sleep(500); // notifications arrive on a service thread
            return String.format(Locale.ROOT, "live peak (most heap in use after a full collection): %.0f MB over %d full collections",
                    most.get() / 1048576.0, collections.get());
        }
    }
}
