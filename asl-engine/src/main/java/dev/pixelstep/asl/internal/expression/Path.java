package dev.pixelstep.asl.internal.expression;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import dev.pixelstep.asl.internal.json.Json;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * An ASL Path: a JSONPath starting with {@code $} (applied to the state's input) or {@code $$} (applied to the
 * context object), evaluated by Jayway JsonPath on Jackson nodes. Indefinite paths (wildcards, filters, deep
 * scans) select an array of every match.
 */
public final class Path implements ValueExpression {

    private static final Configuration CONFIGURATION = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider(Json.mapper()))
            .mappingProvider(new JacksonMappingProvider(Json.mapper()))
            .build();

    private final String text;
    private final boolean contextPath;
    private final JsonPath compiled;

    private Path(String text, boolean contextPath, JsonPath compiled) {
        this.text = text;
        this.contextPath = contextPath;
        this.compiled = compiled;
    }

    /**
     * Compiles a path.
     *
     * @throws ExpressionSyntaxException when the text is not a JSONPath starting with {@code $} or {@code $$}
     */
    public static Path parse(String text) {
        Objects.requireNonNull(text, "text");
        if (!text.startsWith("$")) {
            throw new ExpressionSyntaxException("'" + text + "' is not a path: paths start with '$'");
        }
        boolean context = text.startsWith("$$");
        String jsonPath = context ? text.substring(1) : text;
        if (jsonPath.startsWith("$$")) {
            throw new ExpressionSyntaxException("'" + text + "' is not a path");
        }
        checkBrackets(text);
        try {
            return new Path(text, context, jsonPath.equals("$") ? null : JsonPath.compile(jsonPath));
        } catch (InvalidPathException | IllegalArgumentException e) {
            throw new ExpressionSyntaxException("'" + text + "' is not a valid JSONPath: " + e.getMessage());
        } catch (RuntimeException e) {
            // Jayway's compiler fails on some malformed paths with index errors instead of InvalidPathException.
            throw new ExpressionSyntaxException("'" + text + "' is not a valid JSONPath");
        }
    }

    /**
     * Brackets and parentheses must pair up outside quoted names: Jayway's compiler accepts {@code $.a]} and
     * {@code $.a[} (running the first as {@code $.a}), which AWS refuses.
     */
    private static void checkBrackets(String text) {
        Deque<Character> open = new ArrayDeque<>();
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if ((c == '\'' || c == '"') && !open.isEmpty()) {
                quote = c;
            } else if (c == '[' || c == '(') {
                open.push(c);
            } else if (c == ']' || c == ')') {
                char expected = c == ']' ? '[' : '(';
                if (open.isEmpty() || open.pop() != expected) {
                    throw new ExpressionSyntaxException("'" + text + "' is not a valid JSONPath: '" + c + "' at position "
                            + i + " closes nothing");
                }
            }
        }
        if (quote != 0) {
            throw new ExpressionSyntaxException("'" + text + "' is not a valid JSONPath: an unclosed quote");
        }
        if (!open.isEmpty()) {
            throw new ExpressionSyntaxException("'" + text + "' is not a valid JSONPath: an unclosed '" + open.peek() + "'");
        }
    }

    /** The path as written. */
    @Override
    public String text() {
        return text;
    }

    /** Whether the path starts with {@code $$} and so applies to the context object. */
    public boolean isContextPath() {
        return contextPath;
    }

    /** Whether the path selects at most one value (no wildcard, filter, deep scan or union). */
    public boolean isDefinite() {
        return compiled == null || compiled.isDefinite();
    }

    /** Applies the path to the scope's input or context object; null when nothing is there. */
    public JsonNode select(Scope scope) {
        return find(contextPath ? scope.context() : scope.input());
    }

    /** Same as {@link #select(Scope)}. */
    @Override
    public JsonNode evaluate(Scope scope) {
        return select(scope);
    }

    /**
     * Applies the path to a document.
     *
     * @return the selected value (an array for indefinite paths), or null when a definite path selects nothing
     */
    public JsonNode find(JsonNode document) {
        if (compiled == null) {
            return document;
        }
        if (!document.isContainerNode()) {
            return compiled.isDefinite() ? null : Json.mapper().createArrayNode();
        }
        try {
            Object value = compiled.read(document, CONFIGURATION);
            return Json.toNode(value);
        } catch (PathNotFoundException e) {
            return null;
        } catch (RuntimeException e) {
            // Jayway reports type mismatches (e.g. an index applied to an object) in several ways.
            return compiled.isDefinite() ? null : Json.mapper().createArrayNode();
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Path that && that.text.equals(text);
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
