package dev.pixelstep.local.runtime;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pixelstep.asl.Execution;
import dev.pixelstep.asl.ExecutionStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What one finished execution did, kept on disk for {@code pixelstep executions}: status, the object
 * it processed and how long each state took, from the engine's history.
 *
 * @param name     the execution name
 * @param arn      the execution ARN
 * @param bucket   the input bucket
 * @param key      the input key
 * @param status   how the execution ended
 * @param started  start time
 * @param stopped  end time
 * @param error    the error name when not SUCCEEDED, else null
 * @param cause    the cause when not SUCCEEDED, else null
 * @param states   each state's name, outcome and duration, in the order they were entered
 */
public record ExecutionRecord(String name, String arn, String bucket, String key, ExecutionStatus status, Instant started,
                              Instant stopped, String error, String cause, List<StateProgress> states) {

    /** Writes ASCII only (everything else escaped), so no text, not even a lone surrogate, can fail to be written. */
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    /** The record of an ended execution. */
    public static ExecutionRecord of(Execution execution) {
        JsonNode input = execution.input();
        Instant end = execution.stopTime() == null ? Instant.now() : execution.stopTime();
        List<StateProgress> states = StateOutcomes.of(execution.history(), end);
        boolean event = input.has("detail"); // an upload's event, or a bulk run's {bucket, key, operations}
        return new ExecutionRecord(execution.name(), execution.arn(), input.at(event ? "/detail/bucket/name" : "/bucket").asText(),
                input.at(event ? "/detail/object/key" : "/key").asText(), execution.status(), execution.startTime(),
                execution.stopTime(), execution.error(), execution.cause(), List.copyOf(states));
    }

    /** Total run time in milliseconds. */
    public long millis() {
        return stopped == null ? 0 : Duration.between(started, stopped).toMillis();
    }

    /** As JSON (ASCII, whatever the text holds), for the data directory. */
    public String toJson() {
        ObjectNode node = JSON.createObjectNode();
        node.put("name", name).put("arn", arn).put("bucket", bucket).put("key", key).put("status", status.name())
                .put("started", started.toString()).put("stopped", stopped == null ? null : stopped.toString())
                .put("error", error).put("cause", cause);
        ArrayNode list = node.putArray("states");
        states.forEach(s -> list.addObject().put("state", s.name()).put("status", s.status().name()).put("millis", s.millis()));
        try {
            return JSON.writeValueAsString(node); // not node.toString(): that ignores this mapper's ASCII escaping
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write an execution record", e);
        }
    }

    /** Reads what {@link #toJson()} wrote. */
    public static ExecutionRecord fromJson(String text) {
        try {
            JsonNode n = JSON.readTree(text);
            List<StateProgress> states = new ArrayList<>();
            n.path("states").forEach(s -> states.add(new StateProgress(s.path("state").asText(),
                    StateProgress.Status.valueOf(s.path("status").asText("SUCCEEDED")), s.path("millis").asLong())));
            return new ExecutionRecord(n.path("name").asText(), n.path("arn").asText(), n.path("bucket").asText(),
                    n.path("key").asText(), ExecutionStatus.valueOf(n.path("status").asText()), Instant.parse(n.path("started").asText()),
                    n.hasNonNull("stopped") ? Instant.parse(n.path("stopped").asText()) : null,
                    n.hasNonNull("error") ? n.path("error").asText() : null,
                    n.hasNonNull("cause") ? n.path("cause").asText() : null, List.copyOf(states));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not an execution record: " + e.getMessage(), e);
        }
    }
}
