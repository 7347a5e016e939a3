package dev.pixelstep.functions.internal.image;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How the outputs of one upload are written, from its {@code output} user metadata
 * ({@code x-amz-meta-output}): comma-separated {@code name=value} pairs, each name at most once,
 * names and values case-insensitive, blanks around them ignored; missing or blank metadata is the
 * default (today's behaviour).
 *
 * <table>
 *   <caption>Output options</caption>
 *   <tr><th>name</th><th>values</th><th>default</th></tr>
 *   <tr><td>{@code format}</td><td>{@code jpeg} ({@code jpg}), {@code png}</td><td>JPEG for JPEG inputs, PNG for every other</td></tr>
 *   <tr><td>{@code quality}</td><td>1 to 100 (JPEG only)</td><td>90</td></tr>
 *   <tr><td>{@code progressive}</td><td>{@code true}, {@code false} (JPEG only)</td><td>{@code false}</td></tr>
 *   <tr><td>{@code max-bytes}</td><td>1024 to 1073741824: the largest output; a JPEG is written at lower
 *       qualities (10 less each step, at most 9 steps, not below 10) until it fits</td><td>none</td></tr>
 *   <tr><td>{@code metadata}</td><td>{@code strip}, {@code keep}: the input's EXIF with Orientation 1 and
 *       no thumbnail ({@link Exif})</td><td>{@code strip}</td></tr>
 * </table>
 *
 * @param format      the output format, or null for the input format's {@link ImageFormat#output()}
 * @param quality     the JPEG quality, 1 to 100
 * @param progressive whether JPEG outputs are progressive
 * @param maxBytes    the largest output in bytes, or 0 for no limit
 * @param keepMetadata whether outputs keep the input's EXIF ({@code metadata=keep})
 * @param exif        the EXIF every output carries, or null: set with {@link #withExif} once the input is read
 */
public record OutputOptions(ImageFormat format, int quality, boolean progressive, long maxBytes, boolean keepMetadata, Exif exif) {

    /** Today's behaviour: the input's output format, JPEG quality 90, baseline, no size limit, no metadata. */
    public static final OutputOptions DEFAULT = new OutputOptions(null, 90, false, 0);

    /** Options that strip metadata. */
    public OutputOptions(ImageFormat format, int quality, boolean progressive, long maxBytes) {
        this(format, quality, progressive, maxBytes, false, null);
    }

    /** These options with outputs carrying {@code exif} (none if null); the input's EXIF when {@link #keepMetadata}. */
    public OutputOptions withExif(Exif exif) {
        return new OutputOptions(format, quality, progressive, maxBytes, keepMetadata, exif);
    }

    /** The smallest {@code max-bytes} accepted. */
    public static final long MIN_MAX_BYTES = 1024;

    /** The largest {@code max-bytes} accepted (1 GiB). */
    public static final long MAX_MAX_BYTES = 1L << 30;

    /**
     * Parses the {@code output} metadata.
     *
     * @throws IllegalArgumentException with a message saying what is wrong and what is allowed
     */
    public static OutputOptions parse(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT;
        }
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String part : text.split(",", -1)) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("'" + part.trim() + "' is not name=value; write e.g. 'format=png, quality=80'");
            }
            String name = part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = part.substring(eq + 1).trim().toLowerCase(Locale.ROOT);
            if (pairs.put(name, value) != null) {
                throw new IllegalArgumentException("'" + name + "' is given twice");
            }
        }
        ImageFormat format = null;
        int quality = DEFAULT.quality();
        boolean progressive = false;
        long maxBytes = 0;
        boolean keep = false;
        for (Map.Entry<String, String> pair : pairs.entrySet()) {
            String value = pair.getValue();
            switch (pair.getKey()) {
                case "format" -> format = switch (value) {
                    case "jpeg", "jpg" -> ImageFormat.JPEG;
                    case "png" -> ImageFormat.PNG;
                    case "webp" -> throw new IllegalArgumentException("format=webp is not available: the functions read WebP but"
                            + " write only jpeg or png");
                    default -> throw new IllegalArgumentException("format '" + value + "' is not one of jpeg, png");
                };
                case "quality" -> quality = (int) number("quality", value, 1, 100);
                case "progressive" -> progressive = switch (value) {
                    case "true" -> true;
                    case "false" -> false;
                    default -> throw new IllegalArgumentException("progressive '" + value + "' is not true or false");
                };
                case "max-bytes" -> maxBytes = number("max-bytes", value, MIN_MAX_BYTES, MAX_MAX_BYTES);
                case "metadata" -> keep = switch (value) {
                    case "strip" -> false;
                    case "keep" -> true;
                    default -> throw new IllegalArgumentException("metadata '" + value + "' is not strip or keep");
                };
                default -> throw new IllegalArgumentException("unknown option '" + pair.getKey()
                        + "'; the options are format, quality, progressive, max-bytes, metadata");
            }
        }
        if (format == ImageFormat.PNG && (pairs.containsKey("quality") || progressive)) {
            throw new IllegalArgumentException("quality and progressive apply to jpeg outputs only, not png");
        }
        return new OutputOptions(format, quality, progressive, maxBytes, keep, null);
    }

    /** The format outputs of an input in {@code input} are written in. */
    public ImageFormat formatFor(ImageFormat input) {
        return Optional.ofNullable(format).orElse(input.output());
    }

    /** The canonical text: only the options that differ from the default, e.g. {@code format=png}; empty for the default. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        if (format != null) {
            out.append("format=").append(format.id());
        }
        if (quality != DEFAULT.quality()) {
            out.append(out.isEmpty() ? "" : ", ").append("quality=").append(quality);
        }
        if (progressive) {
            out.append(out.isEmpty() ? "" : ", ").append("progressive=true");
        }
        if (maxBytes > 0) {
            out.append(out.isEmpty() ? "" : ", ").append("max-bytes=").append(maxBytes);
        }
        if (keepMetadata) {
            out.append(out.isEmpty() ? "" : ", ").append("metadata=keep");
        }
        return out.toString();
    }

    private static long number(String name, String value, long min, long max) {
        long n;
        try {
            n = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " '" + value + "' is not a whole number from " + min + " to " + max, e);
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException(name + " " + n + " is not from " + min + " to " + max);
        }
        return n;
    }
}
