package dev.pixelstep.local.web;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

class RunIdTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:15:00Z");

    @Test
    void generatedIdsAreTimestampedRandomAndKeySafe() {
        RunId id = RunId.generate(NOW, "jpg");
        assertTrue(id.value().startsWith("20261125T101500Z-") && id.value().endsWith(".jpg"), id.value());
        assertEquals("web/" + id.value(), id.key());
        assertEquals(id, RunId.ofKey(id.key()));
        assertNotEquals(id, RunId.generate(NOW, "jpg"));
    }

    @Test
    void onlyTheExactFormIsAnId() {
        for (String text : List.of("", "photo.jpg", "20261125T101500Z-0123456789ab.exe", "20261125T101500Z-0123456789AB.jpg",
                "../20261125T101500Z-0123456789ab.jpg", "20261125T101500Z-0123456789ab.jpg/", "20261125T101500Z-0123456789ab.jpg\n")) {
            assertThrows(IllegalArgumentException.class, () -> new RunId(text), text);
        }
        // Other keys are runs too (issue 16 item 6), named by their key, never as if the page had made them.
        assertFalse(RunId.ofKey("uploads/20261125T101500Z-0123456789ab.jpg").madeByPage());
        assertFalse(RunId.ofKey("web/20261125T101500Z-0123456789ab.jpg/combined.jpg").madeByPage());
    }

    @Test
    void aRunOwnsOnlyKeysUnderItsOwnPrefix() {
        RunId id = new RunId("20261125T101500Z-0123456789ab.jpg");
        assertTrue(id.owns("web/20261125T101500Z-0123456789ab.jpg/independent/01-blur.jpg"));
        for (String key : List.of("web/20261125T101500Z-0123456789ab.jpg", "web/20261125T101500Z-0123456789ab.jpg/../x/manifest.json",
                "web/20261125T101500Z-0123456789ab.jpg//manifest.json", "web/20261125T101500Z-0123456789ab.jpgx/combined.jpg",
                "web/20261125T101500Z-0123456789ab.jpg/a\u0000b", "web/20261125T101500Z-0123456789ab.jpg/a\\b")) {
            assertFalse(id.owns(key), key);
        }
    }

    @Test
    void noKeyOutsideThePrefixIsEverOwned() {
        RunId id = new RunId("20261125T101500Z-0123456789ab.jpg");
        qt().forAll(strings().allPossible().ofLengthBetween(0, 80))
                .check(suffix -> !id.owns(suffix) || suffix.startsWith(id.outputPrefix()));
        qt().forAll(strings().allPossible().ofLengthBetween(0, 80))
                .check(rest -> !id.owns(id.outputPrefix() + rest) || !(rest.contains("..") || rest.contains("//")));
    }

    /** Issue 16 item 6: any upload is a run, named by its key; one key, one id, and the id is URL-safe. */
    @Test
    void everyKeyS3AcceptsHasExactlyOneIdThatLeadsBackToIt() {
        qt().forAll(strings().betweenCodePoints(1, 0xD7FF).ofLengthBetween(1, 300)).check(key -> {
            RunId id = RunId.ofKey(key);
            return id.key().equals(key) && id.value().matches("[A-Za-z0-9._-]+") && new RunId(id.value()).equals(id);
        });
        RunId cli = RunId.ofKey("20261126-101500-123-photo.jpg");
        assertFalse(cli.madeByPage());
        assertEquals("s3-MjAyNjExMjYtMTAxNTAwLTEyMy1waG90by5qcGc", cli.value());
        assertTrue(cli.owns("20261126-101500-123-photo.jpg/combined.jpg"));
        assertFalse(cli.owns("20261126-101500-123-photo.jpg/../x/manifest.json"));
        assertNull(RunId.ofKey(""));
        assertNull(RunId.ofKey("x".repeat(1025)), "over S3's 1,024 bytes");
        assertNull(RunId.ofKey("lone \ud83d surrogate"), "no UTF-8 form");
    }

    @Test
    void onlyTheOneEncodingOfAKeyIsAnId() {
        for (String text : List.of("s3-", "s3-=", "s3-YQ==", "s3-YR", "s3-Y", "s3-YQ.", "s3-" + "A".repeat(1400), "s3-_w")) {
            assertThrows(IllegalArgumentException.class, () -> new RunId(text), text);
        }
        assertEquals("a", new RunId("s3-YQ").key());
    }
}
