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
 * The published pixelstep state machine: the ASL definition of the image pipeline
 * ({@value #DEFINITION}), the placeholders it needs ({@value #PLACEHOLDERS}) and the EventBridge
 * rule pattern that starts it ({@value #EVENT_PATTERN}), all read from this artifact.
 *
 * <p>Placeholders are written {@code ${Name}} inside JSON strings, exactly as Step Functions'
 * definition substitutions expect; {@link #substitute(Map)} fills them the same way for a local
 * engine, refusing missing or undeclared names. Immutable and thread-safe.
 */
public final class PipelineDefinition {

    /** Class-path resource of the ASL definition. */
    public static final String DEFINITION = "dev/pixelstep/statemachine/image-pipeline.asl.json";
    /** Class-path resource listing each placeholder with a description. */
    public static final String PLACEHOLDERS = "dev/pixelstep/statemachine/image-pipeline.placeholders.json";
    /** Class-path resource of the EventBridge rule pattern; its one placeholder is {@code InputBucket}. */
    public static final String EVENT_PATTERN = "dev/pixelstep/statemachine/object-created.event-pattern.json";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9]*)}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String definition;
    private final Map<String, String> placeholders;
    private final String eventPattern;

    private PipelineDefinition(String definition, Map<String, String> placeholders, String eventPattern) {
        this.definition = definition;
        this.placeholders = placeholders;
        this.eventPattern = eventPattern;
    }

    /** Loads the definition published in this artifact. */
    public static PipelineDefinition load() {
        String definition = read(DEFINITION);
        String eventPattern = read(EVENT_PATTERN);
        Map<String, String> placeholders = new LinkedHashMap<>();
        try {
            JsonNode declared = JSON.readTree(read(PLACEHOLDERS));
            for (Iterator<Map.Entry<String, JsonNode>> it = declared.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                placeholders.put(e.getKey(), e.getValue().asText());
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(PLACEHOLDERS + " is not valid JSON", e);
        }
        return new PipelineDefinition(definition, Collections.unmodifiableMap(placeholders), eventPattern);
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
        return namesIn(definition);
    }

    /** The pipeline version, as written into the definition's Comment and every manifest. */
    public String version() {
        try {
            return JSON.readTree(definition).path("States").path("BuildManifest").path("Parameters")
                    .path("pipelineVersion").asText();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(DEFINITION + " is not valid JSON", e);
        }
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

    /** The EventBridge rule pattern that matches 'Object Created' events of {@code inputBucket}. */
    public String eventPattern(String inputBucket) {
        return fill(eventPattern, Set.of("InputBucket"), Map.of("InputBucket", inputBucket));
    }

    /** The EventBridge rule pattern as published, with its {@code ${InputBucket}} placeholder. */
    public String eventPatternTemplate() {
        return eventPattern;
    }

    private static String fill(String template, Set<String> declared, Map<String, String> values) {
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

    private static Set<String> namesIn(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static String read(String resource) {
        try (InputStream in = PipelineDefinition.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
