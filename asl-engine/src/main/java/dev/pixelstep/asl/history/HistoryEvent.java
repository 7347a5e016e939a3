package dev.pixelstep.asl.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pixelstep.asl.internal.json.Json;
import dev.pixelstep.asl.internal.json.Timestamps;
import java.time.Instant;
import java.util.Objects;

/**
 * One event of an execution's history.
 *
 * @param id              1-based, in order of occurrence
 * @param previousEventId the id of the event that led to this one in the same thread of control (0 for the first)
 * @param timestamp       when it happened, by the engine's clock
 * @param type            what happened
 * @param details         the details, with {@code input}/{@code output}/{@code parameters} as JSON values (not
 *                        strings as in AWS's API; see {@link #toAwsJson()})
 */
public record HistoryEvent(long id, long previousEventId, Instant timestamp, HistoryEventType type, ObjectNode details) {

    /** Validates and copies the details. */
    public HistoryEvent {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(type, "type");
        details = details == null ? Json.object() : details.deepCopy();
    }

    @Override
    public ObjectNode details() {
        return details.deepCopy();
    }

    /** The state name in the details ({@code name}), or null. */
    public String stateName() {
        return text("name");
    }

    /** The error in the details, or null. */
    public String error() {
        return text("error");
    }

    /** The cause in the details, or null. */
    public String cause() {
        return text("cause");
    }

    /** A detail by name, or null. */
    public JsonNode detail(String name) {
        JsonNode value = details.get(name);
        return value == null ? null : value.deepCopy();
    }

    private String text(String field) {
        JsonNode value = details.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /**
     * The event as Step Functions' GetExecutionHistory returns it: {@code timestamp}, {@code type}, {@code id},
     * {@code previousEventId} and the type's details object, with input, output and parameters as JSON strings.
     */
    public ObjectNode toAwsJson() {
        ObjectNode json = Json.object();
        json.put("timestamp", Timestamps.format(timestamp));
        json.put("type", type.awsName());
        json.put("id", id);
        json.put("previousEventId", previousEventId);
        if (type.detailsField() != null) {
            ObjectNode aws = json.putObject(type.detailsField());
            details.properties().forEach(field -> {
                String name = field.getKey();
                if (name.equals("input") || name.equals("output") || name.equals("parameters")) {
                    aws.put(name, Json.write(field.getValue()));
                    aws.putObject(name + "Details").put("truncated", false);
                } else {
                    aws.set(name, field.getValue());
                }
            });
        }
        return json;
    }
}
