package dev.pixelstep.functions.internal.image;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes an opaque drawing (a chart: flat areas, lines and text on white) as a PNG: 8-bit RGB,
 * no interlacing, every row with filter type None, the rows in one zlib stream at level
 * {@value #LEVEL} ({@link Deflater}) in one {@code IDAT} chunk, no ancillary chunks. The same
 * pixels always give the same bytes on the same JDK.
 *
 * <p>Why not the JDK's writer: it reads a {@code TYPE_INT_RGB} image pixel by pixel through the
 * raster and tries the five filters on every row, about 14 ms for a 960x540 chart on one core,
 * of which zlib is 7; this writer copies the packed pixels to bytes (under 1 ms) and hands them to
 * zlib. On a drawing filter None compresses as well as the JDK writer's choice per row (most rows
 * repeat the white, the grid and the lines' colours byte for byte), where a photo needs the per-row
 * filters: so it writes drawings only, and every other PNG output is still the JDK writer's
 * ({@code functions/README.md}, "Charts").
 * Thread-safe (stateless).
 */
final class DrawingPng {

    /**
     * The zlib level: 3, the slowest of zlib's levels without lazy matching, which on a chart is 1.3x
     * cheaper than level 4 (the JDK writer's default: zlib spends most of a chart's PNG there) for a
     * file 6% (a photo's histogram) to 13% (a grey one's) larger; levels 1 and 2 are as cheap as 3
     * and larger still (functions/README.md, "Charts").
     */
    static final int LEVEL = 3;

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** Raw bytes handed to zlib at a time: a few chart rows. */
    private static final int BATCH = 1 << 16;
    /** The largest array the writer makes. */
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    private DrawingPng() {
    }

    /**
     * The PNG of {@code width x height} packed {@code 0xRRGGBB} pixels (the high byte ignored),
     * stored row by row without padding.
     *
     * @throws IllegalArgumentException if a side is not positive, there are fewer pixels, or a row or the file does not fit in an array
     */
    static EncodedImage write(int[] pixels, int width, int height) {
        if (width <= 0 || height <= 0 || 3L * width + 1 > MAX_ARRAY || (long) width * height > pixels.length) {
            throw new IllegalArgumentException("cannot write a " + width + "x" + height + " drawing from " + pixels.length + " pixels");
        }
        int rowBytes = 1 + 3 * width;
        int rowsPerBatch = Math.max(1, BATCH / rowBytes);
        byte[] batch = new byte[rowsPerBatch * rowBytes];
        Output out = new Output((int) Math.min(MAX_ARRAY, Math.max(1 << 14, (long) width * height / 8)));
        out.write(SIGNATURE, 0, SIGNATURE.length);
        int ihdr = out.startChunk("IHDR");
        out.writeInt(width);
        out.writeInt(height);
        out.write(new byte[] {8, 2, 0, 0, 0}, 0, 5); // 8 bits, RGB, deflate, adaptive filtering method, no interlace
        out.endChunk(ihdr);
        int idat = out.startChunk("IDAT");
        Deflater deflater = new Deflater(LEVEL);
        try {
            for (int y = 0; y < height; ) {
                int rows = Math.min(rowsPerBatch, height - y);
                int o = 0;
                for (int end = y + rows; y < end; y++) {
                    batch[o++] = 0; // filter type None
                    for (int i = y * width, last = i + width; i < last; i++) {
                        int p = pixels[i];
                        batch[o] = (byte) (p >> 16);
                        batch[o + 1] = (byte) (p >> 8);
                        batch[o + 2] = (byte) p;
                        o += 3;
                    }
                }
                deflater.setInput(batch, 0, o);
                while (!deflater.needsInput()) {
                    out.deflate(deflater);
                }
            }
            deflater.finish();
            while (!deflater.finished()) {
                out.deflate(deflater);
            }
        } finally {
            deflater.end();
        }
        out.endChunk(idat);
        out.endChunk(out.startChunk("IEND"));
        return new EncodedImage(out.bytes, out.size, ImageFormat.PNG);
    }

    /** A growing byte array that writes PNG chunks: length, type, data, CRC of type and data. */
    private static final class Output {
        private byte[] bytes;
        private int size;

        Output(int capacity) {
            bytes = new byte[capacity];
        }

        void write(byte[] b, int offset, int length) {
            ensure(length);
            System.arraycopy(b, offset, bytes, size, length);
            size += length;
        }

        void writeInt(int v) {
            ensure(4);
            bytes[size] = (byte) (v >>> 24);
            bytes[size + 1] = (byte) (v >>> 16);
            bytes[size + 2] = (byte) (v >>> 8);
            bytes[size + 3] = (byte) v;
            size += 4;
        }

        /** Writes a chunk's length (filled in by {@link #endChunk}) and type; returns where the chunk starts. */
        int startChunk(String type) {
            int start = size;
            writeInt(0);
            byte[] name = type.getBytes(StandardCharsets.US_ASCII);
            write(name, 0, name.length);
            return start;
        }

        /** Fills in the length of the chunk that starts at {@code start} and appends its CRC. */
        void endChunk(int start) {
            int length = size - start - 8;
            int end = size;
            size = start;
            writeInt(length);
            size = end;
            CRC32 crc = new CRC32();
            crc.update(bytes, start + 4, length + 4);
            writeInt((int) crc.getValue());
        }

        /** Appends what {@code deflater} gives into the free space (made at least 8 KB). */
        void deflate(Deflater deflater) {
            ensure(1 << 13);
            size += deflater.deflate(bytes, size, bytes.length - size);
        }

        private void ensure(int more) {
            if (bytes.length - size < more) {
                if ((long) size + more > MAX_ARRAY) {
                    throw new IllegalArgumentException("a drawing's PNG does not fit in an array");
                }
                bytes = Arrays.copyOf(bytes, (int) Math.min(MAX_ARRAY, Math.max(2L * bytes.length, (long) size + more)));
            }
        }
    }
}
