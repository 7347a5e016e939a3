package dev.pixelstep.functions.internal.s3;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes S3 user-metadata values. S3 returns values that were stored with non-ASCII characters
 * as RFC 2047 encoded words ({@code =?UTF-8?B?...?=} or {@code =?UTF-8?Q?...?=}); plain values
 * are returned unchanged.
 */
final class MetadataValues {

    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?]+)\\?([BbQq])\\?([^?]*)\\?=");

    private MetadataValues() {
    }

    static String decode(String value) {
        if (value == null || !value.contains("=?")) {
            return value;
        }
        Matcher m = ENCODED_WORD.matcher(value);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            String between = value.substring(last, m.start());
            if (last == 0 || !between.isBlank()) {
                out.append(between);
            }
            out.append(word(m.group(1), m.group(2), m.group(3), m.group()));
            last = m.end();
        }
        out.append(value.substring(last));
        return out.toString();
    }

    private static String word(String charsetName, String encoding, String text, String original) {
        try {
            Charset charset = Charset.forName(charsetName);
            byte[] bytes = encoding.toUpperCase(Locale.ROOT).equals("B") ? Base64.getDecoder().decode(text) : quoted(text);
            return new String(bytes, charset);
        } catch (IllegalArgumentException e) {
            return original;
        }
    }

    private static byte[] quoted(String text) {
        byte[] in = text.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[in.length];
        int n = 0;
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '_') {
                out[n++] = ' ';
            } else if (in[i] == '=' && i + 2 < in.length) {
                out[n++] = (byte) Integer.parseInt(text.substring(i + 1, i + 3), 16);
                i += 2;
            } else {
                out[n++] = in[i];
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
