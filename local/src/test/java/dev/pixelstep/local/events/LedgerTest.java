package dev.pixelstep.local.events;

import dev.pixelstep.local.events.Ledger.Version;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LedgerTest {

    private final Version photo = new Version("in", "a \"quoted\"\nkey.jpg", "etag-1");

    @Test
    void aVersionIsClaimedOnceAndStaysFinishedAcrossRestarts(@TempDir Path dir) {
        Path file = dir.resolve("ledger.jsonl");
        try (Ledger ledger = Ledger.open(file)) {
            assertTrue(ledger.claim(photo));
            assertFalse(ledger.claim(photo), "a version being processed is not claimed twice");
            ledger.finish(photo);
            assertFalse(ledger.claim(photo), "a finished version is not processed again");
            assertTrue(ledger.claim(new Version("in", photo.key(), "etag-2")), "a new version of the same key is processed");
        }
        try (Ledger reopened = Ledger.open(file)) {
            assertTrue(reopened.isFinished(photo));
            assertFalse(reopened.claim(photo));
            assertTrue(reopened.claim(new Version("in", photo.key(), "etag-2")), "an unfinished claim does not survive a restart");
        }
    }

    @Test
    void aReleasedClaimCanBeClaimedAgain(@TempDir Path dir) {
        try (Ledger ledger = Ledger.open(dir.resolve("ledger.jsonl"))) {
            assertTrue(ledger.claim(photo));
            ledger.release(photo);
            assertTrue(ledger.claim(photo));
        }
    }

    @Test
    void aTornLastLineIsIgnored(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ledger.jsonl");
        try (Ledger ledger = Ledger.open(file)) {
            ledger.finish(photo);
        }
        Files.writeString(file, "{\"bucket\":\"in\",\"key\":\"torn", StandardOpenOption.APPEND);
        try (Ledger reopened = Ledger.open(file)) {
            assertTrue(reopened.isFinished(photo));
        }
    }
}
