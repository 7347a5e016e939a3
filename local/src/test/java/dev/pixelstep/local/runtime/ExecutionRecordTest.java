package dev.pixelstep.local.runtime;

import dev.pixelstep.asl.ExecutionStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExecutionRecordTest {

    /**
     * Regression (found by issue 16's list of every run): {@code toJson} used {@code node.toString()},
     * which ignores the mapper's ASCII escaping, so a key such as {@code photos/été.png} was written
     * as {@code photos/?t?.png} and the page could not find the run's upload from its record.
     */
    @Test
    void aRecordOfAKeyOutsideAsciiIsWrittenInAsciiAndReadBackTheSame() {
        ExecutionRecord record = new ExecutionRecord("photos_ete-0000000000000001", "arn:aws:states:local:0:execution:x:y", "in",
                "photos/été ☀ \u3000.png", ExecutionStatus.FAILED, Instant.parse("2026-11-26T10:00:00Z"),
                Instant.parse("2026-11-26T10:00:01Z"), "Pixelstep.Failed", "a lone \ud83d surrogate in été",
                List.of(new StateProgress("Process", StateProgress.Status.FAILED, 12)));
        String json = record.toJson();
        assertTrue(json.chars().allMatch(c -> c < 0x80), json);
        assertEquals(record, ExecutionRecord.fromJson(json));
    }
}
