package dev.pixelstep.local.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A durable record of which object versions (bucket, key, etag) the pipeline has finished, so that
 * after a restart every upload without a finished run is processed and no version is processed twice.
 * An append-only file of JSON lines under the data directory; thread-safe.
 */
public final class Ledger implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One object version. */
    public record Version(String bucket, String key, String etag) {
    }

    private final Set<Version> finished = new HashSet<>();
    private final Set<Version> claimed = new HashSet<>();
    private final BufferedWriter out;

    private Ledger(BufferedWriter out) {
        this.out = out;
    }

    /** Opens (or creates) the ledger file and reads what it holds; a torn last line is ignored. */
    public static Ledger open(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Ledger ledger = new Ledger(Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND));
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (String line : lines) {
                try {
                    JsonNode node = JSON.readTree(line);
                    ledger.finished.add(new Version(node.path("bucket").asText(), node.path("key").asText(), node.path("etag").asText()));
                } catch (IOException torn) {
                    // a line cut short by a crash: that run did not finish, so it will be processed again
                }
            }
            return ledger;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the ledger " + file, e);
        }
    }

    /**
     * Claims a version for processing.
     *
     * @return false if it is finished already or being processed now
     */
    public synchronized boolean claim(Version version) {
        if (finished.contains(version) || claimed.contains(version)) {
            return false;
        }
        claimed.add(version);
        return true;
    }

    /** Records a version as finished (its manifest is written), durably. */
    public synchronized void finish(Version version) {
        ObjectNode line = JSON.createObjectNode();
        line.put("bucket", version.bucket()).put("key", version.key()).put("etag", version.etag());
        try {
            out.write(line.toString());
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the ledger", e);
        }
        claimed.remove(version);
        finished.add(version);
    }

    /** Gives up a claim without finishing, e.g. when the runtime stops mid-run. */
    public synchronized void release(Version version) {
        claimed.remove(version);
    }

    /** Whether a version is finished. */
    public synchronized boolean isFinished(Version version) {
        return finished.contains(version);
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
