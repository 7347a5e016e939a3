package dev.pixelstep.cdk.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Synthesises the app the way {@code cdk synth} does: runs cdk.json's {@code "app"} command (the
 * built jar) through a shell in this module, with the context of cdk.json in {@code CDK_CONTEXT_JSON}
 * and {@code CDK_OUTDIR} set to this module's {@code cdk.out}; then checks the cloud assembly.
 */
class PixelstepAppIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path MODULE = Path.of(System.getProperty("pixelstep.module.dir"));
    private static final Path OUT = MODULE.resolve("cdk.out");
    private static Run synth;

    private record Run(int exitCode, String output, long millis) {
    }

    @BeforeAll
    static void synthesise() throws Exception {
        deleteRecursively(OUT);
        synth = runApp(Map.of());
        System.out.printf("cdk.json app synthesised in %d ms (JVM + jsii + node start included)%n", synth.millis());
    }

    @Test
    void theAppWritesACloudAssemblyWithThePixelstepStack() throws IOException {
        assertEquals(0, synth.exitCode(), synth.output());
        JsonNode manifest = JSON.readTree(OUT.resolve("manifest.json").toFile());
        JsonNode stack = manifest.at("/artifacts/Pixelstep");
        assertEquals("aws:cloudformation:stack", stack.path("type").asText());
        assertEquals("Pixelstep.template.json", stack.at("/properties/templateFile").asText());
        JsonNode template = template();
        assertEquals(2, count(template, "AWS::Lambda::Function"));
        assertEquals(2, count(template, "AWS::StepFunctions::StateMachine"), "the image pipeline and the bulk reprocessing");
        assertEquals(1, count(template, "AWS::Events::Rule"));
    }

    @Test
    void theFunctionAssetIsTheBuiltFunctionZipByteForByte() throws Exception {
        assertEquals(0, synth.exitCode(), synth.output());
        String key = resourceOfType(template(), "AWS::Lambda::Function").at("/Properties/Code/S3Key").asText();
        assertEquals(sha256(Path.of(System.getProperty("pixelstep.function.zip"))), sha256(assetFile(key)));
    }

    @Test
    void theLayerAssetIsTheBuiltLayerZipByteForByte() throws Exception {
        assertEquals(0, synth.exitCode(), synth.output());
        String key = resourceOfType(template(), "AWS::Lambda::LayerVersion").at("/Properties/Content/S3Key").asText();
        assertEquals(sha256(Path.of(System.getProperty("pixelstep.layer.zip"))), sha256(assetFile(key)));
    }

    @Test
    void theSameBucketForInputAndOutputFailsSynthesisWithAClearMessage() throws Exception {
        Path out = MODULE.resolve("target/cdk.out-same-bucket");
        deleteRecursively(out);
        Run run = runApp(Map.of("CDK_OUTDIR", out.toString()), "inputBucket", "acme-images", "outputBucket", "acme-images");
        assertEquals(1, run.exitCode(), run.output());
        assertTrue(run.output().contains("pixelstep: the input and output bucket must differ, both are 'acme-images'"), run.output());
        assertFalse(Files.exists(out.resolve("manifest.json")), "no cloud assembly");
    }

    /** The file in cdk.out that the assets manifest uploads as {@code objectKey}. */
    private static Path assetFile(String objectKey) throws IOException {
        JsonNode files = JSON.readTree(OUT.resolve("Pixelstep.assets.json").toFile()).path("files");
        for (Iterator<JsonNode> it = files.elements(); it.hasNext(); ) {
            JsonNode asset = it.next();
            for (JsonNode destination : asset.path("destinations")) {
                if (destination.path("objectKey").asText().equals(objectKey)) {
                    assertEquals("file", asset.at("/source/packaging").asText(), "uploaded as it is, not re-zipped");
                    return OUT.resolve(asset.at("/source/path").asText());
                }
            }
        }
        throw new AssertionError("no asset uploads " + objectKey);
    }

    private static Run runApp(Map<String, String> environment, String... contextPairs) throws Exception {
        JsonNode cdkJson = JSON.readTree(MODULE.resolve("cdk.json").toFile());
        ObjectNode context = ((ObjectNode) cdkJson.path("context")).deepCopy();
        for (int i = 0; i < contextPairs.length; i += 2) {
            context.put(contextPairs[i], contextPairs[i + 1]);
        }
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", cdkJson.path("app").asText())
                .directory(MODULE.toFile())
                .redirectErrorStream(true);
        builder.environment().put("CDK_OUTDIR", OUT.toString());
        builder.environment().put("CDK_CONTEXT_JSON", JSON.writeValueAsString(context));
        builder.environment().putAll(environment);
        long start = System.nanoTime();
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the app finished");
        return new Run(process.exitValue(), output, (System.nanoTime() - start) / 1_000_000);
    }

    private static JsonNode template() throws IOException {
        return JSON.readTree(OUT.resolve("Pixelstep.template.json").toFile());
    }

    private static JsonNode resourceOfType(JsonNode template, String type) {
        for (JsonNode resource : template.path("Resources")) {
            if (resource.path("Type").asText().equals(type)) {
                return resource;
            }
        }
        throw new AssertionError("no " + type);
    }

    private static long count(JsonNode template, String type) {
        long n = 0;
        for (JsonNode resource : template.path("Resources")) {
            n += resource.path("Type").asText().equals(type) ? 1 : 0;
        }
        return n;
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
