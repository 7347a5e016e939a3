package dev.pixelstep.local.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The name of one run on the page, URL-safe, and the one way from a run to its upload's key.
 * <p>
 * A run the page uploaded has a generated id such as {@code 20261125T101500Z-3f9a0c2b71d4.jpg}: its
 * key is {@code web/<id>}, and nothing the client sent becomes part of it. Any other upload (from
 * {@code pixelstep run}, the AWS CLI, an SDK) is named by its key, encoded: {@code s3-} and the
 * key's UTF-8 bytes in unpadded base64url, so that every key S3 accepts (1 to 1,024 bytes) has
 * exactly one id and every id one key. Every output of a run lives under {@code <key>/} in the
 * output bucket.
 */
record RunId(String value) {

    static final String PREFIX = "web/";
    /** The prefix of ids that name an upload by its key. */
    static final String KEY_ID = "s3-";
    private static final int MAX_KEY_BYTES = 1024;
    private static final Pattern FORM = Pattern.compile("\\d{8}T\\d{6}Z-[0-9a-f]{12}\\.(jpg|png|webp|gif|bmp|tif)");
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]{2,1366}");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    RunId {
        if (value == null || !(FORM.matcher(value).matches() || decodedKey(value) != null)) {
            throw new IllegalArgumentException("not a run id");
        }
    }

    /** A new id for an image of the given extension. */
    static RunId generate(Instant now, String extension) {
        byte[] random = new byte[6];
        RANDOM.nextBytes(random);
        return new RunId(TIME.format(now) + "-" + HexFormat.of().formatHex(random) + "." + extension);
    }

    /** The id of the run of an input key, or null for a key S3 would not accept (empty, over 1,024 bytes). */
    static RunId ofKey(String key) {
        if (key.startsWith(PREFIX) && FORM.matcher(key.substring(PREFIX.length())).matches()) {
            return new RunId(key.substring(PREFIX.length()));
        }
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0 || bytes.length > MAX_KEY_BYTES || !key.equals(new String(bytes, StandardCharsets.UTF_8))) {
            return null; // empty, too long, or a lone surrogate (no UTF-8 form)
        }
        return new RunId(KEY_ID + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** Whether the page uploaded this run (its key was generated). */
    boolean madeByPage() {
        return FORM.matcher(value).matches();
    }

    /** The upload's key in the input bucket. */
    String key() {
        return madeByPage() ? PREFIX + value : decodedKey(value);
    }

    /** The prefix of every output key of this run in the output bucket. */
    String outputPrefix() {
        return key() + "/";
    }

    /** Whether {@code key} is one of this run's outputs: under its prefix, and nothing odd after it. */
    boolean owns(String key) {
        String prefix = outputPrefix();
        if (!key.startsWith(prefix) || key.length() <= prefix.length() || key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            return false;
        }
        String rest = key.substring(prefix.length());
        return !rest.startsWith("/") && !rest.contains("..") && !rest.contains("//") && rest.chars().noneMatch(c -> c < 0x20 || c == 0x7f || c == '\\');
    }

    /** The key an {@code s3-} id names, or null when the text is not the one encoding of a key S3 accepts. */
    private static String decodedKey(String value) {
        if (!value.startsWith(KEY_ID) || !BASE64URL.matcher(value.substring(KEY_ID.length())).matches()) {
            return null;
        }
        String encoded = value.substring(KEY_ID.length());
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (bytes.length == 0 || bytes.length > MAX_KEY_BYTES
                || !Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(encoded)) {
            return null; // not canonical: one key, one id
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
