package dev.pixelstep.statemachine;

import java.util.Map;
import java.util.Set;

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

    private final AslDocument document;
    private final String eventPattern;

    private PipelineDefinition(AslDocument document, String eventPattern) {
        this.document = document;
        this.eventPattern = eventPattern;
    }

    /** Loads the definition published in this artifact. */
    public static PipelineDefinition load() {
        return new PipelineDefinition(AslDocument.load(DEFINITION, PLACEHOLDERS), AslDocument.read(EVENT_PATTERN));
    }

    /** The definition text with its {@code ${...}} placeholders, as published. */
    public String json() {
        return document.json();
    }

    /** Every declared placeholder name with its description. */
    public Map<String, String> placeholders() {
        return document.placeholders();
    }

    /** The placeholder names that occur in the definition text. */
    public Set<String> usedPlaceholders() {
        return document.usedPlaceholders();
    }

    /** The pipeline version, as written into the definition's Comment and every manifest. */
    public String version() {
        return document.textAt("/States/BuildManifest/Parameters/pipelineVersion");
    }

    /**
     * The definition with every placeholder replaced, as Step Functions' definition substitutions do.
     *
     * @param values a value for every declared placeholder and nothing else
     * @throws IllegalArgumentException naming missing or unknown placeholders
     */
    public String substitute(Map<String, String> values) {
        return document.substitute(values);
    }

    /** The EventBridge rule pattern that matches 'Object Created' events of {@code inputBucket}. */
    public String eventPattern(String inputBucket) {
        return AslDocument.fill(eventPattern, Set.of("InputBucket"), Map.of("InputBucket", inputBucket));
    }

    /** The EventBridge rule pattern as published, with its {@code ${InputBucket}} placeholder. */
    public String eventPatternTemplate() {
        return eventPattern;
    }
}
