package dev.pixelstep.local.web;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The name of one run of the page: a generated, URL- and key-safe id such as
 * {@code 20261125T101500Z-3f9a0c2b71d4.jpg}. The upload's key is {@code web/<id>} in the input
 * bucket and every output lives under {@code web/<id>/} in the output bucket; nothing the client
 * sends becomes part of a key except an id matching this exact form.
 */
record RunId(String value) {

    static final String PREFIX = "web/";
    private static final Pattern FORM = Pattern.compile("\\d{8}T\\d{6}Z-[0-9a-f]{12}\\.(jpg|png|webp|gif|bmp|tif|wbmp)");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    RunId {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("not a run id");
        }
    }

    /** A new id for an image of the given extension. */
    static RunId generate(Instant now, String extension) {
        byte[] random = new byte[6];
        RANDOM.nextBytes(random);
        return new RunId(TIME.format(now) + "-" + HexFormat.of().formatHex(random) + "." + extension);
    }

    /** The id of an input key, or null when the key was not made by the page. */
    static RunId ofKey(String key) {
        if (!key.startsWith(PREFIX) || !FORM.matcher(key.substring(PREFIX.length())).matches()) {
            return null;
        }
        return new RunId(key.substring(PREFIX.length()));
    }

    /** When the page generated the id, to the second: just before the upload. */
    Instant uploadedAt() {
        return TIME.parse(value.substring(0, value.indexOf('-')), Instant::from);
    }

    /** The upload's key in the input bucket. */
    String key() {
        return PREFIX + value;
    }

    /** The prefix of every output key of this run in the output bucket. */
    String outputPrefix() {
        return key() + "/";
    }

    /** Whether {@code key} is one of this run's outputs. */
    boolean owns(String key) {
        return key.startsWith(outputPrefix()) && key.length() <= 1024 && !key.contains("..") && !key.contains("//")
                && key.chars().noneMatch(c -> c < 0x20 || c == 0x7f || c == '\\');
    }

    @Override
    public String toString() {
        return value;
    }
}
