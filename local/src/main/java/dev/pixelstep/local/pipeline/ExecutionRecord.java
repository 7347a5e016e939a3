package dev.pixelstep.local.pipeline;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pixelstep.asl.Execution;

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
 * @param status   SUCCEEDED, FAILED, TIMED_OUT or ABORTED
 * @param started  start time
 * @param stopped  end time
 * @param error    the error name when not SUCCEEDED, else null
 * @param cause    the cause when not SUCCEEDED, else null
 * @param states   each state's name, outcome and duration, in the order they were entered
 */
public record ExecutionRecord(String name, String arn, String bucket, String key, String status, Instant started,
                              Instant stopped, String error, String cause, List<StateTiming> states) {

    /** Writes ASCII only (everything else escaped), so no text, not even a lone surrogate, can fail to be written. */
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    /** How one state ended (SUCCEEDED or FAILED, a caught failure included) and how long it took. */
    public record StateTiming(String state, String status, long millis) {
    }

    /** The record of an ended execution. */
    public static ExecutionRecord of(Execution execution) {
        JsonNode input = execution.input();
        List<StateTiming> states = new ArrayList<>();
        Instant end = execution.stopTime() == null ? Instant.now() : execution.stopTime();
        for (StateOutcomes.Outcome outcome : StateOutcomes.of(execution.history(), end)) {
            states.add(new StateTiming(outcome.state(), outcome.status(), outcome.millis()));
        }
        return new ExecutionRecord(execution.name(), execution.arn(), input.at("/detail/bucket/name").asText(),
                input.at("/detail/object/key").asText(), execution.status().name(), execution.startTime(),
                execution.stopTime(), execution.error(), execution.cause(), List.copyOf(states));
    }

    /** Total run time in milliseconds. */
    public long millis() {
        return stopped == null ? 0 : Duration.between(started, stopped).toMillis();
    }

    /** As JSON (ASCII, whatever the text holds), for the data directory. */
    public String toJson() {
        ObjectNode node = JSON.createObjectNode();
        node.put("name", name).put("arn", arn).put("bucket", bucket).put("key", key).put("status", status)
                .put("started", started.toString()).put("stopped", stopped == null ? null : stopped.toString())
                .put("error", error).put("cause", cause);
        ArrayNode list = node.putArray("states");
        states.forEach(s -> list.addObject().put("state", s.state()).put("status", s.status()).put("millis", s.millis()));
        return node.toString();
    }

    /** Reads what {@link #toJson()} wrote. */
    public static ExecutionRecord fromJson(String text) {
        try {
            JsonNode n = JSON.readTree(text);
            List<StateTiming> states = new ArrayList<>();
            n.path("states").forEach(s -> states.add(new StateTiming(s.path("state").asText(),
                    s.path("status").asText("SUCCEEDED"), s.path("millis").asLong())));
            return new ExecutionRecord(n.path("name").asText(), n.path("arn").asText(), n.path("bucket").asText(),
                    n.path("key").asText(), n.path("status").asText(), Instant.parse(n.path("started").asText()),
                    n.hasNonNull("stopped") ? Instant.parse(n.path("stopped").asText()) : null,
                    n.hasNonNull("error") ? n.path("error").asText() : null,
                    n.hasNonNull("cause") ? n.path("cause").asText() : null, List.copyOf(states));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not an execution record: " + e.getMessage(), e);
        }
    }
}
