package dev.pixelstep.functions.internal.image;

import javax.imageio.stream.ImageInputStreamImpl;
import java.util.Objects;

/** A seekable ImageIO input over a byte array, without copying it or caching to disk. */
final class ByteArrayImageInputStream extends ImageInputStreamImpl {

    private final byte[] bytes;

    ByteArrayImageInputStream(byte[] bytes) {
        this.bytes = Objects.requireNonNull(bytes, "bytes");
    }

    @Override
    public int read() {
        bitOffset = 0;
        return streamPos < bytes.length ? bytes[(int) streamPos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        bitOffset = 0;
        if (len == 0) {
            return 0;
        }
        if (streamPos >= bytes.length) {
            return -1;
        }
        int n = (int) Math.min(len, bytes.length - streamPos);
        System.arraycopy(bytes, (int) streamPos, b, off, n);
        streamPos += n;
        return n;
    }

    @Override
    public long length() {
        return bytes.length;
    }
}
