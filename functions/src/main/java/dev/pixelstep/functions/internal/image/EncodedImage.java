package dev.pixelstep.functions.internal.image;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * Encoded image bytes ready to upload: a buffer, the number of valid bytes in it and the format.
 * The buffer is shared, not copied; callers must not change it.
 */
public final class EncodedImage {

    private final byte[] buffer;
    private final int length;
    private final ImageFormat format;

    EncodedImage(byte[] buffer, int length, ImageFormat format) {
        Objects.checkFromIndexSize(0, length, buffer.length);
        this.buffer = buffer;
        this.length = length;
        this.format = Objects.requireNonNull(format, "format");
    }

    /** The number of bytes. */
    public int length() {
        return length;
    }

    /** The heap the bytes hold: their buffer, which may be longer than {@link #length}. */
    public long heldBytes() {
        return buffer.length;
    }

    public ImageFormat format() {
        return format;
    }

    /** A fresh stream over the bytes; may be called any number of times (for retries). */
    public InputStream open() {
        return new ByteArrayInputStream(buffer, 0, length);
    }

    /** A copy of the bytes. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, length);
    }
}
