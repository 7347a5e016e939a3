package dev.pixelstep.local.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.pixelstep.local.DataDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * One running pipeline per data directory: an OS file lock held while it runs, and a small
 * {@code runtime.json} naming its S3 endpoint and buckets so other commands ({@code pixelstep run})
 * can use the running one instead of starting a second.
 */
public final class DataDirectoryLock implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where a running pipeline is, as published in its data directory. */
    public record Running(URI endpoint, String inputBucket, String outputBucket) {
    }

    private final FileChannel channel;
    private final FileLock lock;
    private final Path info;

    private DataDirectoryLock(FileChannel channel, FileLock lock, Path info) {
        this.channel = channel;
        this.lock = lock;
        this.info = info;
    }

    /**
     * Takes the lock of {@code dataDirectory}.
     *
     * @throws IllegalStateException if another pipeline runs on it
     */
    static DataDirectoryLock acquire(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
            FileChannel channel = FileChannel.open(DataDirectory.of(dataDirectory).lock(),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("another pixelstep is already running on " + dataDirectory
                        + "; stop it or use another --data directory");
            }
            Path info = DataDirectory.of(dataDirectory).runtimeInfo();
            Files.deleteIfExists(info);
            return new DataDirectoryLock(channel, lock, info);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + dataDirectory, e);
        }
    }

    /** Writes runtime.json in one step (a temporary file, then a move), so a reader never sees half of it. */
    void publish(URI endpoint, String inputBucket, String outputBucket) {
        try {
            Path temporary = info.resolveSibling("runtime.json.tmp");
            Files.writeString(temporary, JSON.createObjectNode().put("endpoint", endpoint.toString())
                    .put("inputBucket", inputBucket).put("outputBucket", outputBucket).toString());
            Files.move(temporary, info, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + info, e);
        }
    }

    /** The pipeline running on {@code dataDirectory}, if one holds its lock. */
    public static Optional<Running> running(Path dataDirectory) {
        Path info = DataDirectory.of(dataDirectory).runtimeInfo();
        Path lockFile = DataDirectory.of(dataDirectory).lock();
        if (!Files.exists(info) || !Files.exists(lockFile)) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock probe;
            try {
                probe = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                probe = null; // held by this very process
            }
            if (probe != null) {
                probe.release();
                return Optional.empty(); // nobody holds it: a stale runtime.json
            }
            JsonNode node = JSON.readTree(Files.readString(info));
            return Optional.of(new Running(URI.create(node.path("endpoint").asText()), node.path("inputBucket").asText(),
                    node.path("outputBucket").asText()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(info);
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
