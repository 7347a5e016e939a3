package dev.pixelstep.local.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pixelstep.local.DataDirectory;
import dev.pixelstep.local.cli.Main;
import dev.pixelstep.local.storage.EmbeddedS3;
import dev.pixelstep.local.storage.S3Credentials;
import dev.pixelstep.statemachine.Manifest;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.Stream;

/**
 * The crash harness of issue 11: a real {@code pixelstep serve} process, a burst of uploads through
 * the S3 API, {@code kill -9} (Process.destroyForcibly, SIGKILL) at chosen moments and a restart
 * each time; afterwards every acknowledged upload must have exactly one manifest and one execution
 * record.
 *
 * <p>Kills come in three kinds, taken in turn: during the PUT burst (when a random share of the
 * uploads has been acknowledged), right after a manifest is written (as soon as a new execution
 * record appears: the ledger has not yet recorded the run as finished), and mid-execution (a random
 * moment while runs are in flight). Each upload attempt uses a key of its own and the client does
 * not retry by itself, so that "acknowledged" means exactly one PUT the server answered with 200.
 */
final class CrashHarness {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INPUT = "pixelstep-input";
    private static final String OUTPUT = "pixelstep-output";
    private static final String CHAIN = "grayscale, sepia";

    /** What a harness run found. */
    record Result(int uploads, int attempts, int kills, List<String> killMoments, int lost, int duplicated,
                  int unacknowledgedProcessed, Duration time, long peakRssKb, List<String> problems) {

        String summary() {
            return String.format("uploads %d (attempts %d), kills %d %s, lost %d, duplicated %d, unacknowledged but"
                            + " processed %d, time %.1f s, peak RSS %d MB", uploads, attempts, kills, killMoments, lost,
                    duplicated, unacknowledgedProcessed, time.toMillis() / 1000.0, peakRssKb / 1024);
        }
    }

    private final Path data;
    private final int uploads;
    private final int kills;
    private final Random random;
    private final PrintStream log;
    private final int port;
    private final Path serverLog;
    private Process server;
    private long peakRssKb;

    CrashHarness(Path data, int uploads, int kills, long seed, PrintStream log) {
        this.data = data;
        this.uploads = uploads;
        this.kills = kills;
        this.random = new Random(seed);
        this.log = log;
        this.port = freePort();
        this.serverLog = data.resolveSibling(data.getFileName() + "-serve.log");
    }

    Result run() throws Exception {
        long started = System.nanoTime();
        startServer();
        AtomicReferenceArray<String> acknowledged = new AtomicReferenceArray<>(uploads);
        AtomicInteger acked = new AtomicInteger();
        AtomicInteger attempts = new AtomicInteger();
        List<String> attempted = java.util.Collections.synchronizedList(new ArrayList<>());
        byte[][] images = new byte[8][];
        for (int i = 0; i < images.length; i++) {
            images[i] = LocalStack.png(48, 32, i);
        }
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try (S3Client s3 = client(URI.create("http://127.0.0.1:" + port), S3Credentials.forDataDirectory(data))) {
            for (int i = 0; i < uploads; i++) {
                int n = i;
                clients.execute(() -> {
                    for (int attempt = 1; ; attempt++) {
                        String key = "burst/" + n + "-" + attempt + ".png";
                        attempted.add(key);
                        attempts.incrementAndGet();
                        try {
                            s3.putObject(b -> b.bucket(INPUT).key(key).metadata(Map.of("operations", CHAIN)),
                                    RequestBody.fromBytes(images[n % images.length]));
                            acknowledged.set(n, key);
                            acked.incrementAndGet();
                            return;
                        } catch (RuntimeException e) {
                            sleep(100); // the server is down or restarting: try again under a new key
                        }
                    }
                });
            }
            clients.shutdown();

            List<String> moments = new ArrayList<>();
            int duringPuts = Math.max(1, (kills + 2) / 3);
            int afterManifest = Math.max(1, (kills - duringPuts + 1) / 2);
            for (int k = 0; k < kills; k++) {
                String moment;
                if (k < duringPuts) {
                    int threshold = (int) (uploads * (0.1 + 0.8 * (k + random.nextDouble()) / duringPuts));
                    awaitUntil(() -> acked.get() >= threshold || clients.isTerminated(), Duration.ofMinutes(5));
                    moment = clients.isTerminated() ? "after the PUTs" : "during PUTs (" + acked.get() + " acknowledged)";
                } else if (k < duringPuts + afterManifest) {
                    int records = records().size();
                    awaitUntil(() -> records().size() > records || records >= uploads, Duration.ofMinutes(5));
                    moment = "right after a manifest (" + records().size() + " records)";
                } else {
                    sleep(500 + random.nextInt(2500));
                    moment = "mid-execution (" + records().size() + " records)";
                }
                kill();
                moments.add(moment);
                long restart = System.nanoTime();
                startServer();
                log.printf("kill -9 %d/%d %s; serve listening again after %d ms%n", k + 1, kills, moment,
                        (System.nanoTime() - restart) / 1_000_000);
            }
            if (!clients.awaitTermination(10, TimeUnit.MINUTES)) {
                throw new AssertionError("uploads did not finish");
            }
            log.printf("all %d uploads acknowledged after %d ms%n", uploads, (System.nanoTime() - started) / 1_000_000);

            // Every acknowledged upload ends with a manifest and a record.
            long deadline = System.nanoTime() + Duration.ofMinutes(uploads / 20 + 5).toNanos();
            for (int i = 0; i < uploads; i++) {
                String key = acknowledged.get(i);
                while (!hasManifest(s3, key) && System.nanoTime() < deadline) {
                    sleep(200);
                }
            }
            while (System.nanoTime() < deadline && records().keySet().stream().filter(k -> k.startsWith("burst/")).count()
                    < uploads) {
                sleep(200);
            }
            sampleRss();
            Map<String, Integer> records = records();
            List<String> problems = new ArrayList<>();
            int lost = 0;
            int duplicated = 0;
            for (int i = 0; i < uploads; i++) {
                String key = acknowledged.get(i);
                int count = records.getOrDefault(key, 0);
                boolean manifest = hasManifest(s3, key);
                if (!manifest || count == 0) {
                    lost++;
                    problems.add(key + ": manifest " + manifest + ", records " + count);
                } else if (count > 1) {
                    duplicated++;
                    problems.add(key + ": " + count + " records");
                }
            }
            java.util.Set<String> acknowledgedKeys = new java.util.HashSet<>();
            for (int i = 0; i < uploads; i++) {
                acknowledgedKeys.add(acknowledged.get(i));
            }
            int extra = (int) attempted.stream().filter(k -> !acknowledgedKeys.contains(k) && records.containsKey(k)).count();
            stopServer();
            return new Result(uploads, attempts.get(), kills, moments, lost, duplicated, extra,
                    Duration.ofNanos(System.nanoTime() - started), peakRssKb, problems);
        } finally {
            clients.shutdownNow();
            if (server != null && server.isAlive()) {
                server.destroyForcibly().waitFor();
            }
        }
    }

    /** The last lines the server printed, for a failure message. */
    String serverLogTail() {
        try {
            List<String> lines = Files.readAllLines(serverLog, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no server log: " + e + ")";
        }
    }

    private void startServer() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve",
                "--data", data.toString(), "--port", String.valueOf(port), "--no-web", "--concurrency", "2");
        server = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(serverLog.toFile())).start();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new AssertionError("serve exited with " + server.exitValue() + " on restart:\n" + serverLogTail());
            }
            if (serverListening()) {
                return;
            }
            sleep(50);
        }
        throw new AssertionError("serve did not start:\n" + serverLogTail());
    }

    private boolean serverListening() {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void kill() throws InterruptedException {
        sampleRss();
        server.destroyForcibly(); // SIGKILL on Linux: no shutdown hook runs
        server.waitFor();
    }

    private void stopServer() throws InterruptedException {
        server.destroy();
        if (!server.waitFor(30, TimeUnit.SECONDS)) {
            server.destroyForcibly().waitFor();
        }
    }

    private void sampleRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(server.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    peakRssKb = Math.max(peakRssKb, Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or the process is gone: no figure
        }
    }

    /** Execution records per input key, read from the data directory. */
    private Map<String, Integer> records() {
        Map<String, Integer> counts = new HashMap<>();
        Path dir = DataDirectory.of(data).executions();
        if (!Files.isDirectory(dir)) {
            return counts;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                try {
                    JsonNode record = JSON.readTree(Files.readAllBytes(file));
                    counts.merge(record.path("key").asText(), 1, Integer::sum);
                } catch (IOException e) {
                    // removed while listing
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return counts;
    }

    private static boolean hasManifest(S3Client s3, String key) {
        try {
            return EmbeddedS3.head(s3, OUTPUT, Manifest.keyFor(key)) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A client that never retries by itself: one call, one PUT. */
    private static S3Client client(URI endpoint, S3Credentials credentials) {
        return S3Client.builder()
                .endpointOverride(endpoint)
                .region(EmbeddedS3.REGION)
                .credentialsProvider(credentials.provider())
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).chunkedEncodingEnabled(false).build())
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(30)).build())
                .overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(1)))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout);
            }
            sleep(5);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
