package dev.pixelstep.asl.internal.expression;

/** RFC 6901 escaping of JSON pointer tokens. */
public final class JsonPointers {

    private JsonPointers() {
    }

    /** Escapes one reference token ({@code ~} becomes {@code ~0}, {@code /} becomes {@code ~1}). */
    public static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    /** Reverses {@link #escape(String)}. */
    public static String unescape(String token) {
        return token.replace("~1", "/").replace("~0", "~");
    }
}
