package dev.pixelstep.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pixelstep.local.storage.EmbeddedS3;
import dev.pixelstep.local.storage.S3Credentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The AWS CLI command {@code serve} prints, read by a real shell and, where it is installed, run by the real AWS CLI. */
class AwsCliExampleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** ASCII, as S3 metadata must be; the quotes and parentheses are what the shorthand syntax cannot carry. */
    private static final String CHAIN = "grayscale, blur(radius=4), watermark(text=\"it's 'ours'\")";

    @Test
    void theShellReadsTheCredentialsTheEndpointAndTheChainAsJsonMetadata(@TempDir Path home) throws Exception {
        S3Credentials credentials = S3Credentials.generate();
        URI endpoint = URI.create("http://127.0.0.1:9000");
        String command = String.join("\n", AwsCliExample.lines(endpoint, credentials, "pixelstep-input", "my photo.jpg", "my photo.jpg", CHAIN));
        // A stand-in 'aws' that prints what the shell passed it: its environment and its arguments.
        String script = "aws() { printf '%s\\0' \"$AWS_ACCESS_KEY_ID\" \"$AWS_SECRET_ACCESS_KEY\" \"$AWS_REGION\" \"$@\"; }\n" + command;
        List<String> words = Arrays.asList(bash(script, null, home).split("\0"));

        assertEquals(List.of(credentials.accessKeyId(), credentials.secretAccessKey(), "us-east-1", "--endpoint-url", endpoint.toString(),
                "s3", "cp", "my photo.jpg", "s3://pixelstep-input/my photo.jpg", "--metadata"), words.subList(0, 10), command);
        JsonNode metadata = JSON.readTree(words.get(10));
        assertEquals(Map.of("operations", CHAIN), JSON.convertValue(metadata, Map.class), "the CLI's JSON form of --metadata");
        assertEquals(11, words.size());
    }

    @Test
    void theRealAwsCliUploadsWithItToTheEmbeddedS3(@TempDir Path dir) throws Exception {
        AwsCli.require();
        S3Credentials credentials = S3Credentials.forDataDirectory(dir);
        try (EmbeddedS3 s3 = EmbeddedS3.start(dir.resolve("s3"), "127.0.0.1", 0, credentials, created -> { }, "pixelstep-input", "pixelstep-output")) {
            Path work = Files.createDirectories(dir.resolve("work"));
            Files.writeString(work.resolve("photo.jpg"), "stands in for a photo");
            String command = String.join("\n", AwsCliExample.lines(s3.endpoint(), credentials, "pixelstep-input", "photo.jpg", "photo.jpg", CHAIN));
            bash(command, work, Files.createDirectories(dir.resolve("home")));
            assertEquals(CHAIN, s3.head("pixelstep-input", "photo.jpg").metadata().get("operations"));
        }
    }

    /**
     * Runs {@code script} with bash in {@code directory}, in a clean environment with no AWS configuration of the user's
     * ({@code home} as its home); returns its output.
     */
    private static String bash(String script, Path directory, Path home) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("AWS_"));
        env.put("HOME", home.toString());
        env.put("AWS_CONFIG_FILE", home.resolve("none").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("none").toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "bash did not finish");
        assertEquals(0, process.exitValue(), output);
        return output;
    }
}
