package dev.pixelstep.local.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pixelstep.statemachine.BulkReprocessDefinition;

import java.io.IOException;
import java.time.Instant;

/**
 * How a local bulk reprocess stands: what {@code bulk-runs/<name>/progress.json} in the output bucket says while it
 * runs and once it ended ({@link BulkRuns} writes it; {@code pixelstep reprocess} and the web page read it).
 *
 * @param name      the bulk run's execution name
 * @param status    {@code STARTING}, {@code RUNNING}, then the execution's end: {@code SUCCEEDED}, {@code FAILED},
 *                  {@code TIMED_OUT} or {@code ABORTED}
 * @param total     objects listed under the prefix, or -1 before they are counted
 * @param succeeded objects reprocessed
 * @param failed    objects whose pipeline failed
 * @param skipped   objects skipped (zero-byte folders; outputs and manifests in the output bucket)
 * @param startedAt when the run started
 * @param error     the run's error when it did not succeed, else null
 * @param cause     its cause, else null
 */
public record BulkProgress(String name, String status, long total, long succeeded, long failed, long skipped,
                           Instant startedAt, String error, String cause) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The key in the output bucket of the request document that starts the run {@code name}. */
    public static String requestKey(String name) {
        return BulkReprocessDefinition.resultPrefix(name) + "/request.json";
    }

    /** The key in the output bucket of the progress document of the run {@code name}. */
    public static String key(String name) {
        return BulkReprocessDefinition.resultPrefix(name) + "/progress.json";
    }

    /** Objects that have ended, whatever their outcome. */
    public long done() {
        return succeeded + failed + skipped;
    }

    /** Whether the run has ended. */
    public boolean ended() {
        return !status.equals("STARTING") && !status.equals("RUNNING");
    }

    /** As JSON. */
    public byte[] toJson() {
        ObjectNode node = JSON.createObjectNode().put("name", name).put("status", status).put("total", total)
                .put("succeeded", succeeded).put("failed", failed).put("skipped", skipped)
                .put("startedAt", startedAt.toString()).put("error", error).put("cause", cause);
        return node.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Reads {@link #toJson()}'s form.
     *
     * @throws IllegalArgumentException if it is not
     */
    public static BulkProgress parse(byte[] json) {
        try {
            JsonNode node = JSON.readTree(json);
            return new BulkProgress(node.path("name").asText(), node.path("status").asText(), node.path("total").asLong(-1),
                    node.path("succeeded").asLong(), node.path("failed").asLong(), node.path("skipped").asLong(),
                    Instant.parse(node.path("startedAt").asText()), node.path("error").asText(null), node.path("cause").asText(null));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a bulk progress document: " + e.getMessage(), e);
        }
    }
}
