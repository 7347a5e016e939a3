package dev.pixelstep.local.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pixelstep.asl.ExecutionStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What one run of the stack leaves never keeps the next from starting, and what it finished never
 * runs again (issue 11, items 1, 2, 7, 8 and 9). One shared fixture, since every case needs a stop
 * and a start: a first stack takes uploads that hit each fault and is stopped; what a kill -9
 * leaves mid-upload is planted; a second stack starts on the same data directory. Each test checks
 * one fault.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestartTest {

    private static final Duration WAIT = Duration.ofMinutes(2);
    private static final String CONTROL_KEY = "bell\u0007/esc\u001b[31m red\u0001.png";
    private static final String EMOJI_KEY = "emoji.png";
    /** 1,015 bytes: S3 takes it, but no output key under it fits S3's 1,024-byte limit, not even the manifest. */
    private static final String TOO_LONG_FOR_OUTPUTS = ("d".repeat(200) + "/").repeat(5) + "x".repeat(10);
    /** Keys S3 accepts that a file system cannot hold as paths. */
    private static final List<String> ODD_KEYS = List.of("K", "K/x", "a/./b/../c.png", "long/" + "s".repeat(960) + ".png",
            "trailing/", "K/combined.png", "..", "dot/./.");

    /** The class's data directory, deleted after its last test. */
    @TempDir
    static Path data;
    private LocalStack second;
    private final Map<String, Instant> firstStarts = new HashMap<>();
    private final Map<String, String> sameKeyChains = new HashMap<>();
    private JsonNode emojiManifest;

    @BeforeAll
    void runStopAndRestart() throws Exception {
        byte[] same = LocalStack.png(40, 30, 7);
        try (LocalStack first = LocalStack.start(data, 2)) {
            first.upload(CONTROL_KEY, LocalStack.png(32, 24, 1), "invert");
            // S3 metadata is ASCII: a non-ASCII chain travels as an RFC 2047 encoded word, as the web page sends it.
            first.upload(EMOJI_KEY, LocalStack.png(32, 24, 2), "=?UTF-8?B?" + Base64.getEncoder().encodeToString(
                    "grayscale\uD83D\uDE00".getBytes(StandardCharsets.UTF_8)) + "?=");
            first.upload(TOO_LONG_FOR_OUTPUTS, LocalStack.png(24, 16, 3), "invert");
            for (int i = 0; i < ODD_KEYS.size(); i++) {
                first.upload(ODD_KEYS.get(i), LocalStack.png(24, 16, i), "invert");
            }
            first.upload("same.png", same, "grayscale");
            sameKeyChains.put("first", first.awaitManifest("same.png", WAIT).path("chain").asText());
            first.upload("same.png", same, "invert");
            sameKeyChains.put("second", awaitChain(first, "same.png", "invert"));

            emojiManifest = first.awaitManifest(EMOJI_KEY, WAIT);
            for (String key : List.of(CONTROL_KEY, EMOJI_KEY, TOO_LONG_FOR_OUTPUTS)) {
                firstStarts.put(key, LocalStack.awaitRecord(data, key).started());
            }
            for (String key : ODD_KEYS) {
                first.awaitManifest(key, WAIT);
            }
        }
        // What S3Proxy's filesystem store (the earlier layout) left when killed while writing "photo.png":
        // the partial body under "<key>-<uuid>", without the extended attributes that carry its ETag.
        Path legacyBucket = Files.createDirectories(data.resolve("s3/" + LocalStack.INPUT));
        Files.write(legacyBucket.resolve("photo.png-" + UUID.randomUUID()), LocalStack.png(32, 24, 9));

        second = LocalStack.start(data, 1);
        second.upload("same.png", same, "sepia");
        sameKeyChains.put("third", awaitChain(second, "same.png", "sepia"));
        second.upload("after.png", LocalStack.png(32, 24, 10), "invert");
        second.awaitManifest("after.png", WAIT);
        LocalStack.awaitRecord(data, "after.png");
    }

    @AfterAll
    void stop() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void aTemporaryFileOfAKilledUploadDoesNotStopTheRestart() {
        assertEquals("SUCCEEDED", second.manifest("after.png").path("status").asText());
        assertTrue(second.pipeline.storage().list(LocalStack.INPUT).stream().noneMatch(o -> o.key().startsWith("photo.png")),
                "a partial upload is no object");
    }

    @Test
    void aKeyWithAControlCharacterDoesNotStopTheRestart() {
        assertEquals("SUCCEEDED", second.manifest(CONTROL_KEY).path("status").asText());
        assertTrue(second.pipeline.storage().list(LocalStack.INPUT).stream().anyMatch(o -> o.key().equals(CONTROL_KEY)),
                "the listing carries the key intact");
        assertNotRunAgain(CONTROL_KEY);
    }

    @Test
    void reUploadingIdenticalBytesWithANewChainRunsTheNewChain() {
        assertEquals("grayscale", sameKeyChains.get("first"));
        assertEquals("invert", sameKeyChains.get("second"), "the second PUT of the same bytes runs with its own chain");
        assertEquals("sepia", sameKeyChains.get("third"), "and so does a third, after a restart");
    }

    @Test
    void anEmojiInABadChainIsReportedWholeRecordedOnceAndNotRepeated() {
        assertEquals("FAILED", emojiManifest.path("status").asText());
        String message = emojiManifest.at("/error/message").asText();
        assertTrue(message.contains("'\uD83D\uDE00'"), "the whole code point is reported: " + message);
        assertFalse(hasLoneSurrogate(message), message);
        ExecutionRecord record = LocalRuntime.record(data, LocalStack.INPUT, EMOJI_KEY).orElseThrow();
        assertEquals(ExecutionStatus.FAILED, record.status());
        assertFalse(hasLoneSurrogate(String.valueOf(record.cause())), record.cause());
        assertNotRunAgain(EMOJI_KEY);
    }

    @Test
    void keysAFileSystemCannotHoldAsPathsAreProcessed() {
        for (String key : ODD_KEYS) {
            JsonNode manifest = second.manifest(key);
            assertEquals("SUCCEEDED", manifest.path("status").asText(), key + ": " + manifest);
            assertEquals(key, manifest.at("/input/key").asText());
        }
        List<String> listed = new ArrayList<>();
        second.pipeline.storage().list(LocalStack.INPUT).forEach(o -> listed.add(o.key()));
        assertTrue(listed.containsAll(ODD_KEYS), listed.toString());
    }

    @Test
    void aRunThatCannotWriteItsOutputsEndsFailedOnce() {
        ExecutionRecord record = LocalRuntime.record(data, LocalStack.INPUT, TOO_LONG_FOR_OUTPUTS).orElseThrow();
        assertEquals(ExecutionStatus.FAILED, record.status(), record.toString());
        assertEquals("Pixelstep.ManifestNotWritten", record.error(), record.toString());
        assertNull(second.manifest(TOO_LONG_FOR_OUTPUTS.substring(0, 1000)));
        assertNotRunAgain(TOO_LONG_FOR_OUTPUTS);
    }

    /** The record of the first stack's run is still the only one: the second stack did not run it again. */
    private void assertNotRunAgain(String key) {
        assertEquals(firstStarts.get(key), LocalRuntime.record(data, LocalStack.INPUT, key).orElseThrow().started(),
                "a finished run is not repeated after a restart");
    }

    private static String awaitChain(LocalStack stack, String key, String chain) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode manifest = null;
        while (System.nanoTime() < deadline) {
            manifest = stack.manifest(key);
            if (manifest != null && chain.equals(manifest.path("chain").asText())) {
                return chain;
            }
            Thread.sleep(100);
        }
        return manifest == null ? null : manifest.path("chain").asText();
    }

    private static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
