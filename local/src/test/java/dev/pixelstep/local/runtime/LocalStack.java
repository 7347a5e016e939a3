package dev.pixelstep.local.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pixelstep.local.Artifacts;
import dev.pixelstep.local.RuntimeConfig;
import dev.pixelstep.local.storage.EmbeddedS3;
import dev.pixelstep.statemachine.Manifest;
import org.gaul.s3proxy.blobstore.BlobStore;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Starts the real local pipeline for a test and talks to it as any S3 client would. */
final class LocalStack implements AutoCloseable {

    static final String INPUT = "pixelstep-input";
    static final String OUTPUT = "pixelstep-output";
    private static final ObjectMapper JSON = new ObjectMapper();

    final LocalRuntime pipeline;
    final S3Client s3;

    private LocalStack(LocalRuntime pipeline) {
        this.pipeline = pipeline;
        this.s3 = EmbeddedS3.client(pipeline.endpoint(), pipeline.storage().credentials());
    }

    static LocalStack start(Path data, int concurrency, Path... pluginLayers) {
        return start(config(data, concurrency, pluginLayers), UnaryOperator.identity());
    }

    /** The configuration {@link #start(Path, int, Path...)} uses, to change before starting. */
    static RuntimeConfig config(Path data, int concurrency, Path... pluginLayers) {
        List<Path> layers = new ArrayList<>();
        layers.add(Artifacts.extract(Artifacts.LAYER_ZIP, data.resolve("artifacts")));
        layers.addAll(List.of(pluginLayers));
        return new RuntimeConfig(data, "127.0.0.1", 0, INPUT, OUTPUT, concurrency,
                Artifacts.extract(Artifacts.FUNCTION_ZIP, data.resolve("artifacts")), layers);
    }

    /** Starts with a blob store of the test's between S3Proxy and the storage. */
    static LocalStack start(RuntimeConfig config, UnaryOperator<BlobStore> storeMiddleware) {
        return new LocalStack(LocalRuntime.start(config, new PrintStream(System.out, true), storeMiddleware));
    }

    void upload(String key, byte[] bytes, String operations) {
        s3.putObject(b -> b.bucket(INPUT).key(key).metadata(Map.of("operations", operations)), RequestBody.fromBytes(bytes));
    }

    /** Polls for K/manifest.json as a client would. */
    JsonNode awaitManifest(String key, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode manifest = manifest(key);
            if (manifest != null) {
                return manifest;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no manifest for " + key + " within " + timeout);
    }

    JsonNode manifest(String key) {
        try {
            return JSON.readTree(s3.getObjectAsBytes(b -> b.bucket(OUTPUT).key(Manifest.keyFor(key))).asByteArray());
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return null;
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the execution record of an input key, as {@code pixelstep run} does after the manifest. */
    static ExecutionRecord awaitRecord(Path data, String key) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            var record = LocalRuntime.record(data, INPUT, key);
            if (record.isPresent()) {
                return record.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no execution record for " + key);
    }

    byte[] output(String key) {
        return s3.getObjectAsBytes(b -> b.bucket(OUTPUT).key(key)).asByteArray();
    }

    static byte[] png(int width, int height, int seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x * 255 / width) << 16 | (y * 255 / height) << 8 | (seed * 37 & 0xff));
            }
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        s3.close();
        pipeline.close();
    }
}
