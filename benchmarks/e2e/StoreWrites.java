import dev.pixelstep.local.storage.DurableBlobStore;
import dev.pixelstep.local.storage.EmbeddedS3;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * What durability costs an upload: N PUTs of SIZE bytes through S3Proxy's S3 API, CLIENTS at once,
 * into S3Proxy's filesystem store (no fsync, key-to-path mapping) and into pixelstep's
 * DurableBlobStore (each write forced to the disk, then renamed, then the directory forced), side by
 * side in one run, alternating rounds so both see the same machine.
 *
 *   ./mvnw -B -q install -DskipTests
 *   java -cp 'local/target/pixelstep.jar:local/target/lib/*' benchmarks/e2e/StoreWrites.java [N] [SIZE] [ROUNDS] [CLIENTS]
 */
public class StoreWrites {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 64 * 1024;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int clients = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        byte[] body = new byte[size];
        new Random(1).nextBytes(body);
        long nio2 = 0;
        long durable = 0;
        for (int round = 0; round < rounds; round++) {
            Path dir = Files.createTempDirectory("store-writes");
            nio2 += run(new FilesystemNio2BlobStore(Files.createDirectories(dir.resolve("nio2")).toString()), n, body, clients);
            durable += run(DurableBlobStore.open(dir.resolve("durable"), Clock.systemUTC(), created -> { }), n, body, clients);
        }
        System.out.printf("%d rounds of %d PUTs of %d bytes, %d clients: filesystem store %.2f ms per PUT, durable store"
                + " %.2f ms per PUT, ratio %.2f%n", rounds, n, size, clients, nio2 / 1e6 / n / rounds, durable / 1e6 / n / rounds,
                (double) durable / nio2);
    }

    private static long run(BlobStore store, int n, byte[] body, int threads) throws Exception {
        store.createContainer("bench");
        S3Proxy proxy = S3Proxy.builder().blobStore(store).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.NONE, null, null).ignoreUnknownHeaders(true).build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            Thread.sleep(10);
        }
        try (S3Client s3 = EmbeddedS3.client(URI.create("http://127.0.0.1:" + proxy.getPort()))) {
            s3.putObject(b -> b.bucket("bench").key("warm-up"), RequestBody.fromBytes(body));
            ExecutorService clients = Executors.newFixedThreadPool(threads);
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                String key = "photos/" + (i % 20) + "/" + i + ".jpg";
                clients.execute(() -> s3.putObject(b -> b.bucket("bench").key(key).metadata(Map.of("operations", "grayscale")),
                        RequestBody.fromBytes(body)));
            }
            clients.shutdown();
            clients.awaitTermination(10, TimeUnit.MINUTES);
            return System.nanoTime() - start;
        } finally {
            proxy.stop();
        }
    }
}
