import dev.pixelstep.local.storage.EmbeddedS3;
import dev.pixelstep.local.storage.S3Credentials;
import dev.pixelstep.statemachine.BulkReprocessDefinition;
import dev.pixelstep.statemachine.BulkSummary;
import dev.pixelstep.statemachine.Manifest;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.EncodingType;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The data and the checks of benchmarks/bulk/run.sh, against a running serve (endpoint and data directory given).
 *
 *   upload ENDPOINT DATA BUCKET SMALL_COUNT PHOTO_DIR PHOTO_COUNT
 *       creates BUCKET (not the input bucket: uploading there starts no run), PUTs SMALL_COUNT generated 64x48 PNGs
 *       under small/ and PHOTO_COUNT photos under photos/ (the JPEG and PNG files of PHOTO_DIR of 200 KB or more in
 *       turn, each key its own)
 *   verify ENDPOINT DATA OUTPUT_BUCKET PREFIX RUN_NAME EXPECTED CHAIN
 *       checks that every object under PREFIX has exactly one manifest, SUCCEEDED with CHAIN, and that the run's
 *       summary counts EXPECTED succeeded objects and nothing else; prints "ok ..." or exits 1
 */
public class BulkBench {

    public static void main(String[] args) throws Exception {
        URI endpoint = URI.create(args[1]);
        S3Credentials credentials = S3Credentials.read(Path.of(args[2])).orElseThrow();
        try (S3Client s3 = EmbeddedS3.client(endpoint, credentials)) {
            switch (args[0]) {
                case "upload" -> upload(s3, args[3], Integer.parseInt(args[4]), Path.of(args[5]), Integer.parseInt(args[6]));
                case "verify" -> System.exit(verify(s3, args[3], args[4], args[5], Integer.parseInt(args[6]), args[7]));
                default -> throw new IllegalArgumentException(args[0]);
            }
        }
    }

    private static void upload(S3Client s3, String bucket, int small, Path photoDir, int photos) throws Exception {
        s3.createBucket(b -> b.bucket(bucket));
        List<Path> files;
        try (Stream<Path> s = Files.walk(photoDir)) {
            // wallpapers, not the packages' thumbnails and screenshots
            files = s.filter(p -> p.toString().matches("(?i).*\\.(jpe?g|png)$") && p.toFile().length() >= 200_000).sorted().toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < small; i++) {
            int n = i;
            pool.execute(() -> s3.putObject(b -> b.bucket(bucket).key(String.format("small/%05d.png", n)), RequestBody.fromBytes(png(n))));
        }
        for (int i = 0; i < photos; i++) {
            Path file = files.get(i % files.size());
            String key = String.format("photos/%03d-%s", i, file.getFileName());
            pool.execute(() -> s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(file)));
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        System.out.println("uploaded " + small + " generated PNGs and " + photos + " photos (from " + files.size() + " files)");
    }

    private static byte[] png(int seed) {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                image.setRGB(x, y, (x * 4 + seed) << 16 & 0xff0000 | (y * 5 + seed * 7) << 8 & 0xff00 | seed * 13 & 0xff);
            }
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int verify(S3Client s3, String output, String prefix, String run, int expected, String chain) {
        List<String> keys = s3.listObjectsV2Paginator(b -> b.bucket(output).prefix(prefix).encodingType(EncodingType.URL)).contents()
                .stream().map(o -> o.key()).toList();
        List<String> manifests = keys.stream().filter(k -> k.endsWith("/" + Manifest.FILE_NAME)).toList();
        Map<String, Long> perObject = manifests.stream().collect(Collectors.groupingBy(k -> k, Collectors.counting()));
        long wrong = manifests.stream().filter(k -> {
            Manifest m = Manifest.parse(s3.getObjectAsBytes(b -> b.bucket(output).key(k)).asByteArray());
            return m.status() != Manifest.Status.SUCCEEDED || !m.chain().equals(chain);
        }).count();
        BulkSummary summary = BulkSummary.parse(s3.getObjectAsBytes(b -> b.bucket(output).key(BulkReprocessDefinition.summaryKey(run))).asByteArray());
        BulkSummary.Counts c = summary.counts();
        boolean ok = manifests.size() == expected && perObject.values().stream().allMatch(n -> n == 1) && wrong == 0
                && summary.succeeded() && c.total() == expected && c.succeeded() == expected && c.failed() == 0 && c.skipped() == 0
                && c.pending() == 0;
        System.out.println((ok ? "ok" : "MISMATCH") + ": " + manifests.size() + " manifests under " + prefix + " (" + wrong
                + " not SUCCEEDED with '" + chain + "'); summary " + summary.status() + " " + c);
        return ok ? 0 : 1;
    }
}
