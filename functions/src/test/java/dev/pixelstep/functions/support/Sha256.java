package dev.pixelstep.functions.support;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 in lower-case hex, for tests that pin bytes or pixels. */
public final class Sha256 {

    private Sha256() {
    }

    /** Of {@code bytes}. */
    public static String of(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every JDK has SHA-256", e);
        }
    }

    /** Of packed pixels, each int as four big-endian bytes. */
    public static String ofPixels(int[] pixels) {
        ByteBuffer bytes = ByteBuffer.allocate(4 * pixels.length);
        bytes.asIntBuffer().put(pixels);
        return of(bytes.array());
    }
}
