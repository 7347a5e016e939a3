package dev.pixelstep.cdk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pixelstep.statemachine.PipelineDefinition;
import software.amazon.awscdk.services.events.EventPattern;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The EventBridge rule pattern of the pipeline, made from the pattern file published with the
 * state machine (the one the local runtime matches too), never from a copy of it, plus the
 * condition the deployment adds: the key prefix. The published pattern already leaves out
 * zero-byte objects (such as the S3 console's "folders").
 */
final class ObjectCreatedPattern {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ObjectCreatedPattern() {
    }

    /**
     * The published pattern for {@code inputBucket}, narrowed to keys starting with {@code keyPrefix}
     * when it is not empty ({@code "detail": {"object": {"key": [{"prefix": ...}]}}}).
     *
     * @param inputBucket the bucket's name; a CDK token is fine, it stays a token
     */
    static EventPattern of(PipelineDefinition definition, String inputBucket, String keyPrefix) {
        return eventPattern(json(definition, inputBucket, keyPrefix));
    }

    /** The pattern of {@link #of} as JSON-ready maps, for tests that match events against it. */
    static Map<String, Object> json(PipelineDefinition definition, String inputBucket, String keyPrefix) {
        Map<String, Object> pattern = parse(definition.eventPattern(inputBucket));
        if (!keyPrefix.isEmpty()) {
            narrowToPrefix(pattern, keyPrefix);
        }
        return pattern;
    }

    private static EventPattern eventPattern(Map<String, Object> pattern) {
        EventPattern.Builder builder = EventPattern.builder();
        for (Map.Entry<String, Object> field : pattern.entrySet()) {
            switch (field.getKey()) {
                case "source" -> builder.source(strings(field));
                case "detail-type" -> builder.detailType(strings(field));
                case "detail" -> builder.detail(map(field.getValue(), "detail"));
                case "account" -> builder.account(strings(field));
                case "region" -> builder.region(strings(field));
                case "resources" -> builder.resources(strings(field));
                case "id" -> builder.id(strings(field));
                case "time" -> builder.time(strings(field));
                case "version" -> builder.version(strings(field));
                default -> throw new IllegalStateException(PipelineDefinition.EVENT_PATTERN + " has a field EventBridge rules do not know: " + field.getKey());
            }
        }
        return builder.build();
    }

    private static void narrowToPrefix(Map<String, Object> pattern, String keyPrefix) {
        Map<String, Object> detail = map(pattern.computeIfAbsent("detail", k -> new LinkedHashMap<String, Object>()), "detail");
        Map<String, Object> object = map(detail.computeIfAbsent("object", k -> new LinkedHashMap<String, Object>()), "detail.object");
        if (object.containsKey("key")) {
            throw new IllegalStateException(PipelineDefinition.EVENT_PATTERN + " already matches detail.object.key; a key prefix cannot be added to it");
        }
        object.put("key", List.of(Map.of("prefix", keyPrefix)));
    }

    private static Map<String, Object> parse(String json) {
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(PipelineDefinition.EVENT_PATTERN + " is not valid JSON", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String field) {
        if (value instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new IllegalStateException(PipelineDefinition.EVENT_PATTERN + ": " + field + " must be an object, got " + value);
    }

    private static List<String> strings(Map.Entry<String, Object> field) {
        if (field.getValue() instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return list.stream().map(String.class::cast).toList();
        }
        throw new IllegalStateException(PipelineDefinition.EVENT_PATTERN + ": " + field.getKey() + " must be a list of strings, got " + field.getValue());
    }
}
