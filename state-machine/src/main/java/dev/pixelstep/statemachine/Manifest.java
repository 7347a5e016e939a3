package dev.pixelstep.statemachine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The manifest every run of the image pipeline ends with, {@code K/manifest.json} in the output bucket for an
 * upload {@code K} (schema {@value #SCHEMA}): the one Java reading of what the state machine's
 * {@code BuildManifest} and {@code BuildFailedManifest} states write. Read it with {@link #parse(byte[])} or
 * {@link #of(JsonNode)}; find it with {@link #keyFor(String)}.
 *
 * @param status          whether the run succeeded
 * @param pipelineVersion the version of the state machine that wrote it
 * @param execution       the execution's ARN
 * @param startedAt       when the execution started
 * @param writtenAt       when the manifest was built
 * @param input           the upload (width, height and format only when it was decoded)
 * @param chain           the chain in canonical text; empty for no operations or when the run failed before parsing it
 * @param operations      every step with all its parameter values; empty when the run failed
 * @param outputs         the keys written
 * @param error           why the run failed; null when it succeeded
 * @param timingsMs       the processor's milliseconds per phase; empty when the run failed
 */
public record Manifest(Status status, String pipelineVersion, String execution, Instant startedAt, Instant writtenAt,
                       Input input, String chain, List<Step> operations, Outputs outputs, Failure error,
                       Map<String, Long> timingsMs) {

    /** The schema every manifest names. */
    public static final String SCHEMA = "pixelstep/manifest/v1";
    /** The file name of the manifest under an upload's output prefix. */
    public static final String FILE_NAME = "manifest.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** How a run ended. */
    public enum Status {
        /** Every output and both histograms were written. */
        SUCCEEDED,
        /** The run failed; {@link #error()} says why, and its partial outputs were discarded. */
        FAILED
    }

    /**
     * The upload a run read.
     *
     * @param bucket the input bucket
     * @param key    the object key
     * @param size   its size in bytes
     * @param width  its width in pixels; null when it was not decoded
     * @param height its height in pixels; null when it was not decoded
     * @param format its image format (e.g. {@code jpeg}); null when it was not decoded
     */
    public record Input(String bucket, String key, long size, Integer width, Integer height, String format) {
    }

    /**
     * One step of the chain.
     *
     * @param index      its position, from 1
     * @param name       the operation's name
     * @param parameters every parameter's value as text, defaults included
     */
    public record Step(int index, String name, Map<String, String> parameters) {
    }

    /**
     * What a run wrote to the output bucket.
     *
     * @param bucket            the output bucket
     * @param manifest          this manifest's key
     * @param combined          the combined image's key; null when the run failed
     * @param independent       one key per step, in chain order; empty when the run failed
     * @param histogramOriginal the original's histogram; null when the run failed
     * @param histogramCombined the combined image's histogram; null when the run failed
     * @param files             every image the processor wrote with its format, size and byte count
     *                          (combined first, then independent in chain order); empty when the run
     *                          failed or for a manifest written before the list existed
     */
    public record Outputs(String bucket, String manifest, String combined, List<String> independent,
                          Histogram histogramOriginal, Histogram histogramCombined, List<File> files) {

        /** Copies the lists. */
        public Outputs {
            independent = List.copyOf(independent);
            files = List.copyOf(files);
        }

        /** Every key written, the manifest's last (a key the document leaves out is left out). */
        public List<String> keys() {
            List<String> keys = new ArrayList<>();
            keys.add(combined);
            keys.addAll(independent);
            for (Histogram histogram : new Histogram[]{histogramOriginal, histogramCombined}) {
                if (histogram != null) {
                    keys.add(histogram.histogram());
                    keys.add(histogram.chart());
                }
            }
            keys.add(manifest);
            keys.removeIf(Objects::isNull);
            return List.copyOf(keys);
        }
    }

    /**
     * An image the processor wrote.
     *
     * @param key    its key in the output bucket
     * @param format its format, {@code jpeg} or {@code png}
     * @param width  its width in pixels
     * @param height its height in pixels
     * @param bytes  its size in bytes
     */
    public record File(String key, String format, int width, int height, long bytes) {
    }

    /**
     * A histogram the analyser wrote.
     *
     * @param histogram the JSON document's key
     * @param chart     the PNG chart's key
     */
    public record Histogram(String histogram, String chart) {
    }

    /**
     * Why a run failed.
     *
     * @param type    the error's name (an exception class name for the functions' typed errors, or a
     *                {@code States.*} / {@code Lambda.*} name)
     * @param message what a person can act on
     */
    public record Failure(String type, String message) {
    }

    /** Copies the lists and maps. */
    public Manifest {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(outputs, "outputs");
        operations = List.copyOf(operations);
        timingsMs = Collections.unmodifiableMap(new LinkedHashMap<>(timingsMs));
    }

    /** The key of the manifest of the upload {@code inputKey}: {@code <inputKey>/manifest.json}. */
    public static String keyFor(String inputKey) {
        return inputKey + "/" + FILE_NAME;
    }

    /** Whether the run succeeded. */
    public boolean succeeded() {
        return status == Status.SUCCEEDED;
    }

    /**
     * Reads a manifest's bytes.
     *
     * @throws IllegalArgumentException when they are not JSON or not a manifest of schema {@value #SCHEMA}
     */
    public static Manifest parse(byte[] json) {
        try {
            return of(JSON.readTree(json));
        } catch (IOException e) {
            throw new IllegalArgumentException("not a pixelstep manifest: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a manifest document.
     *
     * @throws IllegalArgumentException when it is not a manifest of schema {@value #SCHEMA}
     */
    public static Manifest of(JsonNode node) {
        if (node == null || !SCHEMA.equals(node.path("schema").asText())) {
            throw new IllegalArgumentException("not a pixelstep manifest: the schema is not " + SCHEMA);
        }
        Status status;
        try {
            status = Status.valueOf(node.path("status").asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a pixelstep manifest: unknown status '" + node.path("status").asText() + "'");
        }
        JsonNode input = node.path("input");
        JsonNode outputs = node.path("outputs");
        List<Step> steps = new ArrayList<>();
        for (JsonNode step : node.path("operations")) {
            Map<String, String> parameters = new LinkedHashMap<>();
            step.path("parameters").fields().forEachRemaining(e -> parameters.put(e.getKey(), e.getValue().asText()));
            steps.add(new Step(step.path("index").asInt(), step.path("name").asText(), Collections.unmodifiableMap(parameters)));
        }
        List<String> independent = new ArrayList<>();
        outputs.path("independent").forEach(key -> independent.add(key.asText()));
        Map<String, Long> timings = new LinkedHashMap<>();
        node.path("timingsMs").fields().forEachRemaining(e -> timings.put(e.getKey(), e.getValue().asLong()));
        JsonNode error = node.path("error");
        return new Manifest(status, text(node, "pipelineVersion"), text(node, "execution"), instant(node, "startedAt"),
                instant(node, "writtenAt"),
                new Input(text(input, "bucket"), text(input, "key"), input.path("size").asLong(), integer(input, "width"),
                        integer(input, "height"), text(input, "format")),
                node.path("chain").asText(""), steps,
                new Outputs(text(outputs, "bucket"), text(outputs, "manifest"), text(outputs, "combined"), List.copyOf(independent),
                        histogram(outputs.path("histogramOriginal")), histogram(outputs.path("histogramCombined")), files(outputs.path("files"))),
                error.isObject() ? new Failure(text(error, "type"), text(error, "message")) : null, timings);
    }

    private static List<File> files(JsonNode node) {
        List<File> files = new ArrayList<>();
        for (JsonNode file : node) {
            files.add(new File(text(file, "key"), text(file, "format"), file.path("width").asInt(), file.path("height").asInt(),
                    file.path("bytes").asLong()));
        }
        return files;
    }

    private static Histogram histogram(JsonNode node) {
        return node.isObject() ? new Histogram(text(node, "histogram"), text(node, "chart")) : null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    private static Integer integer(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNumber() ? value.intValue() : null;
    }

    private static Instant instant(JsonNode node, String field) {
        String text = text(node, field);
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a pixelstep manifest: " + field + " '" + text + "' is not a timestamp");
        }
    }
}
