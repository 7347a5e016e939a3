package dev.pixelstep.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pixelstep.local.Artifacts;
import dev.pixelstep.local.DataDirectory;
import dev.pixelstep.local.RuntimeConfig;
import dev.pixelstep.local.runtime.ExecutionRecord;
import dev.pixelstep.local.runtime.LocalRuntime;
import dev.pixelstep.local.storage.EmbeddedS3;
import dev.pixelstep.local.storage.S3Credentials;
import dev.pixelstep.statemachine.Manifest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The clients people already use, against one real local pipeline (the built zips): the AWS CLI
 * ({@code s3 cp} single-part and multipart, {@code s3 sync}, {@code s3api put-object}), the AWS SDK
 * for Java v2 (multipart, and the README's snippet), and a presigned PUT URL from {@code pixelstep
 * presign} sent by curl and by {@link HttpClient}, as a browser or an app would. What {@code serve}
 * prints, what the README shows and what {@code presign} prints are run as printed, never retyped
 * here. Each upload: exactly one execution, the chain read as sent (non-ASCII and RFC 2047 values
 * included), every output and the manifest present; nothing else ever becomes an execution.
 *
 * <p>The AWS CLI cases skip with a message where no {@code aws} is installed, and fail when
 * {@code CI=true} ({@code .ci/run} installs Debian's {@code awscli}).
 */
@Tag("clients")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClientCompatibilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INPUT = RuntimeConfig.DEFAULT_INPUT_BUCKET;
    private static final String OUTPUT = RuntimeConfig.DEFAULT_OUTPUT_BUCKET;
    private static final Duration WAIT = Duration.ofSeconds(90);
    /** Valid, and not ASCII: U+3000 (ideographic space) is whitespace to the chain parser. */
    private static final String NON_ASCII_CHAIN = "grayscale,\u3000invert";
    private static final Path README = Path.of("..", "README.md");
    private static final Path CDK_README = Path.of("..", "examples", "deploy-cdk", "README.md");

    private Path root;
    private Path data;
    private Path work;
    private LocalRuntime pipeline;
    private S3Client s3;
    /** Random pixels as PNG, 5.6 MB: over one 5 MB part, so it goes up in two. */
    private byte[] noise;
    /** Every key uploaded by a case, so the last case can check that nothing else ran. */
    private final Set<String> uploaded = new HashSet<>();

    @BeforeAll
    void startThePipeline() throws IOException {
        root = Files.createTempDirectory("client-suite");
        data = root.resolve("data");
        work = Files.createDirectories(root.resolve("work"));
        RuntimeConfig config = new RuntimeConfig(data, "127.0.0.1", 0, INPUT, OUTPUT, 2,
                Artifacts.extract(Artifacts.FUNCTION_ZIP, data.resolve("artifacts")),
                List.of(Artifacts.extract(Artifacts.LAYER_ZIP, data.resolve("artifacts"))));
        pipeline = LocalRuntime.start(config, new PrintStream(System.out, true, StandardCharsets.UTF_8));
        s3 = EmbeddedS3.client(pipeline.endpoint(), pipeline.storage().credentials());
        // The README's commands run from the directory holding .pixelstep.
        Files.createSymbolicLink(work.resolve(".pixelstep"), data);
        Files.write(work.resolve("photo.jpg"), jpeg(320, 240, 1));
        Files.createDirectories(work.resolve("holiday"));
        for (int i = 0; i < 3; i++) {
            Files.write(work.resolve("holiday").resolve("day" + i + ".jpg"), jpeg(200 + 10 * i, 150, 10 + i));
        }
        noise = noisePng(1370, 1370, 5);
        Files.write(work.resolve("noise.png"), noise);
    }

    @AfterAll
    void stop() throws IOException {
        if (s3 != null) {
            s3.close();
        }
        if (pipeline != null) {
            pipeline.close();
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // a temporary directory
        }
    }

    @Test
    @Order(1)
    void theAwsCliCommandServePrintsUploadsAsPrinted() throws Exception {
        AwsCli.require();
        List<String> help = ServeCommand.uploadHelp(pipeline.endpoint(), pipeline.storage().credentials(), INPUT, OUTPUT, data);
        List<String> command = new ArrayList<>();
        for (String line : help.subList(1, help.size())) {
            if (!line.startsWith("  ")) {
                break;
            }
            command.add(line.substring(2));
        }
        bash(String.join("\n", command), Map.of());
        assertOneRun("photo.jpg", "grayscale, blur(radius=4)");

        // The presign command it prints, read by the shell as pasted, then the curl command that prints.
        String presign = help.get(help.size() - 1).strip();
        assertTrue(presign.startsWith("pixelstep presign "), presign);
        String words = bashOutput("pixelstep() { printf '%s\\0' \"$@\"; }\n" + presign.replace("photo.jpg", "printed/photo.jpg"));
        List<String> printed = run(Arrays.asList(words.split("\0")));
        runCurl(printed);
        assertOneRun("printed/photo.jpg", "grayscale, blur(radius=4)");
    }

    @Test
    @Order(2)
    void theReadmesAwsCliBlockWorksAsWritten() throws Exception {
        AwsCli.require();
        String block = readmeBlock("<!-- client-suite:runs-this-block -->");
        assertTrue(block.contains("http://127.0.0.1:9000"), block);
        bash(block.replace("http://127.0.0.1:9000", pipeline.endpoint().toString()), Map.of());
        assertOneRun("cli/photo.jpg", "grayscale, blur(radius=4)");
        for (int i = 0; i < 3; i++) {
            assertOneRun("holiday/day" + i + ".jpg", "sepia, vignette");
        }
        assertOneRun("api/photo.jpg", "grayscale, invert");
    }

    /**
     * The commands for a deployed pipeline, {@code serve --aws}'s and the CDK example README's, as
     * printed, with {@code --endpoint-url} added so this stack stands in for AWS (the bucket part of
     * the target names a prefix of the local input bucket, as {@code $IN} would name the bucket).
     */
    @Test
    @Order(3)
    void theAwsModeCommandsWorkAsPrinted() throws Exception {
        AwsCli.require();
        String standIn = " --endpoint-url " + pipeline.endpoint();
        String credentials = "export AWS_SHARED_CREDENTIALS_FILE=" + AwsCliExample.quote(DataDirectory.of(data).credentials().toString())
                + " AWS_PROFILE=pixelstep\n";
        List<String> help = ServeCommand.awsUploadHelp("us-east-1", INPUT + "/aws-mode");
        List<String> command = new ArrayList<>();
        for (String line : help.subList(1, help.size())) {
            if (!line.startsWith("  ")) {
                break;
            }
            command.add(line.substring(2));
        }
        bash(credentials + String.join("\n", command) + standIn, Map.of());
        assertOneRun("aws-mode/photo.jpg", "grayscale, blur(radius=4)");

        Matcher cdk = Pattern.compile("(?m)^aws s3 cp photo\\.jpg .*--metadata .*$").matcher(Files.readString(CDK_README));
        assertTrue(cdk.find(), "the CDK example's README shows its upload command");
        bash(credentials + "IN=" + INPUT + "/deployed\n" + cdk.group() + standIn + " --region us-east-1", Map.of());
        assertOneRun("deployed/photo.jpg", "grayscale, blur(radius=4), sepia");
    }

    @Test
    @Order(3)
    void theAwsCliUploadsInPartsAsOneRunWithTheMetadataGivenAtTheStart() throws Exception {
        AwsCli.require();
        // The CLI goes multipart above its threshold (8 MB by default); lowered so a 20 KB file goes in one part
        // and a 5.6 MB file in two (parts are at least 5 MB).
        Path config = Files.writeString(root.resolve("aws-config"), """
                [profile pixelstep]
                s3 =
                    multipart_threshold = 1KB
                    multipart_chunksize = 5MB
                """);
        String endpoint = pipeline.endpoint().toString();
        String credentials = DataDirectory.of(data).credentials().toString();
        bash("export AWS_SHARED_CREDENTIALS_FILE=" + AwsCliExample.quote(credentials) + " AWS_PROFILE=pixelstep AWS_REGION=us-east-1\n"
                + "aws --endpoint-url " + endpoint + " s3 cp photo.jpg s3://" + INPUT + "/multipart/one-part.jpg"
                + " --metadata '{\"operations\":\"sepia\"}'\n"
                + "aws --endpoint-url " + endpoint + " s3 cp noise.png s3://" + INPUT + "/multipart/two-parts.png"
                + " --metadata '{\"operations\":\"invert\"}'\n", Map.of("AWS_CONFIG_FILE", config.toString()));
        assertTrue(s3.headObject(b -> b.bucket(INPUT).key("multipart/one-part.jpg")).eTag().endsWith("-1\""), "one part");
        assertTrue(s3.headObject(b -> b.bucket(INPUT).key("multipart/two-parts.png")).eTag().endsWith("-2\""), "two parts");
        assertOneRun("multipart/one-part.jpg", "sepia");
        assertOneRun("multipart/two-parts.png", "invert");
        assertTrue(s3.listMultipartUploads(b -> b.bucket(INPUT)).uploads().isEmpty(), "no upload left open");
    }

    @Test
    @Order(4)
    void theSdkUploadsInPartsAsOneRunAndTheReadmeSnippetWorks() throws Exception {
        // Q-encoded (RFC 2047) at the start of the upload; the parts carry no metadata.
        String chain = "=?UTF-8?Q?grayscale,=E3=80=80sepia?=";
        String key = "sdk/multipart.png";
        String id = s3.createMultipartUpload(b -> b.bucket(INPUT).key(key).contentType("image/png")
                .metadata(Map.of("operations", chain))).uploadId();
        int split = 5 * 1024 * 1024;
        String e1 = s3.uploadPart(b -> b.bucket(INPUT).key(key).uploadId(id).partNumber(1),
                RequestBody.fromBytes(Arrays.copyOfRange(noise, 0, split))).eTag();
        String e2 = s3.uploadPart(b -> b.bucket(INPUT).key(key).uploadId(id).partNumber(2),
                RequestBody.fromBytes(Arrays.copyOfRange(noise, split, noise.length))).eTag();
        assertTrue(records(key).isEmpty() && manifest(key) == null, "nothing runs before the upload completes");
        s3.completeMultipartUpload(b -> b.bucket(INPUT).key(key).uploadId(id).multipartUpload(m -> m.parts(
                CompletedPart.builder().partNumber(1).eTag(e1).build(), CompletedPart.builder().partNumber(2).eTag(e2).build())));
        assertOneRun(key, "grayscale, sepia");

        String aborted = s3.createMultipartUpload(b -> b.bucket(INPUT).key("sdk/aborted.png")
                .metadata(Map.of("operations", "invert"))).uploadId();
        s3.uploadPart(b -> b.bucket(INPUT).key("sdk/aborted.png").uploadId(aborted).partNumber(1), RequestBody.fromBytes(noise));
        s3.abortMultipartUpload(b -> b.bucket(INPUT).key("sdk/aborted.png").uploadId(aborted));

        String snippet = between(Files.readString(Path.of("src/test/java/dev/pixelstep/local/cli/UploadSnippets.java")),
                "// snippet:sdkUpload\n", "        // end:sdkUpload");
        assertEquals(dedent(snippet), dedent(readmeBlock("<!-- client-suite:quotes UploadSnippets.sdkUpload -->")),
                "the README quotes UploadSnippets.sdkUpload as it is");
        UploadSnippets.sdkUpload(pipeline.endpoint(), DataDirectory.of(data).credentials(), work.resolve("photo.jpg"));
        assertOneRun("sdk/photo.jpg", "grayscale, blur(radius=4)");
    }

    /**
     * What newer clients send by default (the AWS SDK for Java since 2.30, the AWS CLI since 2.23):
     * a CRC checksum of every upload, in an {@code aws-chunked} trailer or, over plain HTTP, a header,
     * and per-part checksums in multipart uploads. S3Proxy checks them; a wrong one is refused.
     */
    @Test
    @Order(5)
    void theChecksumsNewerClientsSendByDefaultAreCheckedAndAccepted() throws Exception {
        byte[] photo = Files.readAllBytes(work.resolve("photo.jpg"));
        for (boolean chunked : List.of(true, false)) {
            try (S3Client client = S3Client.builder().endpointOverride(pipeline.endpoint()).region(EmbeddedS3.REGION)
                    .credentialsProvider(pipeline.storage().credentials().provider())
                    .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).chunkedEncodingEnabled(chunked).build())
                    .build()) {
                String prefix = "checksums/" + (chunked ? "trailer" : "header");
                client.putObject(b -> b.bucket(INPUT).key(prefix + "-crc32.jpg").metadata(Map.of("operations", "invert")),
                        RequestBody.fromBytes(photo)); // CRC32, the SDK's default
                client.putObject(b -> b.bucket(INPUT).key(prefix + "-crc32c.jpg").checksumAlgorithm(ChecksumAlgorithm.CRC32_C)
                        .metadata(Map.of("operations", "invert")), RequestBody.fromBytes(photo));
                client.putObject(b -> b.bucket(INPUT).key(prefix + "-sha256.jpg").checksumAlgorithm(ChecksumAlgorithm.SHA256)
                        .metadata(Map.of("operations", "invert")), RequestBody.fromBytes(photo));
                assertOneRun(prefix + "-crc32.jpg", "invert");
                assertOneRun(prefix + "-crc32c.jpg", "invert");
                assertOneRun(prefix + "-sha256.jpg", "invert");
                S3Exception wrong = org.junit.jupiter.api.Assertions.assertThrows(S3Exception.class, () -> client.putObject(b -> b
                        .bucket(INPUT).key(prefix + "-wrong.jpg").checksumCRC32("AAAAAA==").metadata(Map.of("operations", "invert")),
                        RequestBody.fromBytes(photo)));
                assertEquals(400, wrong.statusCode(), wrong.getMessage());
                assertEquals(null, EmbeddedS3.head(s3, INPUT, prefix + "-wrong.jpg"), "a refused upload is not stored");
            }
        }
        try (S3Client client = S3Client.builder().endpointOverride(pipeline.endpoint()).region(EmbeddedS3.REGION)
                .credentialsProvider(pipeline.storage().credentials().provider()).forcePathStyle(true).build()) {
            String key = "checksums/multipart.png";
            int split = 5 * 1024 * 1024;
            String id = client.createMultipartUpload(b -> b.bucket(INPUT).key(key).checksumAlgorithm(ChecksumAlgorithm.CRC32)
                    .metadata(Map.of("operations", "invert"))).uploadId();
            List<CompletedPart> parts = new ArrayList<>();
            for (int n = 1; n <= 2; n++) {
                int part = n;
                byte[] bytes = n == 1 ? Arrays.copyOfRange(noise, 0, split) : Arrays.copyOfRange(noise, split, noise.length);
                var answer = client.uploadPart(b -> b.bucket(INPUT).key(key).uploadId(id).partNumber(part)
                        .checksumAlgorithm(ChecksumAlgorithm.CRC32), RequestBody.fromBytes(bytes));
                parts.add(CompletedPart.builder().partNumber(part).eTag(answer.eTag()).checksumCRC32(answer.checksumCRC32()).build());
            }
            client.completeMultipartUpload(b -> b.bucket(INPUT).key(key).uploadId(id).multipartUpload(m -> m.parts(parts)));
            assertOneRun(key, "invert");
        }
    }

    @Test
    @Order(6)
    void aPresignedUrlUploadsWithCurlAndWithAPlainHttpClientAsPrinted() throws Exception {
        // curl, running the printed command; the chain is not ASCII, so presign sends it RFC 2047 encoded.
        runCurl(presign("presigned/curl.jpg", NON_ASCII_CHAIN, "2m"));
        assertOneRun("presigned/curl.jpg", "grayscale, invert");
        // --endpoint: signed for the name the uploader uses (here localhost, which the Host check accepts).
        String localhost = "http://localhost:" + pipeline.endpoint().getPort();
        List<String> other = run(List.of("presign", "presigned/localhost.jpg", "--ops", "invert", "--file", "photo.jpg",
                "--endpoint", localhost, "--data", data.toString()));
        assertTrue(other.get(0).startsWith("PUT " + localhost + "/"), other.get(0));
        runCurl(other);
        assertOneRun("presigned/localhost.jpg", "invert");

        // java.net.http, as a browser or an app sends it: the printed URL and headers, the image as the body.
        List<String> printed = presign("presigned/http.jpg", "invert", "15m");
        assertTrue(printed.get(0).startsWith("PUT "), printed.get(0));
        URI url = URI.create(printed.get(0).substring(4));
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : printed.subList(2, printed.indexOf(""))) {
            int colon = line.indexOf(": ");
            headers.put(line.substring(2, colon), line.substring(colon + 2));
        }
        assertEquals(Map.of("x-amz-meta-operations", "invert"), headers);
        HttpRequest.Builder put = HttpRequest.newBuilder(url).PUT(HttpRequest.BodyPublishers.ofFile(work.resolve("photo.jpg")));
        headers.forEach(put::header);
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> answer = http.send(put.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        assertOneRun("presigned/http.jpg", "invert");

        // The header is signed: another chain with the same URL is refused, and nothing is stored or run.
        HttpRequest.Builder forged = HttpRequest.newBuilder(url).PUT(HttpRequest.BodyPublishers.ofFile(work.resolve("photo.jpg")))
                .header("x-amz-meta-operations", "blur(radius=100)");
        assertEquals(403, http.send(forged.build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    @Order(7)
    void presignRefusesABadChainAndABadExpiryBeforeSigning() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, Main.run(List.of("presign", "x.jpg", "--ops", "blurr", "--data", data.toString()),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown operation 'blurr'"), err.toString(StandardCharsets.UTF_8));
        err.reset();
        assertEquals(2, Main.run(List.of("presign", "x.jpg", "--ops", "invert", "--expires", "8d", "--data", data.toString()),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("from 1s to 7d"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    @Order(100)
    void nothingButTheUploadsEverRanOrIsListed() throws Exception {
        assertTrue(uploaded.size() >= 4, "the cases before ran: " + uploaded);
        // Every event the store ever raised is an "accepted" line of the ledger, forced to the disk inside the PUT.
        List<String> accepted = new ArrayList<>();
        for (String line : Files.readAllLines(data.resolve("ledger.jsonl"))) {
            JsonNode entry = JSON.readTree(line);
            if (entry.path("op").asText().equals("accepted") && entry.path("bucket").asText().equals(INPUT)) {
                accepted.add(entry.path("key").asText());
            }
        }
        assertEquals(uploaded.size(), accepted.size(), "one event per upload: " + accepted);
        assertEquals(uploaded, new HashSet<>(accepted));
        Set<String> ran = new HashSet<>();
        LocalRuntime.records(data).forEach(r -> ran.add(r.key()));
        assertEquals(uploaded, ran, "every execution is of an uploaded object");
        Set<String> listed = new HashSet<>();
        s3.listObjectsV2Paginator(b -> b.bucket(INPUT).encodingType(EncodingType.URL)).contents().stream().map(S3Object::key)
                .forEach(listed::add);
        assertEquals(uploaded, listed, "nothing of the store's own (no multipart bookkeeping) is listed");
    }

    // ------------------------------------------------------------------ helpers

    /** Exactly one execution of {@code key}, SUCCEEDED with {@code chain}, every output and the manifest stored. */
    private void assertOneRun(String key, String chain) throws Exception {
        uploaded.add(key);
        JsonNode manifest = awaitManifest(key);
        assertEquals("SUCCEEDED", manifest.path("status").asText(), key + ": " + manifest);
        assertEquals(chain, manifest.path("chain").asText(), key);
        List<String> outputs = new ArrayList<>();
        JsonNode o = manifest.path("outputs");
        outputs.add(o.path("combined").asText());
        o.path("independent").forEach(k -> outputs.add(k.asText()));
        o.path("histogramOriginal").forEach(k -> outputs.add(k.asText()));
        o.path("histogramCombined").forEach(k -> outputs.add(k.asText()));
        outputs.add(o.path("manifest").asText());
        for (String output : outputs) {
            assertTrue(s3.headObject(b -> b.bucket(OUTPUT).key(output)).contentLength() > 0, output);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (records(key).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(1, records(key).size(), "one execution of " + key);
    }

    private List<ExecutionRecord> records(String key) {
        return LocalRuntime.records(data).stream().filter(r -> r.key().equals(key)).toList();
    }

    private JsonNode awaitManifest(String key) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode manifest = manifest(key);
            if (manifest != null) {
                return manifest;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no manifest for " + key + " within " + WAIT);
    }

    private JsonNode manifest(String key) {
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

    /** What {@code pixelstep presign} prints, line by line. */
    private List<String> presign(String key, String chain, String expires) {
        return run(List.of("presign", key, "--ops", chain, "--expires", expires, "--file", "photo.jpg", "--data", data.toString()));
    }

    /** What a {@code pixelstep} command line prints, line by line; it must succeed. */
    private static List<String> run(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, args + ": " + err.toString(StandardCharsets.UTF_8));
        return List.of(out.toString(StandardCharsets.UTF_8).split("\n", -1));
    }

    /** Runs the curl command {@code presign} printed, as printed, in the work directory. */
    private void runCurl(List<String> printed) throws IOException, InterruptedException {
        int curl = printed.indexOf("With curl:");
        assertTrue(curl > 0, String.join("\n", printed));
        bash(String.join("\n", printed.subList(curl + 1, printed.size()).stream().filter(line -> !line.isEmpty())
                .map(line -> line.substring(2)).toList()), Map.of());
    }

    /** The fenced block right after {@code marker} in the root README. */
    private static String readmeBlock(String marker) throws IOException {
        String readme = Files.readString(README);
        int at = readme.indexOf(marker);
        assertTrue(at >= 0, "the README has " + marker);
        Matcher block = Pattern.compile("\\G\\s*```[a-z]*\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertTrue(block.find(at + marker.length()), "a fenced block follows " + marker);
        return block.group(1);
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        int to = text.indexOf(end, from);
        assertTrue(from >= 0 && to > from, start);
        return text.substring(from + start.length(), to);
    }

    /** The lines without their common indentation. */
    private static String dedent(String text) {
        List<String> lines = text.lines().toList();
        int indent = lines.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return String.join("\n", lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList()).strip();
    }

    /** Runs a script with bash in the work directory, with no AWS configuration of the user's. */
    private void bash(String script, Map<String, String> extra) throws IOException, InterruptedException {
        bashOutput(script, extra);
    }

    private String bashOutput(String script) throws IOException, InterruptedException {
        return bashOutput(script, Map.of());
    }

    private String bashOutput(String script, Map<String, String> extra) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script).redirectErrorStream(true)
                .directory(work.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("AWS_"));
        Path home = Files.createDirectories(root.resolve("home"));
        env.put("HOME", home.toString());
        env.put("AWS_CONFIG_FILE", home.resolve("aws-config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("none").toString());
        env.putAll(extra);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "bash did not finish");
        assertEquals(0, process.exitValue(), script + "\n---\n" + output);
        return output;
    }

    private static byte[] jpeg(int width, int height, int seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x * 255 / width) << 16 | (y * 255 / height) << 8 | (seed * 37 & 0xff));
            }
        }
        return encode(image, "jpeg");
    }

    /** Random pixels: a PNG about as large as its raw pixels (1370 x 1370 RGB is 5.6 MB, over one 5 MB part). */
    private static byte[] noisePng(int width, int height, int seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        byte[] png = encode(image, "png");
        assertTrue(png.length > 5 * 1024 * 1024, "over one part: " + png.length);
        return png;
    }

    private static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
