package dev.pixelstep.local.cli;

import dev.pixelstep.asl.ExecutionStatus;
import dev.pixelstep.local.Artifacts;
import dev.pixelstep.local.DataDirectory;
import dev.pixelstep.local.RuntimeConfig;
import dev.pixelstep.local.runtime.ExecutionRecord;
import dev.pixelstep.local.runtime.LocalRuntime;
import dev.pixelstep.local.runtime.StateProgress;
import dev.pixelstep.local.storage.EmbeddedS3;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keys and error text come from whoever uploads; what the commands print never carries their
 * control characters to the terminal (issue 11, item 10).
 */
class TerminalEscapeTest {

    private static final String HOSTILE = "x\u001b]0;owned\u0007\u001b[2J\u009b31m\r\u202eevil";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int pixelstep(String... args) {
        return Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void executionsPrintsKeysAndErrorsFromMetadataEscaped(@TempDir Path data) throws Exception {
        ExecutionRecord record = new ExecutionRecord("run-1", "arn:run-1", "pixelstep-input", "photos/" + HOSTILE + ".png",
                ExecutionStatus.FAILED, Instant.parse("2026-01-01T10:00:00Z"), Instant.parse("2026-01-01T10:00:01Z"),
                "Bad" + HOSTILE, "at character 3: unexpected '" + HOSTILE + "'",
                List.of(new StateProgress("Process" + HOSTILE, StateProgress.Status.FAILED, 12)));
        Files.createDirectories(DataDirectory.of(data).executions());
        Files.writeString(DataDirectory.of(data).executions().resolve("run-1.json"), record.toJson(), StandardCharsets.UTF_8);

        assertEquals(0, pixelstep("executions", "--data", data.toString()), err.toString(StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertNoControlCharacters(printed);
        assertTrue(printed.contains("photos/x\\e]0;owned\\a\\e[2J\\u009b31m\\r\\u202eevil.png"), printed);
    }

    @Test
    void runPrintsABadChainEscaped(@TempDir Path dir) throws Exception {
        Path image = dir.resolve("a.png");
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", image.toFile());
        assertEquals(2, pixelstep("run", image.toString(), "--ops", "blur(radius=\"" + HOSTILE + "\")", "--data", dir.resolve("data").toString()));
        String printed = err.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("--ops: "), printed);
        assertNoControlCharacters(printed);
    }

    @Test
    void serveLogsKeysEscaped(@TempDir Path data) throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        RuntimeConfig config = new RuntimeConfig(data, "127.0.0.1", 0, "pixelstep-input", "pixelstep-output", 1,
                Artifacts.extract(Artifacts.FUNCTION_ZIP, data.resolve("artifacts")),
                List.of(Artifacts.extract(Artifacts.LAYER_ZIP, data.resolve("artifacts"))));
        String key = "k" + HOSTILE + ".png";
        try (LocalRuntime pipeline = LocalRuntime.start(config, new PrintStream(log, true, StandardCharsets.UTF_8));
             S3Client s3 = EmbeddedS3.client(pipeline.endpoint(), pipeline.storage().credentials())) {
            // Metadata is ASCII on the wire: the hostile chain travels as an RFC 2047 encoded word, as the web page sends text.
            String chain = "=?UTF-8?B?" + Base64.getEncoder().encodeToString(("grayscale" + HOSTILE).getBytes(StandardCharsets.UTF_8))
                    + "?=";
            s3.putObject(b -> b.bucket("pixelstep-input").key(key).metadata(Map.of("operations", chain)),
                    RequestBody.fromString("not an image"));
            long deadline = System.nanoTime() + 60_000_000_000L;
            // The run's last line is its FAILED summary; the functions' own log lines (which quote the key) come before it.
            while (!log.toString(StandardCharsets.UTF_8).contains("FAILED") && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        }
        String printed = log.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("FAILED"), printed);
        assertTrue(printed.contains("[pixelstep-processor] discarded"), "the processor's own log line is part of the check: " + printed);
        assertNoControlCharacters(printed);
    }

    private static void assertNoControlCharacters(String printed) {
        printed.codePoints().forEach(c -> assertTrue(c == '\n' || !(Character.isISOControl(c) || c == 0x202e),
                () -> String.format("U+%04X printed raw in:%n%s", c, printed)));
    }
}
