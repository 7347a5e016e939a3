package dev.pixelstep.statemachine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The summary every bulk-reprocess run ends with, {@code bulk-runs/<execution name>/summary.json} in the output
 * bucket (schema {@value #SCHEMA}; {@link BulkReprocessDefinition#summaryKey(String)}): the one Java reading of what
 * the processor's {@code "action": "summarise"} writes from the Map Run's result files. Read it with
 * {@link #parse(byte[])} or {@link #of(JsonNode)}.
 *
 * @param status         {@code SUCCEEDED}, or {@code FAILED} when the request was invalid, the listing failed or more
 *                       objects failed than tolerated
 * @param execution      the bulk run's execution ARN
 * @param request        the request as given
 * @param error          why the run failed; null when it succeeded
 * @param counts         objects by status
 * @param failed         the failed objects with their errors, at most {@value #MAX_FAILED_LISTED}
 * @param failedNotListed failed objects beyond those listed (their errors are in the result files)
 * @param resultManifest the key of the Map Run's result manifest in the output bucket, or null when there is none
 */
public record BulkSummary(String status, String execution, JsonNode request, Failure error, Counts counts,
                          List<FailedObject> failed, long failedNotListed, String resultManifest) {

    /** The schema every summary names. */
    public static final String SCHEMA = "pixelstep/bulk-summary/v1";
    /** At most this many failed objects are listed in a summary. */
    public static final int MAX_FAILED_LISTED = 1000;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Copies the list. */
    public BulkSummary {
        failed = List.copyOf(failed);
    }

    /**
     * Objects by how their child workflow ended.
     *
     * @param total     every listed object
     * @param succeeded reprocessed (their manifest says SUCCEEDED)
     * @param failed    their image pipeline failed (their manifest says FAILED) or their child workflow did
     * @param skipped   not images to reprocess: zero-byte "folders", and outputs, manifests and bulk results when the
     *                  prefix is in the output bucket
     * @param pending   not run: never started, or stopped unfinished, because the run failed first
     */
    public record Counts(long total, long succeeded, long failed, long skipped, long pending) {
    }

    /**
     * Why something failed.
     *
     * @param type    the error name
     * @param message what happened, for a person
     */
    public record Failure(String type, String message) {
    }

    /**
     * One failed object.
     *
     * @param key   its key
     * @param error its error
     */
    public record FailedObject(String key, Failure error) {
    }

    /** Whether the run succeeded. */
    public boolean succeeded() {
        return "SUCCEEDED".equals(status);
    }

    /**
     * Reads a summary.
     *
     * @throws IllegalArgumentException if it is not JSON or not of schema {@value #SCHEMA}
     */
    public static BulkSummary parse(byte[] json) {
        try {
            return of(JSON.readTree(json));
        } catch (IOException e) {
            throw new IllegalArgumentException("a bulk summary must be JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a summary's JSON.
     *
     * @throws IllegalArgumentException if it is not of schema {@value #SCHEMA}
     */
    public static BulkSummary of(JsonNode json) {
        if (!SCHEMA.equals(json.path("schema").asText())) {
            throw new IllegalArgumentException("not a bulk summary of schema " + SCHEMA + ": " + json.path("schema"));
        }
        JsonNode counts = json.path("counts");
        List<FailedObject> failed = new ArrayList<>();
        json.path("failed").forEach(f -> failed.add(new FailedObject(f.path("key").asText(), failure(f.path("error")))));
        return new BulkSummary(json.path("status").asText(), json.path("execution").asText(null), json.path("request"),
                failure(json.path("error")),
                new Counts(counts.path("total").asLong(), counts.path("succeeded").asLong(), counts.path("failed").asLong(),
                        counts.path("skipped").asLong(), counts.path("pending").asLong()),
                failed, json.path("failedNotListed").asLong(), json.path("resultManifest").asText(null));
    }

    private static Failure failure(JsonNode node) {
        return node.isObject() ? new Failure(node.path("type").asText(), node.path("message").asText()) : null;
    }
}
