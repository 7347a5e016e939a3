import dev.pixelstep.local.Artifacts;
import dev.pixelstep.local.RuntimeConfig;
import dev.pixelstep.local.runtime.LocalRuntime;
import dev.pixelstep.local.storage.EmbeddedS3;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * End-to-end burst: N uploads at once into a fresh local stack, timed until every manifest exists.
 *
 *   ./mvnw -B -q install -DskipTests
 *   java -cp 'local/target/pixelstep.jar:local/target/lib/*' benchmarks/e2e/BurstUploads.java PHOTO_DIR [N] [CHAIN]
 *
 * Prints the wall time from the first upload to the last manifest, and how many SUCCEEDED.
 */
public class BurstUploads {
    public static void main(String[] args) throws Exception {
        Path photos = Path.of(args[0]);
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        String chain = args.length > 2 ? args[2] : "grayscale,blur,sepia";
        List<Path> files;
        try (Stream<Path> s = Files.list(photos)) {
            files = s.filter(p -> p.toString().endsWith(".jpg")).sorted().toList();
        }
        Path data = Files.createTempDirectory("pixelstep-burst");
        RuntimeConfig config = new RuntimeConfig(data, "127.0.0.1", 0, "pixelstep-input", "pixelstep-output",
                Runtime.getRuntime().availableProcessors(), Artifacts.extract(Artifacts.FUNCTION_ZIP, data.resolve("a")),
                List.of(Artifacts.extract(Artifacts.LAYER_ZIP, data.resolve("a"))));
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        try (LocalRuntime pipeline = LocalRuntime.start(config, quiet); S3Client s3 = EmbeddedS3.client(pipeline.endpoint(), pipeline.storage().credentials())) {
            List<byte[]> bytes = new ArrayList<>();
            for (Path f : files) {
                bytes.add(Files.readAllBytes(f));
            }
            long start = System.nanoTime();
            ExecutorService clients = Executors.newFixedThreadPool(16);
            for (int i = 0; i < n; i++) {
                int k = i;
                clients.execute(() -> s3.putObject(b -> b.bucket("pixelstep-input").key("burst/" + k + ".jpg")
                        .metadata(Map.of("operations", chain)), RequestBody.fromBytes(bytes.get(k % bytes.size()))));
            }
            clients.shutdown();
            int done = 0;
            int succeeded = 0;
            boolean[] seen = new boolean[n];
            while (done < n) {
                for (int i = 0; i < n; i++) {
                    if (!seen[i] && pipeline.storage().head("pixelstep-output", "burst/" + i + ".jpg/manifest.json") != null) {
                        seen[i] = true;
                        done++;
                    }
                }
                Thread.sleep(200);
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            for (int i = 0; i < n; i++) {
                int k = i;
                if (s3.getObjectAsBytes(b -> b.bucket("pixelstep-output").key("burst/" + k + ".jpg/manifest.json"))
                        .asUtf8String().contains("\"SUCCEEDED\"")) {
                    succeeded++;
                }
            }
            System.out.printf("%d uploads of %d photos with '%s', concurrency %d: %d ms wall, %d SUCCEEDED, %.0f ms per upload%n",
                    n, files.size(), chain, config.concurrency(), millis, succeeded, (double) millis / n);
        }
    }
}
