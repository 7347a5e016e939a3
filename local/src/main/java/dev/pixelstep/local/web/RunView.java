package dev.pixelstep.local.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pixelstep.local.runtime.StateProgress;
import dev.pixelstep.s3.MissingObjects;
import dev.pixelstep.s3.UserMetadata;
import dev.pixelstep.statemachine.Manifest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the page shows about one run, read from S3 (the upload's metadata and the manifest) and
 * from the backend's progress: status, states, error, and a URL per image.
 */
final class RunView {

    private final Backend backend;

    RunView(Backend backend) {
        this.backend = backend;
    }

    /** The run's summary for the list of recent runs. */
    ObjectNode summary(RunId id) {
        HeadObjectResponse input = input(id);
        Manifest manifest = manifest(id);
        return summary(id, input, manifest);
    }

    /**
     * Everything about a run.
     *
     * @throws ApiException 404 when there is no such upload
     */
    ObjectNode detail(RunId id) {
        HeadObjectResponse input = input(id);
        Manifest manifest = manifest(id);
        ObjectNode view = summary(id, input, manifest);
        List<StateProgress> states = backend.progress(id.key(), input.lastModified(), manifest != null);
        if (manifest == null && !states.isEmpty()) {
            view.put("status", "RUNNING");
        }
        ArrayNode list = view.putArray("states");
        boolean following = backend.followsHistory();
        WorkflowSteps.PUBLISHED.of(states, manifest != null || !following)
                .forEach(s -> list.addObject().put("name", s.name()).put("status", s.status()).put("millis", s.millis()));
        view.put("progressFrom", backend.followsHistory() ? "history" : "manifest");
        String stem = stem(view.path("filename").asText());
        view.set("original", image(id, backend.inputBucket(), id.key(), stem + "." + extension(id.key())));
        if (manifest == null) {
            return view;
        }
        view.set("input", Exchanges.JSON.valueToTree(manifest.input()));
        if (!manifest.succeeded()) {
            ObjectNode error = view.putObject("error");
            Manifest.Failure failure = manifest.error();
            error.put("type", readableType(failure == null || failure.type() == null ? "" : failure.type()));
            error.put("message", failure == null || failure.message() == null ? "the pipeline failed without saying why"
                    : inTheUsersWords(failure.message(), backend.inputBucket(), id.key(), view.path("filename").asText()));
            return view;
        }
        Manifest.Outputs outputs = manifest.outputs();
        String bucket = backend.outputBucket();
        view.set("combined", output(id, bucket, outputs.combined(), stem + "-combined"));
        view.set("histogramOriginal", histogram(id, bucket, outputs.histogramOriginal(), stem + "-histogram-original"));
        view.set("histogramCombined", histogram(id, bucket, outputs.histogramCombined(), stem + "-histogram-combined"));
        ArrayNode independent = view.putArray("independent");
        List<Manifest.Step> operations = manifest.operations();
        for (int i = 0; i < outputs.independent().size(); i++) {
            String key = outputs.independent().get(i);
            Manifest.Step operation = i < operations.size() ? operations.get(i) : null;
            String name = operation == null ? null : operation.name();
            ObjectNode item = output(id, bucket, key, stem + "-" + String.format("%02d", i + 1) + "-" + (name == null ? "step" : name));
            item.put("operation", name == null ? "step " + (i + 1) : name);
            item.set("parameters", Exchanges.JSON.valueToTree(operation == null ? Map.of() : operation.parameters()));
            independent.add(item);
        }
        return view;
    }

    /** The chart image, and the histogram's JSON (read through this server: the page's scripts may only fetch from it). */
    private ObjectNode histogram(RunId id, String bucket, Manifest.Histogram histogram, String downloadStem) {
        ObjectNode chart = output(id, bucket, histogram == null ? "" : histogram.chart(), downloadStem);
        String data = histogram == null ? "" : histogram.histogram();
        if (id.owns(data)) {
            chart.put("data", "/api/runs/" + id + "/file?key=" + URLEncoder.encode(data, StandardCharsets.UTF_8));
        }
        return chart;
    }

    private ObjectNode summary(RunId id, HeadObjectResponse input, Manifest manifest) {
        ObjectNode view = Exchanges.JSON.createObjectNode();
        view.put("id", id.value());
        String filename = UserMetadata.decode(input.metadata().get(UserMetadata.ORIGINAL_FILENAME));
        String key = id.key();
        view.put("filename", filename != null && !filename.isBlank() ? filename
                : id.madeByPage() || key.endsWith("/") ? id.value() : key.substring(key.lastIndexOf('/') + 1));
        view.put("key", key);
        String chain = UserMetadata.decode(input.metadata().get(UserMetadata.OPERATIONS));
        view.put("chain", manifest != null && manifest.succeeded() ? manifest.chain() : chain == null ? "" : chain);
        Instant uploaded = input.lastModified();
        view.put("uploadedAt", uploaded == null ? null : uploaded.toString());
        if (manifest == null) {
            view.put("status", "QUEUED");
            return view;
        }
        view.put("status", manifest.status().name());
        if (manifest.startedAt() != null && manifest.writtenAt() != null) {
            view.put("pipelineMillis", Duration.between(manifest.startedAt(), manifest.writtenAt()).toMillis());
        }
        return view;
    }

    private HeadObjectResponse input(RunId id) {
        try {
            return backend.s3().headObject(b -> b.bucket(backend.inputBucket()).key(id.key()));
        } catch (S3Exception e) {
            if (!MissingObjects.isMissing(e)) {
                throw e;
            }
            throw new ApiException(404, "there is no run " + id);
        }
    }

    /** The run's manifest, or null while it has not been written. */
    Manifest manifest(RunId id) {
        try {
            byte[] bytes = backend.s3().getObjectAsBytes(b -> b.bucket(backend.outputBucket()).key(Manifest.keyFor(id.key())))
                    .asByteArray();
            return Manifest.parse(bytes);
        } catch (S3Exception e) {
            if (!MissingObjects.isMissing(e)) {
                throw e;
            }
            return null;
        } catch (IllegalArgumentException e) {
            throw new ApiException(502, "the run's manifest is " + e.getMessage());
        }
    }

    private ObjectNode output(RunId id, String bucket, String key, String downloadStem) {
        if (!id.owns(key)) {
            ObjectNode missing = Exchanges.JSON.createObjectNode();
            missing.putNull("url");
            return missing;
        }
        return image(id, bucket, key, downloadStem + "." + extension(key));
    }

    private ObjectNode image(RunId id, String bucket, String key, String downloadName) {
        ObjectNode image = Exchanges.JSON.createObjectNode();
        image.put("key", key);
        image.put("downloadName", downloadName);
        String base = bucket.equals(backend.inputBucket()) ? "/api/runs/" + id + "/original"
                : "/api/runs/" + id + "/file?key=" + URLEncoder.encode(key, StandardCharsets.UTF_8);
        String separator = base.contains("?") ? "&" : "?";
        image.put("url", backend.directUrl(bucket, key, null).orElse(base));
        image.put("preview", "/api/runs/" + id + "/preview"
                + (bucket.equals(backend.inputBucket()) ? "" : "?key=" + URLEncoder.encode(key, StandardCharsets.UTF_8)));
        image.put("download", backend.directUrl(bucket, key, downloadName).orElse(base + separator + "download=1"));
        return image;
    }

    private static String extension(String key) {
        int dot = key.lastIndexOf('.');
        int slash = key.lastIndexOf('/');
        return dot > slash ? key.substring(dot + 1) : "bin";
    }

    private static String stem(String filename) {
        int dot = filename.lastIndexOf('.');
        String stem = dot > 0 ? filename.substring(0, dot) : filename;
        stem = stem.replaceAll("[\\p{Cntrl}/\\\\:*?\"<>|]", "_").strip();
        return stem.isEmpty() ? "image" : stem.length() > 80 ? stem.substring(0, 80) : stem;
    }

    /**
     * An error's type in words: {@code dev.pixelstep.functions.errors.UnsupportedImageException} reads
     * {@code Unsupported image}, {@code Pixelstep.ManifestNotWritten} reads {@code Manifest not written}.
     */
    static String readableType(String type) {
        int dot = type.lastIndexOf('.');
        String name = dot >= 0 && dot < type.length() - 1 ? type.substring(dot + 1) : type;
        name = name.replaceAll("(Exception|Error)$", "");
        String words = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2");
        if (words.isBlank()) {
            return type;
        }
        String[] parts = words.split(" ");
        StringBuilder out = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            boolean acronym = parts[i].length() > 1 && parts[i].chars().allMatch(Character::isUpperCase);
            out.append(' ').append(acronym ? parts[i] : parts[i].toLowerCase(java.util.Locale.ROOT));
        }
        return out.toString();
    }

    /** The functions name the object by its key; the person knows it by the file name they chose. */
    static String inTheUsersWords(String message, String bucket, String key, String filename) {
        if (key.isEmpty() || filename.isEmpty() || filename.equals(key)) {
            return message;
        }
        return message.replace("s3://" + bucket + "/" + key, filename).replace(bucket + "/" + key, filename).replace(key, filename);
    }
}
