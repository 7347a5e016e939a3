package dev.pixelstep.statemachine;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The published bulk-reprocess state machine ({@value #DEFINITION}, placeholders in
 * {@value #PLACEHOLDERS}): a Distributed Map over an S3 listing whose child workflow starts the
 * image pipeline ({@link PipelineDefinition}) for each object with the chain given in the request,
 * then a summary. Input {@code {bucket, prefix, operations, maxConcurrency,
 * toleratedFailurePercentage}}; the Map Run's result files and {@value #SUMMARY_FILE} are written
 * under {@code bulk-runs/<execution name>/} ({@link #resultPrefix(String)}) in the output bucket.
 * Immutable and thread-safe.
 */
public final class BulkReprocessDefinition {

    /** Class-path resource of the ASL definition. */
    public static final String DEFINITION = "dev/pixelstep/statemachine/bulk-reprocess.asl.json";
    /** Class-path resource listing each placeholder with a description. */
    public static final String PLACEHOLDERS = "dev/pixelstep/statemachine/bulk-reprocess.placeholders.json";
    /** Where in the output bucket every bulk run writes its results, one folder per execution name. */
    public static final String RESULTS_ROOT = "bulk-runs/";
    /** The summary's file name inside a run's result folder. */
    public static final String SUMMARY_FILE = "summary.json";

    private static final Pattern VERSION = Pattern.compile("^pixelstep bulk reprocess (\\S+):");

    private final AslDocument document;

    private BulkReprocessDefinition(AslDocument document) {
        this.document = document;
    }

    /** Loads the definition published in this artifact. */
    public static BulkReprocessDefinition load() {
        return new BulkReprocessDefinition(AslDocument.load(DEFINITION, PLACEHOLDERS));
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

    /** The project version, as written into the definition's Comment. */
    public String version() {
        Matcher m = VERSION.matcher(document.textAt("/Comment"));
        if (!m.find()) {
            throw new IllegalStateException(DEFINITION + ": the Comment does not start with 'pixelstep bulk reprocess <version>:'");
        }
        return m.group(1);
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

    /** The folder of a run's result files and summary in the output bucket: {@code bulk-runs/<executionName>}. */
    public static String resultPrefix(String executionName) {
        return RESULTS_ROOT + executionName;
    }

    /** The key of a run's summary in the output bucket. */
    public static String summaryKey(String executionName) {
        return resultPrefix(executionName) + "/" + SUMMARY_FILE;
    }
}
