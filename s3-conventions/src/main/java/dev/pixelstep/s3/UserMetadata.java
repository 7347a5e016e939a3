package dev.pixelstep.s3;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The user metadata of an uploaded object: its names, and the encoding of its values.
 *
 * <p>S3 user metadata travels in HTTP headers ({@code x-amz-meta-<name>}), which carry ASCII
 * only. A value with other characters is written as one RFC 2047 encoded word
 * ({@code =?UTF-8?B?...?=}), which is also how S3 returns values stored with non-ASCII characters;
 * {@link #decode} reads the base64 ({@code B}) and quoted-printable ({@code Q}) forms in any charset
 * the JVM knows, one or several words, so a value reads the same whichever client wrote it (the web
 * page, {@code pixelstep run}, the AWS CLI, an SDK).
 */
public final class UserMetadata {

    /** The operation chain to apply, e.g. {@code grayscale, blur(radius=4)}. */
    public static final String OPERATIONS = "operations";

    /** How the outputs are written, e.g. {@code format=png} or {@code quality=80, max-bytes=200000}. */
    public static final String OUTPUT = "output";

    /** The file name the upload had on the user's machine, shown instead of the generated key. */
    public static final String ORIGINAL_FILENAME = "original-filename";

    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?]+)\\?([BbQq])\\?([^?]*)\\?=");

    private UserMetadata() {
    }

    /**
     * {@code text} as a metadata header value: as it is when it is plain printable ASCII, otherwise
     * one RFC 2047 encoded word. Text that HTTP would trim (leading or trailing white space) and
     * text holding {@code =?}, which could read as an encoded word, are encoded too, so that
     * {@code decode(encode(text))} is {@code text} for any well-formed text.
     *
     * @param text well-formed UTF-16 (no lone surrogates), as any text from a browser, a file name
     *             or a command line is
     */
    public static String encode(String text) {
        boolean plain = text.chars().allMatch(c -> c >= 0x20 && c < 0x7f) && !text.contains("=?") && text.equals(text.strip());
        return plain ? text : "=?UTF-8?B?" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "?=";
    }

    /**
     * The text of a metadata value: its RFC 2047 encoded words decoded (white space between two
     * adjacent words dropped, as the RFC says), anything else as it is; a word that does not decode
     * (an unknown charset, bad base64) is kept as written. {@code null} stays {@code null}.
     */
    public static String decode(String value) {
        if (value == null || !value.contains("=?")) {
            return value;
        }
        Matcher m = ENCODED_WORD.matcher(value);
        StringBuilder out = new StringBuilder();
        int last = 0;
        boolean afterWord = false;
        while (m.find()) {
            String between = value.substring(last, m.start());
            if (!afterWord || !between.isBlank()) {
                out.append(between);
            }
            out.append(word(m.group(1), m.group(2), m.group(3), m.group()));
            last = m.end();
            afterWord = true;
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
            return original; // unknown or illegal charset name, bad base64 or bad hex digits
        }
    }

    private static byte[] quoted(String text) {
        byte[] in = text.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[in.length];
        int n = 0;
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '_') {
                out[n++] = ' ';
            } else if (in[i] == '=') {
                if (i + 2 >= in.length) {
                    throw new IllegalArgumentException("truncated escape in a Q-encoded word");
                }
                out[n++] = (byte) Integer.parseInt(text.substring(i + 1, i + 3), 16);
                i += 2;
            } else {
                out[n++] = in[i];
            }
        }
        return Arrays.copyOf(out, n);
    }
}
