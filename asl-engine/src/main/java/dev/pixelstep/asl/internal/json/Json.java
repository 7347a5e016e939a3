package dev.pixelstep.asl.internal.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The engine's one JSON configuration: parsing (rejecting duplicate keys and trailing content), compact
 * serialisation and conversion of plain Java values to {@link JsonNode}s.
 */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {
    }

    /** The shared, thread-safe mapper. Do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A new empty object. */
    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /**
     * Parses JSON text.
     *
     * @throws IllegalArgumentException when the text is not a single well-formed JSON value
     */
    public static JsonNode parse(String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new IllegalArgumentException("empty JSON text");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }

    /** Compact JSON text of a node ({@code null} becomes {@code "null"}). */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node == null ? NullNode.instance : node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise JSON", e);
        }
    }

    /** Converts a plain Java value (String, Number, Boolean, Map, List, JsonNode or null) to a node. */
    public static JsonNode toNode(Object value) {
        if (value == null) {
            return NullNode.instance;
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        return MAPPER.valueToTree(value);
    }
}
