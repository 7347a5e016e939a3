package dev.pixelstep.local.storage;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The file format of one stored object: its bytes, then a JSON trailer holding its key and metadata,
 * then the trailer's length (4 bytes, big-endian) and an 8-byte magic. Bytes and metadata live in
 * one file, so one rename publishes both and one open descriptor reads a consistent pair. The
 * trailer is ASCII (non-ASCII escaped), so no text can make writing it fail.
 */
final class ObjectFile {

    private static final byte[] MAGIC = "PXSOBJ01".getBytes(StandardCharsets.US_ASCII);
    private static final int TAIL = Integer.BYTES + MAGIC.length;
    private static final int MAX_TRAILER = 1 << 20;
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    /**
     * What is stored about an object besides its bytes.
     *
     * @param key          the object key (for an upload part, a description of the part)
     * @param size         payload length in bytes
     * @param etag         the entity tag, unquoted
     * @param sequencer    orders the writes of this store, as S3's event sequencer does
     * @param lastModified when it was written
     * @param headers      Content-Type and the other content headers, by header name
     * @param metadata     user metadata
     */
    record Meta(String key, long size, String etag, String sequencer, Instant lastModified, Map<String, String> headers,
                Map<String, String> metadata) {

        Meta {
            headers = Map.copyOf(headers);
            metadata = Map.copyOf(metadata);
        }

        String header(String name) {
            return headers.get(name);
        }
    }

    /** Describes the object being written once its size and MD5 are known. */
    @FunctionalInterface
    interface Describer {
        Meta describe(long size, String md5Hex);
    }

    /** An open object file: its metadata, read from the same descriptor that serves the payload. */
    record Opened(FileChannel channel, Meta meta) implements AutoCloseable {

        /** The payload from {@code offset}, {@code length} bytes; the stream owns the channel. */
        InputStream payload(long offset, long length) throws IOException {
            channel.position(offset);
            return new Bounded(Channels.newInputStream(channel), length);
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    private ObjectFile() {
    }

    /**
     * Writes a new file (which must not exist) from {@code payload}, described once it is read, and
     * forces it to the disk before returning.
     */
    static Meta write(Path file, InputStream payload, Describer describer) throws IOException {
        MessageDigest md5 = md5();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
            long size;
            try (InputStream in = payload) {
                DigestOutputStream digesting = new DigestOutputStream(out, md5);
                size = in.transferTo(digesting);
            }
            Meta meta = describer.describe(size, HexFormat.of().formatHex(md5.digest()));
            byte[] trailer = JSON.writeValueAsBytes(toJson(meta));
            out.write(trailer);
            out.write(ByteBuffer.allocate(Integer.BYTES).putInt(trailer.length).array());
            out.write(MAGIC);
            out.flush();
            channel.force(true);
            return meta;
        }
    }

    /** Opens a file and reads its metadata. */
    static Opened open(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            return new Opened(channel, readMeta(channel, file));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The metadata of a file. */
    static Meta read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return readMeta(channel, file);
        }
    }

    private static Meta readMeta(FileChannel channel, Path file) throws IOException {
        long fileSize = channel.size();
        if (fileSize < TAIL) {
            throw new IOException(file + " is not an object file: " + fileSize + " bytes");
        }
        ByteBuffer tail = ByteBuffer.allocate(TAIL);
        readFully(channel, tail, fileSize - TAIL);
        tail.flip();
        int trailerLength = tail.getInt();
        byte[] magic = new byte[MAGIC.length];
        tail.get(magic);
        if (!java.util.Arrays.equals(magic, MAGIC) || trailerLength < 2 || trailerLength > MAX_TRAILER
                || trailerLength > fileSize - TAIL) {
            throw new IOException(file + " is not an object file (no trailer)");
        }
        ByteBuffer trailer = ByteBuffer.allocate(trailerLength);
        readFully(channel, trailer, fileSize - TAIL - trailerLength);
        Meta meta = fromJson(JSON.readTree(trailer.array()));
        if (meta.size() != fileSize - TAIL - trailerLength) {
            throw new IOException(file + " is damaged: its trailer says " + meta.size() + " bytes, it holds "
                    + (fileSize - TAIL - trailerLength));
        }
        return meta;
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, position + buffer.position());
            if (read < 0) {
                throw new IOException("unexpected end of file");
            }
        }
    }

    private static ObjectNode toJson(Meta meta) {
        ObjectNode node = JSON.createObjectNode();
        node.put("key", meta.key()).put("size", meta.size()).put("etag", meta.etag()).put("sequencer", meta.sequencer())
                .put("lastModified", meta.lastModified().toEpochMilli());
        ObjectNode headers = node.putObject("headers");
        meta.headers().forEach(headers::put);
        ObjectNode metadata = node.putObject("metadata");
        meta.metadata().forEach(metadata::put);
        return node;
    }

    private static Meta fromJson(JsonNode node) throws IOException {
        if (!node.path("key").isTextual() || !node.path("etag").isTextual() || !node.path("size").canConvertToLong()) {
            throw new IOException("an object trailer without key, etag or size");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        node.path("headers").fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
        Map<String, String> metadata = new LinkedHashMap<>();
        node.path("metadata").fields().forEachRemaining(e -> metadata.put(e.getKey(), e.getValue().asText()));
        return new Meta(node.path("key").asText(), node.path("size").asLong(), node.path("etag").asText(),
                node.path("sequencer").asText(""), Instant.ofEpochMilli(node.path("lastModified").asLong()), headers, metadata);
    }

    static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no MD5", e);
        }
    }

    /** At most {@code remaining} bytes of a stream. */
    private static final class Bounded extends FilterInputStream {

        private long remaining;

        Bounded(InputStream in, long remaining) {
            super(in);
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int read = super.read(buffer, offset, (int) Math.min(length, remaining));
            if (read > 0) {
                remaining -= read;
            }
            return read;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(Math.min(n, remaining));
            remaining -= skipped;
            return skipped;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(super.available(), remaining);
        }
    }
}
