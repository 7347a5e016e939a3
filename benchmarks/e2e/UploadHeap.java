import dev.pixelstep.local.storage.EmbeddedS3;
import dev.pixelstep.local.storage.S3Credentials;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Heap an S3 server in this process holds while N uploads of M MB arrive at once, side by side:
 * the embedded S3 with Signature V4 and uploads in signed aws-chunked frames (what EmbeddedS3.client
 * sends), the same with plain bodies signed by their SHA-256 (what the functions' client and most
 * CLIs send over plain HTTP), and S3Proxy without authentication (the stack before issue 11).
 *
 *   ./mvnw -B -q install -DskipTests
 *   java -cp 'local/target/pixelstep.jar:local/target/lib/*' benchmarks/e2e/UploadHeap.java [N] [MB] [ROUNDS]
 *
 * Prints, per round and setting, the wall time and the peak heap above the idle baseline (sampled
 * continuously; the clients run in the same process, so their buffers count too).
 */
public class UploadHeap {
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int mb = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path dir = Files.createTempDirectory("pixelstep-upload-heap");
        byte[] body = new byte[mb * 1024 * 1024];
        new Random(1).nextBytes(body);
        Path file = Files.write(dir.resolve("body.bin"), body);
        for (int round = 1; round <= rounds; round++) {
            for (String setting : List.of("v4-chunked", "v4-plain", "no-auth")) {
                S3Credentials credentials = S3Credentials.generate();
                Path store = Files.createDirectories(dir.resolve(round + "-" + setting));
                EmbeddedS3 embedded = null;
                S3Proxy open = null;
                URI endpoint;
                if (setting.startsWith("v4")) {
                    embedded = EmbeddedS3.start(store, "127.0.0.1", 0, credentials, created -> { }, "bench");
                    endpoint = embedded.endpoint();
                } else {
                    FilesystemNio2BlobStore blobs = new FilesystemNio2BlobStore(store.toString());
                    blobs.createContainer("bench");
                    open = S3Proxy.builder().blobStore(blobs).endpoint(URI.create("http://127.0.0.1:0"))
                            .awsAuthentication(AuthenticationType.NONE, null, null).ignoreUnknownHeaders(true).build();
                    open.start();
                    while (!"STARTED".equals(open.getState())) {
                        Thread.sleep(10);
                    }
                    endpoint = URI.create("http://127.0.0.1:" + open.getPort());
                }
                S3Client client = setting.equals("v4-chunked") ? EmbeddedS3.client(endpoint, credentials) : plainBodies(endpoint, credentials);
                MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
                System.gc();
                Thread.sleep(300);
                long baseline = memory.getHeapMemoryUsage().getUsed();
                AtomicLong peak = new AtomicLong(baseline);
                Thread sampler = new Thread(() -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    }
                });
                sampler.start();
                ExecutorService uploads = Executors.newFixedThreadPool(n);
                long started = System.nanoTime();
                List<Future<?>> done = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    String key = "k" + i;
                    done.add(uploads.submit(() -> client.putObject(b -> b.bucket("bench").key(key), RequestBody.fromFile(file))));
                }
                for (Future<?> f : done) {
                    f.get();
                }
                long millis = (System.nanoTime() - started) / 1_000_000;
                sampler.interrupt();
                sampler.join();
                uploads.shutdown();
                if (!Arrays.equals(body, client.getObjectAsBytes(b -> b.bucket("bench").key("k0")).asByteArray())) {
                    throw new AssertionError(setting + ": the object differs from what was uploaded");
                }
                System.out.printf("round %d  %-10s  %d x %d MB: %5d ms, peak heap +%d MB%n", round, setting, n, mb, millis,
                        (peak.get() - baseline) / (1024 * 1024));
                client.close();
                if (embedded != null) {
                    embedded.close();
                } else {
                    open.stop();
                }
            }
        }
    }

    /** EmbeddedS3's client but with plain bodies signed by their SHA-256, as the functions' client sends them. */
    private static S3Client plainBodies(URI endpoint, S3Credentials credentials) {
        return S3Client.builder().endpointOverride(endpoint).region(EmbeddedS3.REGION).credentialsProvider(credentials.provider())
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).chunkedEncodingEnabled(false).build())
                .httpClient(UrlConnectionHttpClient.create())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED).build();
    }
}
