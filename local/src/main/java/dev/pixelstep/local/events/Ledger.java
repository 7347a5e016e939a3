package dev.pixelstep.local.events;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pixelstep.local.storage.ObjectCreated;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The durable record of every object-created event the pipeline took on, and of which ones it
 * finished: an event is accepted (written and forced to the disk) before the PUT that caused it is
 * acknowledged, and finished once its execution ended and its record is written. After a crash or
 * a stop, every accepted event that is not finished is run again; nothing finished runs twice.
 *
 * <p>Events are told apart as S3 tells them apart: by bucket, key and sequencer, one per PUT, so
 * the same bytes uploaded twice are two events. An append-only file of JSON lines (ASCII, so no
 * text can fail to be written); a line torn by a crash is cut off at the next open, and the file
 * is compacted then when most of it is history. Lines of the earlier format ({@code bucket},
 * {@code key}, {@code etag} of a finished object version) are kept and answered by
 * {@link #finishedBefore}. Thread-safe.
 */
public final class Ledger implements AutoCloseable {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final int COMPACT_ABOVE_LINES = 1000;

    /** One event: one write of one key. */
    public record Id(String bucket, String key, String sequencer) {

        /** The id of the event for {@code object}. */
        public static Id of(ObjectCreated object) {
            return new Id(object.bucket(), object.key(), object.sequencer());
        }
    }

    private record Version(String bucket, String key, String etag) {
    }

    private final Path file;
    private FileChannel channel;
    private final Map<Id, ObjectCreated> pending = new LinkedHashMap<>();
    private final Set<Id> finished = new HashSet<>();
    private final Set<Version> legacyFinished = new HashSet<>();

    private Ledger(Path file) {
        this.file = file;
    }

    /** Opens (or creates) the ledger file and reads what it holds; a torn last line is cut off. */
    public static Ledger open(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Ledger ledger = new Ledger(file);
            int lines = ledger.read();
            ledger.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            if (lines > COMPACT_ABOVE_LINES && ledger.live() * 2 < lines) {
                ledger.compact();
            }
            return ledger;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the ledger " + file, e);
        }
    }

    private int read() throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        byte[] bytes = Files.readAllBytes(file);
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--; // a line a crash cut short was never acknowledged: cut it off so the next line starts clean
        }
        if (end < bytes.length) {
            try (FileChannel truncate = FileChannel.open(file, StandardOpenOption.WRITE)) {
                truncate.truncate(end);
                truncate.force(true);
            }
        }
        int lines = 0;
        for (String line : new String(bytes, 0, end, StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            lines++;
            try {
                apply(JSON.readTree(line));
            } catch (IOException | RuntimeException damaged) {
                // not a line this ledger wrote; nothing to learn from it
            }
        }
        return lines;
    }

    private void apply(JsonNode node) {
        String op = node.path("op").asText("");
        switch (op) {
            case "accepted" -> {
                ObjectCreated object = new ObjectCreated(node.path("bucket").asText(), node.path("key").asText(),
                        node.path("size").asLong(), node.path("etag").asText(), node.path("sequencer").asText(),
                        node.path("reason").asText("PutObject"), Instant.parse(node.path("time").asText()));
                Id id = Id.of(object);
                if (!finished.contains(id)) {
                    pending.put(id, object);
                }
            }
            case "finished" -> {
                Id id = new Id(node.path("bucket").asText(), node.path("key").asText(), node.path("sequencer").asText());
                pending.remove(id);
                finished.add(id);
            }
            default -> legacyFinished.add(new Version(node.path("bucket").asText(), node.path("key").asText(),
                    node.path("etag").asText()));
        }
    }

    /**
     * Takes on an event, durably.
     *
     * @return false if the event was taken on before (pending or finished)
     */
    public boolean accept(ObjectCreated object) {
        Id id = Id.of(object);
        synchronized (this) {
            if (pending.containsKey(id) || finished.contains(id)) {
                return false;
            }
            append(accepted(object));
            pending.put(id, object);
        }
        force();
        return true;
    }

    /** Records an event as finished (its execution ended and its record is written), durably. */
    public void finish(Id id) {
        synchronized (this) {
            if (finished.contains(id)) {
                return;
            }
            ObjectNode line = JSON.createObjectNode();
            line.put("op", "finished").put("bucket", id.bucket()).put("key", id.key()).put("sequencer", id.sequencer());
            append(line);
            pending.remove(id);
            finished.add(id);
        }
        force();
    }

    /** Every accepted event that is not finished, oldest first. */
    public synchronized List<ObjectCreated> pending() {
        List<ObjectCreated> list = new ArrayList<>(pending.values());
        list.sort(Comparator.comparing(ObjectCreated::sequencer));
        return list;
    }

    /** Whether an event was taken on (pending or finished). */
    public synchronized boolean knows(Id id) {
        return pending.containsKey(id) || finished.contains(id);
    }

    /** Whether an event is finished. */
    public synchronized boolean isFinished(Id id) {
        return finished.contains(id);
    }

    /** Whether the earlier ledger format recorded this object version (bucket, key, ETag) as processed. */
    public synchronized boolean finishedBefore(String bucket, String key, String etag) {
        return legacyFinished.contains(new Version(bucket, key, etag));
    }

    private static ObjectNode accepted(ObjectCreated object) {
        ObjectNode line = JSON.createObjectNode();
        line.put("op", "accepted").put("bucket", object.bucket()).put("key", object.key()).put("size", object.size())
                .put("etag", object.etag()).put("sequencer", object.sequencer()).put("reason", object.reason())
                .put("time", object.time().toString());
        return line;
    }

    private void append(ObjectNode line) {
        try {
            ByteBuffer bytes = ByteBuffer.wrap((JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.US_ASCII));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the ledger " + file, e);
        }
    }

    /** Forces what was appended to the disk; concurrent callers share the cost of one flush. */
    private void force() {
        try {
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the ledger " + file, e);
        }
    }

    /** Lines a compacted file would hold: pending events, the newest finished event per key, earlier-format lines. */
    private int live() {
        return pending.size() + newestFinished().size() + legacyFinished.size();
    }

    private List<Id> newestFinished() {
        Map<List<String>, Id> newest = new HashMap<>();
        for (Id id : finished) {
            newest.merge(List.of(id.bucket(), id.key()), id, (a, b) -> a.sequencer().compareTo(b.sequencer()) >= 0 ? a : b);
        }
        return new ArrayList<>(newest.values());
    }

    /**
     * Rewrites the file with what is still needed: a finished event older than the newest one of its
     * key can never be asked about again (recovery asks about current objects only). Temporary file,
     * forced, then an atomic rename.
     */
    private void compact() throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".compacting");
        try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            StringBuilder text = new StringBuilder();
            for (Version v : legacyFinished) {
                text.append(JSON.writeValueAsString(JSON.createObjectNode().put("bucket", v.bucket()).put("key", v.key())
                        .put("etag", v.etag()))).append('\n');
            }
            List<Id> keep = newestFinished();
            for (Id id : keep) {
                text.append(JSON.writeValueAsString(JSON.createObjectNode().put("op", "finished").put("bucket", id.bucket())
                        .put("key", id.key()).put("sequencer", id.sequencer()))).append('\n');
            }
            for (ObjectCreated object : pending.values()) {
                text.append(JSON.writeValueAsString(accepted(object))).append('\n');
            }
            ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.US_ASCII));
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
            out.force(true);
            finished.retainAll(new HashSet<>(keep));
        }
        channel.close();
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel dir = FileChannel.open(file.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        }
        channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
