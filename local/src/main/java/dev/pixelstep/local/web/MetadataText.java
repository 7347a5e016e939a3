package dev.pixelstep.local.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * S3 user metadata travels in HTTP headers, which carry ASCII only: values with other characters
 * are written as one RFC 2047 encoded word ({@code =?UTF-8?B?...?=}), the form the pipeline's
 * functions decode. Text must be well-formed UTF-16 (no lone surrogates), as any text from a
 * browser or a percent-decoded query is.
 */
public final class MetadataText {

    private static final Pattern ENCODED = Pattern.compile("=\\?UTF-8\\?B\\?([A-Za-z0-9+/=]*)\\?=", Pattern.CASE_INSENSITIVE);

    private MetadataText() {
    }

    /** {@code value} as a metadata header value: as it is when plain printable ASCII, else one RFC 2047 encoded word. */
    public static String encode(String value) {
        // HTTP trims header values, and a value holding "=?" could read as an encoded word: encode those too.
        boolean plain = value.chars().allMatch(c -> c >= 0x20 && c < 0x7f) && !value.contains("=?") && value.equals(value.strip());
        return plain ? value : "=?UTF-8?B?" + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)) + "?=";
    }

    /** The text of a metadata value: an RFC 2047 base64 encoded word decoded, anything else as it is. */
    public static String decode(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = ENCODED.matcher(value);
        if (!m.matches()) {
            return value;
        }
        try {
            return new String(Base64.getDecoder().decode(m.group(1)), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }
}
