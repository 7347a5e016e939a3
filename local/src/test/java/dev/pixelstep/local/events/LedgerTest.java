package dev.pixelstep.local.events;

import dev.pixelstep.local.events.Ledger.Id;
import dev.pixelstep.local.storage.ObjectCreated;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LedgerTest {

    private static ObjectCreated put(String key, String etag, long sequence) {
        return new ObjectCreated("in", key, 10, etag, String.format("%016X", sequence), "PutObject",
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    private final ObjectCreated photo = put("a \"quoted\"\nkey.jpg", "etag-1", 1);

    @Test
    void anEventIsAcceptedOnceAndStaysFinishedAcrossRestarts(@TempDir Path dir) {
        Path file = dir.resolve("ledger.jsonl");
        try (Ledger ledger = Ledger.open(file)) {
            assertTrue(ledger.accept(photo));
            assertFalse(ledger.accept(photo), "an event is taken on once");
            ledger.finish(Id.of(photo));
            assertFalse(ledger.accept(photo), "a finished event is not taken on again");
        }
        try (Ledger reopened = Ledger.open(file)) {
            assertTrue(reopened.isFinished(Id.of(photo)));
            assertFalse(reopened.accept(photo));
            assertTrue(reopened.pending().isEmpty());
        }
    }

    @Test
    void theSameBytesPutTwiceAreTwoEventsAndPendingOnesSurviveARestart(@TempDir Path dir) {
        Path file = dir.resolve("ledger.jsonl");
        ObjectCreated again = put(photo.key(), photo.etag(), 2);
        try (Ledger ledger = Ledger.open(file)) {
            assertTrue(ledger.accept(photo));
            ledger.finish(Id.of(photo));
            assertTrue(ledger.accept(again), "a second PUT of identical bytes is a new event");
        }
        try (Ledger reopened = Ledger.open(file)) {
            assertEquals(List.of(again), reopened.pending(), "accepted, not finished: it runs after the restart");
        }
    }

    @Test
    void aLineTornByACrashIsCutOffAndTheNextLineIsKept(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ledger.jsonl");
        try (Ledger ledger = Ledger.open(file)) {
            ledger.accept(photo);
        }
        Files.writeString(file, "{\"op\":\"finished\",\"bucket\":\"in\",\"key\":\"to", StandardOpenOption.APPEND);
        ObjectCreated next = put("next.png", "etag-3", 3);
        try (Ledger reopened = Ledger.open(file)) {
            assertEquals(List.of(photo), reopened.pending());
            assertTrue(reopened.accept(next));
        }
        try (Ledger reopened = Ledger.open(file)) {
            assertEquals(List.of(photo, next), reopened.pending(), "the line after the torn one is intact");
        }
    }

    @Test
    void anyTextIsWrittenAsAsciiEvenALoneSurrogate(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ledger.jsonl");
        ObjectCreated odd = put("lone \uD83D surrogate, \u0007 and ☀", "etag", 4);
        try (Ledger ledger = Ledger.open(file)) {
            assertTrue(ledger.accept(odd));
        }
        byte[] bytes = Files.readAllBytes(file);
        for (byte b : bytes) {
            assertTrue(b != 0 && (b & 0xff) < 0x80, "ASCII only, no NUL");
        }
        try (Ledger reopened = Ledger.open(file)) {
            assertEquals(odd.key(), reopened.pending().get(0).key());
        }
    }

    @Test
    void linesOfTheEarlierFormatCountAsFinishedVersions(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ledger.jsonl");
        Files.writeString(file, "{\"bucket\":\"in\",\"key\":\"old.png\",\"etag\":\"e1\"}\n", StandardCharsets.UTF_8);
        try (Ledger ledger = Ledger.open(file)) {
            assertTrue(ledger.finishedBefore("in", "old.png", "e1"));
            assertFalse(ledger.finishedBefore("in", "old.png", "e2"));
            assertTrue(ledger.pending().isEmpty());
        }
    }

    @Test
    void aLedgerThatIsMostlyHistoryIsCompactedAtOpen(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ledger.jsonl");
        ObjectCreated pending = put("pending.png", "p", 5000);
        try (Ledger ledger = Ledger.open(file)) {
            for (int i = 0; i < 600; i++) {
                ObjectCreated event = put("same.png", "e", i + 1);
                ledger.accept(event);
                ledger.finish(Id.of(event));
            }
            ledger.accept(pending);
        }
        long before = Files.size(file);
        try (Ledger reopened = Ledger.open(file)) {
            assertEquals(List.of(pending), reopened.pending());
            assertTrue(reopened.isFinished(Id.of(put("same.png", "e", 600))), "the newest finished event of a key is kept");
        }
        assertTrue(Files.size(file) < before / 100, Files.size(file) + " bytes of " + before);
        try (Ledger again = Ledger.open(file)) {
            assertEquals(List.of(pending), again.pending());
        }
    }
}
