package dev.pixelstep.statemachine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One published ASL definition with its placeholder list, read from this artifact: what
 * {@link PipelineDefinition} and {@link BulkReprocessDefinition} share. Placeholders are written
 * {@code ${Name}} inside JSON strings, exactly as Step Functions' definition substitutions expect;
 * {@link #substitute(Map)} fills them the same way for a local engine, refusing missing or
 * undeclared names. Immutable and thread-safe.
 */
public final class AslDocument {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9]*)}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String resource;
    private final String definition;
    private final Map<String, String> placeholders;

    private AslDocument(String resource, String definition, Map<String, String> placeholders) {
        this.resource = resource;
        this.definition = definition;
        this.placeholders = placeholders;
    }

    /** Reads a definition and its placeholder list ({@code {"Name": "description"}}) from the class path. */
    static AslDocument load(String definitionResource, String placeholdersResource) {
        Map<String, String> placeholders = new LinkedHashMap<>();
        try {
            JsonNode declared = JSON.readTree(read(placeholdersResource));
            for (Iterator<Map.Entry<String, JsonNode>> it = declared.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                placeholders.put(e.getKey(), e.getValue().asText());
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(placeholdersResource + " is not valid JSON", e);
        }
        return new AslDocument(definitionResource, read(definitionResource), Collections.unmodifiableMap(placeholders));
    }

    /** The definition text with its {@code ${...}} placeholders, as published. */
    public String json() {
        return definition;
    }

    /** Every declared placeholder name with its description. */
    public Map<String, String> placeholders() {
        return placeholders;
    }

    /** The placeholder names that occur in the definition text. */
    public Set<String> usedPlaceholders() {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(definition);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /**
     * The definition with every placeholder replaced, as Step Functions' definition substitutions do.
     *
     * @param values a value for every declared placeholder and nothing else
     * @throws IllegalArgumentException naming missing or unknown placeholders
     */
    public String substitute(Map<String, String> values) {
        return fill(definition, placeholders.keySet(), values);
    }

    /** The value at a JSON pointer of the definition as published (e.g. {@code /Comment}). */
    String textAt(String pointer) {
        try {
            return JSON.readTree(definition).at(pointer).asText();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(resource + " is not valid JSON", e);
        }
    }

    static String fill(String template, Set<String> declared, Map<String, String> values) {
        Set<String> missing = new TreeSet<>(declared);
        missing.removeAll(values.keySet());
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(declared);
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            throw new IllegalArgumentException("definition substitutions must give exactly " + new TreeSet<>(declared)
                    + (missing.isEmpty() ? "" : "; missing " + missing) + (unknown.isEmpty() ? "" : "; unknown " + unknown));
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            String replacement = value == null ? m.group() : new String(JsonStringEncoder.getInstance().quoteAsString(value));
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String read(String resource) {
        try (InputStream in = AslDocument.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
