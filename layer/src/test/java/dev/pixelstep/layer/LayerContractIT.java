package dev.pixelstep.layer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pixelstep.functions.support.FormatFixtures;
import dev.pixelstep.functions.support.FormatFixtures.Fixture;
import dev.pixelstep.functions.support.S3ProxyServer;
import dev.pixelstep.testkit.FileTrees;
import dev.pixelstep.testkit.photos.TestPhotos;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The layer contract: the BUILT function zip and layer zip, unpacked the way Lambda unpacks them
 * ({@code /var/task} and {@code /opt}), run both handlers in a fresh JVM whose class path is only
 * Lambda's (task root, task {@code lib/*}, then {@code /opt/java/lib/*.jar}) plus a one-class
 * runner, against a real S3 API (S3Proxy on loopback) with a real photograph. A second layer
 * directory holds a plugin jar compiled during the test; its operation is usable from metadata.
 * The forked JVM uses Lambda's default Java flags and sees no system fonts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LayerContractIT {

    private static final String PROCESSOR = "dev.pixelstep.functions.processor.ProcessorHandler";
    private static final String ANALYSER = "dev.pixelstep.functions.analyser.AnalyserHandler";
    private static final String IN = "layer-input";
    private static final String OUT = "layer-output";
    private static final String KEY = "photos/holiday shot.jpg";
    private static final String CHAIN = "grayscale, blur(radius=4), sepia, swap-red-blue";

    private final ObjectMapper json = new ObjectMapper();
    private final Path layerZip = Path.of(System.getProperty("pixelstep.layer.zip"));
    private final Path functionZip = Path.of(System.getProperty("pixelstep.function.zip"));
    private final Path work = Path.of(System.getProperty("pixelstep.work.dir"));
    private final Map<String, JsonNode> responses = new HashMap<>();
    private S3ProxyServer s3;
    private String runOutput;

    @BeforeAll
    void runHandlersFromTheBuiltZips() throws Exception {
        FileTrees.delete(work);
        Path task = work.resolve("var/task");
        Path opt = work.resolve("opt");
        Path pluginLayer = work.resolve("opt-plugin");
        Zips.unpack(functionZip, task);
        Zips.unpack(layerZip, opt);
        Path spiJar = Zips.jars(opt.resolve("java/lib")).stream()
                .filter(p -> p.getFileName().toString().startsWith("pixelstep-spi-")).findFirst()
                .orElseThrow(() -> new AssertionError("the layer has no pixelstep-spi jar"));
        PluginJar.build(spiJar, work.resolve("plugin-build"), pluginLayer.resolve("java/lib/pixelstep-test-plugin.jar"));
        Path runner = copyRunner(work.resolve("runner"));

        s3 = S3ProxyServer.start();
        s3.createBucket(IN);
        s3.createBucket(OUT);
        s3.put(IN, KEY, Files.readAllBytes(TestPhotos.jpeg()), Map.of("operations", CHAIN));
        s3.put(IN, "bad.jpg", Files.readAllBytes(TestPhotos.jpeg()), Map.of("operations", "grayscale, blurr"));

        Map<String, String> requests = new java.util.LinkedHashMap<>();
        requests.put("process", PROCESSOR + "|{\"bucket\":\"" + IN + "\",\"key\":\"photos/holiday+shot.jpg\",\"size\":1,\"etag\":\"x\"}");
        requests.put("original", ANALYSER + "|{\"bucket\":\"" + IN + "\",\"key\":\"" + KEY + "\",\"label\":\"original\"}");
        requests.put("combined", ANALYSER + "|{\"bucket\":\"" + OUT + "\",\"key\":\"" + KEY + "/combined.jpg\",\"label\":\"combined\","
                + "\"resultPrefix\":\"" + KEY + "\"}");
        requests.put("bad", PROCESSOR + "|{\"bucket\":\"" + IN + "\",\"key\":\"bad.jpg\"}");
        for (Fixture fixture : FormatFixtures.ALL) { // the functions' README format table, no operations, lossless outputs
            s3.put(IN, "formats/" + fixture.file(), FormatFixtures.bytes(fixture.file()), Map.of("output", "format=png"));
            requests.put("format-" + fixture.file(), PROCESSOR + "|{\"bucket\":\"" + IN + "\",\"key\":\"formats/" + fixture.file() + "\"}");
        }

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx1g", "-Djava.awt.headless=true",
                "-cp", lambdaClassPath(task, opt, pluginLayer, runner), "dev.pixelstep.layer.LambdaRunner"));
        Path exchange = Files.createDirectories(work.resolve("invocations"));
        for (Map.Entry<String, String> r : requests.entrySet()) {
            String[] handlerAndBody = r.getValue().split("\\|", 2);
            Path request = exchange.resolve(r.getKey() + ".request.json");
            Files.writeString(request, handlerAndBody[1], StandardCharsets.UTF_8);
            command.addAll(List.of(handlerAndBody[0], request.toString(), exchange.resolve(r.getKey() + ".response.json").toString()));
        }
        Path emptyFonts = work.resolve("empty-fonts.conf");
        Files.writeString(emptyFonts, "<?xml version=\"1.0\"?>\n<fontconfig/>\n");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(task.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("PIXELSTEP_") || k.equals("JAVA_TOOL_OPTIONS"));
        env.put("PIXELSTEP_OUTPUT_BUCKET", OUT);
        env.put("PIXELSTEP_S3_ENDPOINT", s3.endpoint().toString());
        env.put("PIXELSTEP_S3_PATH_STYLE", "true");
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_ACCESS_KEY_ID", S3ProxyServer.ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", S3ProxyServer.SECRET_KEY);
        env.put("FONTCONFIG_FILE", emptyFonts.toString());
        Process process = builder.start();
        runOutput = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("the runner JVM did not finish:\n" + runOutput);
        }
        assertEquals(0, process.exitValue(), runOutput);
        for (String name : requests.keySet()) {
            responses.put(name, json.readTree(exchange.resolve(name + ".response.json").toFile()));
        }
    }

    @AfterAll
    void stop() {
        if (s3 != null) {
            s3.close();
        }
    }

    @Test
    void functionZipHoldsOnlyTheFunctionsClassesAtItsRoot() {
        List<String> entries = Zips.entries(functionZip);
        assertTrue(entries.contains("dev/pixelstep/functions/processor/ProcessorHandler.class"));
        assertTrue(entries.contains("dev/pixelstep/functions/analyser/AnalyserHandler.class"));
        assertFalse(entries.stream().anyMatch(e -> e.endsWith(".ttf")), "the charts' font comes from the layer (the built-in operations' jar)");
        for (String entry : entries) {
            assertTrue(entry.startsWith("dev/pixelstep/functions/") || "dev/pixelstep/".startsWith(entry) || entry.startsWith("META-INF/"),
                    "unexpected entry in the function zip: " + entry);
            assertFalse(entry.endsWith(".jar"), "the function zip bundles a library: " + entry);
        }
    }

    @Test
    void layerZipHoldsEveryLibraryUnderJavaLib() {
        List<String> jars = new ArrayList<>();
        for (String entry : Zips.entries(layerZip)) {
            if (!entry.endsWith("/")) {
                assertTrue(entry.startsWith("java/lib/") && entry.endsWith(".jar"), "unexpected entry in the layer: " + entry);
                jars.add(entry.substring("java/lib/".length()));
            }
        }
        for (String expected : List.of("pixelstep-spi-", "pixelstep-builtin-operations-", "jfreechart-", "s3-",
                "url-connection-client-", "jackson-databind-", "aws-lambda-java-core-", "crac-",
                "imageio-jpeg-", "imageio-webp-", "imageio-tiff-", "imageio-metadata-")) {
            assertTrue(jars.stream().anyMatch(j -> j.startsWith(expected)), "the layer lacks " + expected + "*.jar: " + jars);
        }
        for (String unwanted : List.of("apache-client-", "apache5-client-", "netty-nio-client-", "httpclient", "s3proxy-", "junit-",
                "pixelstep-functions-", "pixelstep-testkit-", "filters-")) { // filters: JHLabs, a test oracle since issue 13
            assertTrue(jars.stream().noneMatch(j -> j.startsWith(unwanted)), "the layer must not hold " + unwanted + "*: " + jars);
        }
    }

    @Test
    void noClassIsOnTheClassPathTwice() throws IOException {
        Map<String, String> seen = new HashMap<>();
        List<String> duplicates = new ArrayList<>();
        for (String entry : Zips.entries(functionZip)) {
            record(seen, duplicates, entry, "function zip");
        }
        for (Path jar : Zips.jars(work.resolve("opt/java/lib"))) {
            for (String entry : Zips.entries(jar)) {
                record(seen, duplicates, entry, jar.getFileName().toString());
            }
        }
        assertEquals(List.of(), duplicates);
    }

    private static void record(Map<String, String> seen, List<String> duplicates, String entry, String origin) {
        if (!entry.endsWith(".class") || entry.endsWith("module-info.class") || entry.startsWith("META-INF/")) {
            return;
        }
        String previous = seen.putIfAbsent(entry, origin);
        if (previous != null) {
            duplicates.add(entry + " in " + previous + " and " + origin);
        }
    }

    @Test
    void processorRunsFromTheZipsAloneWithThePluginLayer() throws IOException {
        JsonNode result = success("process");
        assertEquals(KEY, result.get("input").get("key").asText(), "the URL-encoded event key was decoded");
        assertEquals(2560, result.get("input").get("width").asInt());
        assertEquals(CHAIN, result.get("chain").asText());
        assertEquals(List.of(KEY + "/independent/01-grayscale.jpg", KEY + "/independent/02-blur.jpg",
                KEY + "/independent/03-sepia.jpg", KEY + "/independent/04-swap-red-blue.jpg"), texts(result.get("outputs").get("independent")));
        BufferedImage original = decode(Files.readAllBytes(TestPhotos.jpeg()));
        BufferedImage swapped = decode(s3.get(OUT, KEY + "/independent/04-swap-red-blue.jpg"));
        assertEquals(2560, swapped.getWidth());
        double redOriginal = meanChannel(original, 16);
        double blueSwapped = meanChannel(swapped, 0);
        assertTrue(Math.abs(redOriginal - blueSwapped) < 2.0,
                "the plugin's output has the original's red in its blue channel: " + redOriginal + " vs " + blueSwapped);
    }

    /**
     * Every row of the format table, read by the layer's readers in the fresh JVM: the combined output
     * of an empty chain, written as PNG ({@code output: format=png}, lossless), has the reference
     * decoder's sRGB pixels, upright, within the fixture's tolerance; the result lists the file.
     */
    @Test
    void everyFormatOfTheTableIsReadFromTheZips() throws IOException {
        for (Fixture fixture : FormatFixtures.ALL) {
            JsonNode result = success("format-" + fixture.file());
            assertEquals(fixture.format(), result.get("input").get("format").asText(), fixture.file());
            String combined = result.get("outputs").get("combined").asText();
            assertEquals("formats/" + fixture.file() + "/combined.png", combined);
            byte[] png = s3.get(OUT, combined);
            assertEquals(png.length, result.get("outputs").get("files").get(0).get("bytes").asLong(), fixture.file());
            FormatFixtures.assertMatches(fixture.file() + " from the zips", FormatFixtures.expected(fixture.file()), decode(png),
                    fixture.tolerance());
        }
    }

    @Test
    void analyserRunsFromTheZipsAloneWithoutSystemFonts() throws IOException {
        JsonNode original = success("original");
        JsonNode combined = success("combined");
        assertEquals(KEY + "/histogram-original.png", original.get("outputs").get("chart").asText());
        assertEquals(KEY + "/histogram-combined.json", combined.get("outputs").get("histogram").asText());
        BufferedImage chart = decode(s3.get(OUT, KEY + "/histogram-original.png"));
        assertEquals(960, chart.getWidth());
        assertTrue(s3.keys(OUT).containsAll(List.of(KEY + "/combined.jpg", KEY + "/histogram-original.json",
                KEY + "/histogram-original.png", KEY + "/histogram-combined.json", KEY + "/histogram-combined.png")));
    }

    @Test
    void typedErrorsReachTheCallerWithTheirClassNameAndTheKnownOperations() {
        JsonNode error = responses.get("bad");
        assertEquals("dev.pixelstep.functions.error.InvalidOperationsException", error.path("errorType").asText(), runOutput);
        String message = error.get("errorMessage").asText();
        assertTrue(message.contains("unknown operation 'blurr'"), message);
        assertTrue(message.contains(PluginJar.OPERATION), "the plugin's operation is among the known ones: " + message);
    }

    private JsonNode success(String name) {
        JsonNode response = responses.get(name);
        assertNotNull(response, name);
        assertFalse(response.has("errorType"), () -> name + " failed: " + response + "\n" + runOutput);
        return response;
    }

    private static String lambdaClassPath(Path task, Path opt, Path pluginLayer, Path runner) {
        List<String> entries = new ArrayList<>();
        entries.add(task.toString());
        Zips.jars(task.resolve("lib")).forEach(p -> entries.add(p.toString()));
        Zips.jars(opt.resolve("java/lib")).forEach(p -> entries.add(p.toString()));
        Zips.jars(pluginLayer.resolve("java/lib")).forEach(p -> entries.add(p.toString()));
        entries.add(runner.toString());
        return String.join(File.pathSeparator, entries);
    }

    /** The runner class alone, in a directory of its own (it is not part of any zip). */
    private static Path copyRunner(Path dir) throws Exception {
        String resource = LambdaRunner.class.getName().replace('.', '/') + ".class";
        Path target = dir.resolve(resource);
        Files.createDirectories(target.getParent());
        try (var in = LambdaRunner.class.getClassLoader().getResourceAsStream(resource)) {
            Files.copy(in, target);
        }
        return dir;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static BufferedImage decode(byte[] bytes) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertNotNull(image);
        return image;
    }

    private static double meanChannel(BufferedImage image, int shift) {
        long sum = 0;
        long n = 0;
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                sum += (image.getRGB(x, y) >> shift) & 0xff;
                n++;
            }
        }
        return (double) sum / n;
    }
}
