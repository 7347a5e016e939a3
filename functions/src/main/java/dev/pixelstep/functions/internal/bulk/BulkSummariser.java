package dev.pixelstep.functions.internal.bulk;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pixelstep.functions.error.InvalidRequestException;
import dev.pixelstep.functions.error.TransientException;
import dev.pixelstep.functions.internal.s3.ObjectStore;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Writes the summary of a bulk reprocess, {@code <resultPrefix>/summary.json} in the output bucket (schema
 * {@value #SCHEMA}, read by {@code dev.pixelstep.statemachine.BulkSummary}): it finds the Map Run's result manifest
 * under the run's result prefix, reads the SUCCEEDED, FAILED and PENDING result files entry by entry as they stream
 * in (a run of a million objects never sits in memory), counts the objects by status and lists the failed keys with
 * the image pipeline's own error (taken out of the child workflow's cause) up to {@value #MAX_FAILED_LISTED}.
 * Writing it again gives the same summary, so a retried or repeated summarise is harmless. Thread-safe.
 *
 * <p>Request (from the bulk state machine): {@code {"action": "summarise", "bucket": <output bucket>,
 * "key": <result prefix>, "status": "SUCCEEDED"|"FAILED", "request": {...}, "error": null|{type, message},
 * "execution": <ARN>}}.
 */
public final class BulkSummariser {

    /** The value of the request's {@code action} field that asks for this. */
    public static final String ACTION = "summarise";
    /** The schema of the summary. */
    public static final String SCHEMA = "pixelstep/bulk-summary/v1";
    /** The summary's file name under the result prefix. */
    public static final String FILE_NAME = "summary.json";
    /** At most this many failed objects are listed. */
    public static final int MAX_FAILED_LISTED = 1000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectStore store;

    public BulkSummariser(ObjectStore store) {
        this.store = store;
    }

    /** Writes the summary of the run the request names and returns it. */
    public ObjectNode summarise(JsonNode request) {
        String bucket = text(request, "bucket");
        String prefix = text(request, "key");
        String status = text(request, "status");
        if (!status.equals("SUCCEEDED") && !status.equals("FAILED")) {
            throw new InvalidRequestException("\"status\" must be SUCCEEDED or FAILED but is '" + status + "'");
        }
        ObjectNode summary = JSON.createObjectNode();
        summary.put("schema", SCHEMA);
        summary.put("status", status);
        summary.put("execution", request.path("execution").asText(null));
        summary.put("writtenAt", Instant.now().toString());
        summary.set("request", request.path("request").isObject() ? request.get("request") : JSON.createObjectNode());
        JsonNode error = request.path("error");
        if (error.isObject()) {
            summary.putObject("error").put("type", error.path("type").asText()).put("message", error.path("message").asText());
        } else {
            summary.putNull("error");
        }
        Tally tally = new Tally();
        String manifestKey = store.keys(bucket, prefix + "/").stream().filter(k -> k.endsWith("/manifest.json")).sorted()
                .reduce((first, second) -> second).orElse(null);
        if (manifestKey != null) {
            JsonNode manifest = read(bucket, manifestKey);
            for (String kind : List.of("SUCCEEDED", "FAILED", "PENDING")) {
                for (JsonNode file : manifest.path("ResultFiles").path(kind)) {
                    stream(bucket, file.path("Key").asText(), tally);
                }
            }
        }
        ObjectNode counts = summary.putObject("counts");
        counts.put("total", tally.succeeded + tally.failed + tally.skipped + tally.pending);
        counts.put("succeeded", tally.succeeded);
        counts.put("failed", tally.failed);
        counts.put("skipped", tally.skipped);
        counts.put("pending", tally.pending);
        summary.set("failed", tally.listed);
        summary.put("failedNotListed", tally.failed - tally.listed.size());
        summary.put("resultManifest", manifestKey);
        try {
            store.write(bucket, prefix + "/" + FILE_NAME, "application/json", JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(summary));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return summary;
    }

    /** Objects by status, and the failed ones listed so far. */
    private static final class Tally {
        long succeeded;
        long failed;
        long skipped;
        long pending;
        final ArrayNode listed = JSON.createArrayNode();

        void add(JsonNode entry) {
            String status = entry.path("Status").asText();
            if (status.equals("PENDING") || status.equals("ABORTED")) {
                // never started, or stopped unfinished when the run failed: not run
                pending++;
            } else if (status.equals("SUCCEEDED")) {
                JsonNode output = parse(entry.path("Output").asText("{}"));
                if ("SKIPPED".equals(output.path("status").asText())) {
                    skipped++;
                } else if ("FAILED".equals(output.path("status").asText())) {
                    fail(output.path("key").asText(), "Pixelstep.Failed", "the manifest says FAILED");
                } else {
                    succeeded++;
                }
            } else {
                JsonNode input = parse(entry.path("Input").asText("{}"));
                String error = entry.path("Error").asText(status);
                String cause = entry.path("Cause").asText("");
                JsonNode described = cause.startsWith("{") ? parse(cause) : JSON.createObjectNode();
                if (described.has("ExecutionArn") && described.has("Error")) {
                    // the child started the image pipeline: its Cause is DescribeExecution's, with the pipeline's own error
                    error = described.path("Error").asText();
                    cause = described.path("Cause").asText("");
                }
                fail(input.path("key").asText(input.path("Key").asText("")), error, cause);
            }
        }

        private void fail(String key, String error, String cause) {
            failed++;
            if (listed.size() < MAX_FAILED_LISTED) {
                ObjectNode item = listed.addObject().put("key", key);
                item.putObject("error").put("type", error).put("message", cause);
            }
        }
    }

    private void stream(String bucket, String key, Tally tally) {
        try (InputStream in = store.open(bucket, key); JsonParser parser = JSON.getFactory().createParser(in)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IllegalStateException("s3://" + bucket + "/" + key + " is not a JSON array of results");
            }
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                tally.add(parser.readValueAsTree());
            }
        } catch (IOException e) {
            throw new TransientException("reading s3://" + bucket + "/" + key + " failed: " + e.getMessage(), e);
        }
    }

    private JsonNode read(String bucket, String key) {
        try (InputStream in = store.open(bucket, key)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new TransientException("reading s3://" + bucket + "/" + key + " failed: " + e.getMessage(), e);
        }
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static String text(JsonNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new InvalidRequestException("a summarise request needs \"" + field + "\" as text");
        }
        return value.asText();
    }
}
