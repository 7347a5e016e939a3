package dev.pixelstep.local.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The record of every ended execution, one JSON file per execution in a directory of the data
 * directory ({@code executions/<execution name>.json}), for {@code pixelstep executions}, for
 * {@code pixelstep run} and for the page once the engine has forgotten a run. The latest record of
 * each of the {@value #REMEMBERED} most recently written or looked-up uploads is kept in memory, so
 * that a page polling a finished run does not list the directory every time. Thread-safe.
 */
public final class ExecutionRecords {

    /** How many uploads' latest records are remembered. */
    static final int REMEMBERED = 256;

    private final Path directory;
    private final Map<String, ExecutionRecord> latest = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ExecutionRecord> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** The records in {@code directory} (created when the first record is written). */
    public ExecutionRecords(Path directory) {
        this.directory = directory;
    }

    /**
     * Creates the directory, and deletes what a stop left half-written (its run runs again).
     *
     * @throws UncheckedIOException when the directory cannot be created or cleaned
     */
    public void open() {
        try {
            Files.createDirectories(directory);
            try (var partial = Files.newDirectoryStream(directory, "*.tmp")) {
                for (Path file : partial) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory, e);
        }
    }

    /**
     * Writes a record under its final name in one step (a temporary file forced to the disk, then an
     * atomic move over any record of an earlier attempt of the same run), so that {@link #all()}
     * never reads a half-written one and a record the ledger counts on survives a power loss. The
     * record is ASCII, so no text in it can make writing fail.
     */
    public void write(ExecutionRecord record) throws IOException {
        Path temporary = directory.resolve(record.name() + ".json.tmp");
        try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer bytes = ByteBuffer.wrap(record.toJson().getBytes(StandardCharsets.US_ASCII));
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
            out.force(true);
        }
        Files.move(temporary, directory.resolve(record.name() + ".json"), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        }
        synchronized (latest) {
            latest.put(id(record.bucket(), record.key()), record);
        }
    }

    /** Every record, newest first. */
    public List<ExecutionRecord> all() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (var files = Files.list(directory)) {
            return files.filter(p -> p.toString().endsWith(".json")).map(p -> {
                try {
                    return ExecutionRecord.fromJson(Files.readString(p));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sorted((a, b) -> b.started().compareTo(a.started())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The newest record of an execution for the object {@code key} in {@code bucket}. */
    public Optional<ExecutionRecord> latest(String bucket, String key) {
        String id = id(bucket, key);
        synchronized (latest) {
            ExecutionRecord known = latest.get(id);
            if (known != null) {
                return Optional.of(known);
            }
        }
        Optional<ExecutionRecord> found = all().stream().filter(r -> r.key().equals(key) && r.bucket().equals(bucket)).findFirst();
        found.ifPresent(record -> {
            synchronized (latest) {
                latest.putIfAbsent(id, record);
            }
        });
        return found;
    }

    private static String id(String bucket, String key) {
        return bucket + "/" + key;
    }
}
