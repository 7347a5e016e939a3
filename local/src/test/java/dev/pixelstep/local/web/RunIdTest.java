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
        assertNull(RunId.ofKey("uploads/20261125T101500Z-0123456789ab.jpg"));
        assertNull(RunId.ofKey("web/20261125T101500Z-0123456789ab.jpg/combined.jpg"));
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
}
