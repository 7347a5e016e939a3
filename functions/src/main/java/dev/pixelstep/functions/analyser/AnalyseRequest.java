package dev.pixelstep.functions.analyser;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pixelstep.functions.error.InvalidRequestException;
import dev.pixelstep.functions.internal.json.JsonCodec;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The analyser's input, {@code {"bucket", "key", "label", "resultPrefix"}}; other fields are ignored.
 *
 * @param bucket       bucket of the image to analyse
 * @param key          its key (possibly URL-encoded, as the event carried it)
 * @param label        names the outputs {@code histogram-<label>.json/.png}; matches {@value #LABEL_PATTERN}
 * @param resultPrefix key prefix of the outputs; when absent, the key the image was found under
 */
public record AnalyseRequest(String bucket, String key, String label, Optional<String> resultPrefix) {

    /** The rule labels follow. */
    public static final String LABEL_PATTERN = "[a-z][a-z0-9-]*";

    private static final Pattern LABEL = Pattern.compile(LABEL_PATTERN);

    public AnalyseRequest {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(resultPrefix, "resultPrefix");
        if (label == null || !LABEL.matcher(label).matches()) {
            throw new InvalidRequestException("the label '" + label + "' is not allowed; labels are lower-case letters, digits and '-', "
                    + "starting with a letter (" + LABEL_PATTERN + "), e.g. 'original' or 'combined'");
        }
    }

    /**
     * Reads the request from its JSON form.
     *
     * @throws InvalidRequestException if a required field is missing or the label is invalid
     */
    public static AnalyseRequest from(JsonNode json) {
        return new AnalyseRequest(JsonCodec.requiredText(json, "bucket"), JsonCodec.requiredText(json, "key"),
                JsonCodec.requiredText(json, "label"), JsonCodec.optionalText(json, "resultPrefix"));
    }
}
