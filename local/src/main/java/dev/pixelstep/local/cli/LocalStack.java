package dev.pixelstep.local.cli;

import dev.pixelstep.local.DataDirectory;
import dev.pixelstep.local.RuntimeConfig;
import dev.pixelstep.local.runtime.DataDirectoryLock;
import dev.pixelstep.local.runtime.LocalRuntime;
import dev.pixelstep.local.storage.S3Credentials;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The local stack a command talks to: the {@code serve} running on the data directory (its endpoint, buckets and
 * the credentials kept there), or one started for the command and stopped when it is closed.
 *
 * @param endpoint     the S3 endpoint
 * @param credentials  its credentials
 * @param inputBucket  the input bucket
 * @param outputBucket the output bucket
 * @param own          the runtime started for the command, or null when a serve was running
 */
record LocalStack(URI endpoint, S3Credentials credentials, String inputBucket, String outputBucket, LocalRuntime own)
        implements AutoCloseable {

    /** Finds the running serve of {@code args}' data directory, or starts the stack, saying which on {@code out}. */
    static LocalStack open(Arguments args, PrintStream out, String what) {
        Path data = Options.dataDirectory(args);
        Optional<DataDirectoryLock.Running> running = DataDirectoryLock.running(data);
        if (running.isPresent()) {
            S3Credentials credentials = S3Credentials.read(data).orElseThrow(() -> new IllegalStateException(
                    "the pixelstep running on " + data + " has no " + DataDirectory.of(data).credentials().getFileName() + " there; restart it"));
            out.println("Using the pixelstep running at " + running.get().endpoint());
            return new LocalStack(running.get().endpoint(), credentials, running.get().inputBucket(), running.get().outputBucket(), null);
        }
        RuntimeConfig config = Options.config(args, 0);
        out.println("Starting pixelstep for this " + what + " (data in " + data + ") ...");
        LocalRuntime own = LocalRuntime.start(config, out);
        return new LocalStack(own.endpoint(), own.storage().credentials(), config.inputBucket(), config.outputBucket(), own);
    }

    /** Stops the stack if it was started for the command. */
    @Override
    public void close() {
        if (own != null) {
            own.close();
        }
    }
}
