package dev.pixelstep.asl.internal.expression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pixelstep.asl.error.ErrorNames;
import dev.pixelstep.asl.error.StatesFailure;
import dev.pixelstep.asl.internal.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An ASL Reference Path: a definite path made only of field names ({@code .name} or {@code ['name']}) and array
 * indexes ({@code [0]}), used by ResultPath to say where a result goes in a state's input.
 */
public final class ReferencePath {

    private final String text;
    private final List<Object> segments;

    private ReferencePath(String text, List<Object> segments) {
        this.text = text;
        this.segments = List.copyOf(segments);
    }

    /**
     * Parses a reference path.
     *
     * @throws ExpressionSyntaxException when the text is not a reference path
     */
    public static ReferencePath parse(String text) {
        Objects.requireNonNull(text, "text");
        if (!text.startsWith("$") || text.startsWith("$$")) {
            throw new ExpressionSyntaxException("'" + text + "' is not a reference path: it must start with '$'");
        }
        List<Object> segments = new ArrayList<>();
        int i = 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '[') {
                    end++;
                }
                String name = text.substring(i + 1, end);
                if (name.isEmpty() || name.equals("*") || name.contains("@") || name.contains("(")) {
                    throw invalid(text, "a field name is expected at position " + (i + 1));
                }
                segments.add(name);
                i = end;
            } else if (c == '[') {
                int close = text.indexOf(']', i);
                if (close < 0) {
                    throw invalid(text, "unclosed '[' at position " + i);
                }
                String inside = text.substring(i + 1, close).trim();
                if (inside.length() >= 2 && (inside.startsWith("'") && inside.endsWith("'")
                        || inside.startsWith("\"") && inside.endsWith("\""))) {
                    segments.add(inside.substring(1, inside.length() - 1));
                } else if (inside.matches("\\d+")) {
                    segments.add(Integer.valueOf(inside));
                } else {
                    throw invalid(text, "'[" + inside + "]' is neither a quoted field name nor an array index");
                }
                i = close + 1;
            } else {
                throw invalid(text, "unexpected '" + c + "' at position " + i);
            }
        }
        return new ReferencePath(text, segments);
    }

    private static ExpressionSyntaxException invalid(String text, String detail) {
        return new ExpressionSyntaxException("'" + text + "' is not a reference path: " + detail);
    }

    /** The path as written. */
    public String text() {
        return text;
    }

    /** Whether this is {@code $}, the whole document. */
    public boolean isRoot() {
        return segments.isEmpty();
    }

    /**
     * Returns a copy of {@code document} with {@code value} placed at this path, creating missing objects on the
     * way (the ResultPath rule). The document itself is never modified.
     *
     * @throws StatesFailure {@code States.ResultPathMatchFailure} when the path cannot be placed in the document
     */
    public JsonNode set(JsonNode document, JsonNode value) {
        if (segments.isEmpty()) {
            return value;
        }
        if (!document.isContainerNode()) {
            throw mismatch(document);
        }
        JsonNode copy = document.deepCopy();
        JsonNode current = copy;
        for (int i = 0; i < segments.size(); i++) {
            Object segment = segments.get(i);
            boolean last = i == segments.size() - 1;
            if (segment instanceof String name) {
                if (!(current instanceof ObjectNode object)) {
                    throw mismatch(document);
                }
                if (last) {
                    object.set(name, value);
                } else {
                    JsonNode child = object.get(name);
                    if (child == null || child.isNull()) {
                        if (segments.get(i + 1) instanceof Integer) {
                            throw mismatch(document);
                        }
                        child = object.putObject(name);
                    } else if (!child.isContainerNode()) {
                        throw mismatch(document);
                    }
                    current = child;
                }
            } else {
                int index = (Integer) segment;
                if (!(current instanceof ArrayNode array) || index >= array.size()) {
                    throw mismatch(document);
                }
                if (last) {
                    array.set(index, value);
                } else {
                    JsonNode child = array.get(index);
                    if (!child.isContainerNode()) {
                        throw mismatch(document);
                    }
                    current = child;
                }
            }
        }
        return copy;
    }

    private StatesFailure mismatch(JsonNode document) {
        return new StatesFailure(ErrorNames.RESULT_PATH_MATCH_FAILURE, "Unable to apply ResultPath \"" + text
                + "\" to input " + Json.write(document));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReferencePath that && that.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
