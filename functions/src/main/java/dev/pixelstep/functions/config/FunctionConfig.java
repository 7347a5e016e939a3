package dev.pixelstep.functions.config;

import dev.pixelstep.functions.error.ConfigurationException;
import dev.pixelstep.functions.internal.image.ImageLimits;
import dev.pixelstep.functions.internal.plan.ChainLimits;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The configuration of both functions, read once when a handler is constructed.
 *
 * <table>
 *   <caption>Settings (environment variable or JVM system property of the same name)</caption>
 *   <tr><th>name</th><th>meaning</th><th>default</th></tr>
 *   <tr><td>{@value #OUTPUT_BUCKET}</td><td>bucket every output is written to</td><td>required</td></tr>
 *   <tr><td>{@value #MAX_BYTES}</td><td>largest input object in bytes</td><td>52428800 (50 MB)</td></tr>
 *   <tr><td>{@value #MAX_PIXELS}</td><td>largest input image in pixels (width x height)</td><td>50000000 (50 MP)</td></tr>
 *   <tr><td>{@value #MAX_OUTPUT_PIXELS}</td><td>largest image any step of a chain may make; at most {@value #MAX_PIXELS},
 *       since the analyser reads the combined output under the input limit</td><td>{@value #MAX_PIXELS}</td></tr>
 *   <tr><td>{@value #MAX_WORK}</td><td>most work one request may plan, in work units
 *       ({@link dev.pixelstep.spi.OperationCost})</td><td>{@value ChainLimits#DEFAULT_MAX_WORK}</td></tr>
 *   <tr><td>{@value #S3_ENDPOINT}</td><td>S3 endpoint override for S3-compatible servers</td><td>AWS's endpoint</td></tr>
 *   <tr><td>{@value #S3_PATH_STYLE}</td><td>{@code true} for path-style bucket addressing</td><td>false</td></tr>
 * </table>
 *
 * @param outputBucket bucket for every output
 * @param limits       size and pixel limits for input images
 * @param chainLimits  output size and work limits for a chain on one image
 * @param s3Endpoint   endpoint override, if any
 * @param s3PathStyle  whether to use path-style addressing
 */
public record FunctionConfig(String outputBucket, ImageLimits limits, ChainLimits chainLimits, Optional<URI> s3Endpoint,
                             boolean s3PathStyle) {

    public static final String OUTPUT_BUCKET = "PIXELSTEP_OUTPUT_BUCKET";
    public static final String MAX_BYTES = "PIXELSTEP_MAX_BYTES";
    public static final String MAX_PIXELS = "PIXELSTEP_MAX_PIXELS";
    public static final String MAX_OUTPUT_PIXELS = "PIXELSTEP_MAX_OUTPUT_PIXELS";
    public static final String MAX_WORK = "PIXELSTEP_MAX_WORK";
    public static final String S3_ENDPOINT = "PIXELSTEP_S3_ENDPOINT";
    public static final String S3_PATH_STYLE = "PIXELSTEP_S3_PATH_STYLE";

    public FunctionConfig {
        Objects.requireNonNull(outputBucket, "outputBucket");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(chainLimits, "chainLimits");
        Objects.requireNonNull(s3Endpoint, "s3Endpoint");
    }

    /** A configuration with the default chain limits for {@code limits} ({@link ChainLimits#defaults}). */
    public FunctionConfig(String outputBucket, ImageLimits limits, Optional<URI> s3Endpoint, boolean s3PathStyle) {
        this(outputBucket, limits, ChainLimits.defaults(limits), s3Endpoint, s3PathStyle);
    }

    /** Reads system properties and environment variables. */
    public static FunctionConfig fromEnvironment() {
        return from(SettingSource.system());
    }

    /**
     * Reads the configuration from {@code source}.
     *
     * @throws ConfigurationException naming the setting and what it accepts
     */
    public static FunctionConfig from(SettingSource source) {
        String bucket = source.get(OUTPUT_BUCKET).orElseThrow(() -> new ConfigurationException(
                OUTPUT_BUCKET + " is not set; set it (environment variable or system property) to the bucket outputs are written to"));
        long maxBytes = positiveLong(source, MAX_BYTES, ImageLimits.DEFAULT_MAX_BYTES);
        long maxPixels = positiveLong(source, MAX_PIXELS, ImageLimits.DEFAULT_MAX_PIXELS);
        long maxOutputPixels = positiveLong(source, MAX_OUTPUT_PIXELS, maxPixels);
        if (maxOutputPixels > maxPixels) {
            throw new ConfigurationException(MAX_OUTPUT_PIXELS + " (" + maxOutputPixels + ") must not be above " + MAX_PIXELS + " ("
                    + maxPixels + "): the analyser reads the combined output under the input limit; raise both together");
        }
        long maxWork = positiveLong(source, MAX_WORK, ChainLimits.DEFAULT_MAX_WORK);
        Optional<URI> endpoint = source.get(S3_ENDPOINT).map(FunctionConfig::endpoint);
        boolean pathStyle = source.get(S3_PATH_STYLE).map(FunctionConfig::bool).orElse(false);
        return new FunctionConfig(bucket, new ImageLimits(maxBytes, maxPixels), new ChainLimits(maxOutputPixels, maxWork), endpoint, pathStyle);
    }

    private static long positiveLong(SettingSource source, String name, long defaultValue) {
        Optional<String> text = source.get(name);
        if (text.isEmpty()) {
            return defaultValue;
        }
        try {
            long value = Long.parseLong(text.get().replace("_", ""));
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigurationException(name + " must be a positive whole number, got '" + text.get() + "' (default " + defaultValue + ")");
    }

    private static URI endpoint(String text) {
        try {
            URI uri = new URI(text);
            if (uri.getScheme() != null && uri.getHost() != null
                    && (uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new ConfigurationException(S3_ENDPOINT + " must be an http(s) URL such as http://127.0.0.1:9000, got '" + text + "'");
    }

    private static boolean bool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new ConfigurationException(S3_PATH_STYLE + " must be true or false, got '" + text + "'");
        };
    }
}
