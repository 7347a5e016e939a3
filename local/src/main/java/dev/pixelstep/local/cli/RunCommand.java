package dev.pixelstep.local.cli;

import dev.pixelstep.local.DataDirectory;
import dev.pixelstep.local.TerminalText;
import dev.pixelstep.local.lambda.LambdaLayout;
import dev.pixelstep.local.lambda.OperationCatalog;
import dev.pixelstep.local.runtime.ExecutionRecord;
import dev.pixelstep.local.runtime.LocalRuntime;
import dev.pixelstep.local.storage.EmbeddedS3;
import dev.pixelstep.local.storage.S3Credentials;
import dev.pixelstep.s3.ObjectLimits;
import dev.pixelstep.s3.UserMetadata;
import dev.pixelstep.statemachine.Manifest;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code pixelstep run IMAGE --ops CHAIN}: checks the image and the chain, uploads through the
 * embedded S3 (of a running {@code serve} on the same data directory, or of a pipeline started for
 * this run), waits for the manifest through the real event path, downloads every output and prints
 * a summary. Exit status 1 when the manifest says FAILED. Keys, chains and error text are printed
 * with control characters escaped ({@link TerminalText}).
 */
final class RunCommand {

    /** How long the state timings may take to follow the manifest (the execution records its end just after writing it). */
    private static final Duration RECORD_WAIT = Duration.ofSeconds(5);

    private final PrintStream out;

    RunCommand(PrintStream out) {
        this.out = out;
    }

    int run(List<String> argv) {
        Set<String> known = new HashSet<>(Options.RUNTIME);
        known.addAll(Set.of("ops", "out", "timeout"));
        Arguments args = Arguments.parse(argv, known, Set.of());
        if (args.positionals().size() != 1) {
            throw new UsageException("run needs exactly one IMAGE, got " + args.positionals());
        }
        String chain = args.get("ops", null);
        if (chain == null) {
            throw new UsageException("run needs --ops, e.g. --ops \"grayscale, blur(radius=4)\" (use --ops \"\" for none)");
        }
        Path image = Path.of(args.positionals().get(0)).toAbsolutePath().normalize();
        String format = checkImage(image);
        int timeout = args.getInt("timeout", 300, 1, 86_400);
        Path data = Options.dataDirectory(args);
        Path outDir = Path.of(args.get("out", "pixelstep-out/" + image.getFileName())).toAbsolutePath().normalize();

        try (LocalStack stack = LocalStack.open(args, out, "run")) {
            URI endpoint = stack.endpoint();
            S3Credentials credentials = stack.credentials();
            String inputBucket = stack.inputBucket();
            String outputBucket = stack.outputBucket();
            String canonical = checkChain(data, chain);
            try (S3Client s3 = EmbeddedS3.client(endpoint, credentials)) {
                String key = LocalDateTime.now(java.time.ZoneId.systemDefault()).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")) + "-" + image.getFileName();
                long started = System.nanoTime();
                s3.putObject(b -> b.bucket(inputBucket).key(key).contentType("image/" + format)
                                .metadata(Map.of(UserMetadata.OPERATIONS, UserMetadata.encode(chain),
                                        UserMetadata.ORIGINAL_FILENAME, UserMetadata.encode(image.getFileName().toString()))),
                        RequestBody.fromFile(image));
                out.println("Uploaded s3://" + inputBucket + "/" + TerminalText.escape(key) + " with operations: "
                        + (canonical.isEmpty() ? "(none)" : TerminalText.escape(canonical)));
                Manifest manifest = awaitManifest(s3, outputBucket, Manifest.keyFor(key), Duration.ofSeconds(timeout), started);
                long millis = (System.nanoTime() - started) / 1_000_000;
                return report(s3, manifest, inputBucket, outputBucket, key, outDir, data, millis);
            }
        }
    }

    /** Refuses a missing file, a file too large or one whose content is not a readable image, before anything starts. */
    private static String checkImage(Path image) {
        if (!Files.isRegularFile(image)) {
            throw new UsageException(image + ": no such file");
        }
        try {
            long size = Files.size(image);
            if (size > ObjectLimits.DEFAULT_MAX_BYTES) {
                throw new UsageException(image + " is " + size + " bytes; the pipeline accepts at most " + ObjectLimits.DEFAULT_MAX_BYTES);
            }
            try (ImageInputStream in = ImageIO.createImageInputStream(image.toFile())) {
                Iterator<ImageReader> readers = in == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReaders(in);
                if (!readers.hasNext()) {
                    throw new UsageException(image + " is not an image this pipeline can read (JPEG, PNG, WebP, GIF, BMP, TIFF)");
                }
                return readers.next().getFormatName().toLowerCase(java.util.Locale.ROOT);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + image, e);
        }
    }

    /** Parses the chain with the operations of the laid-out layers, so a bad chain never gets uploaded. */
    static String checkChain(Path data, String chain) {
        try (URLClassLoader loader = LambdaLayout.at(DataDirectory.of(data).lambda()).layerClassLoader("pixelstep-run")) {
            return OperationCatalog.canonical(loader, chain);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--ops: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Manifest awaitManifest(S3Client s3, String bucket, String key, Duration timeout, long started) {
        long deadline = started + timeout.toNanos();
        long nextDot = System.nanoTime();
        out.print("Waiting for the manifest ");
        while (System.nanoTime() < deadline) {
            if (EmbeddedS3.head(s3, bucket, key) != null) {
                out.println(" done");
                try {
                    return Manifest.parse(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException("s3://" + bucket + "/" + key + " is " + e.getMessage(), e);
                }
            }
            if (System.nanoTime() >= nextDot) {
                out.print('.');
                out.flush();
                nextDot = System.nanoTime() + 1_000_000_000L;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the manifest");
            }
        }
        out.println();
        throw new IllegalStateException("no manifest at s3://" + bucket + "/" + key + " after " + timeout.toSeconds()
                + " s; see 'pixelstep executions'");
    }

    private int report(S3Client s3, Manifest manifest, String inputBucket, String bucket, String key, Path outDir, Path data, long millis) {
        if (!manifest.succeeded()) {
            Manifest.Failure error = manifest.error() == null ? new Manifest.Failure("", "") : manifest.error();
            out.println("FAILED after " + millis + " ms: " + TerminalText.escape(error.message()));
            out.println("  error type: " + TerminalText.escape(error.type()));
            return 1;
        }
        List<String> keys = manifest.outputs().keys();
        Manifest.Input input = manifest.input();
        out.println();
        out.printf("SUCCEEDED in %d ms: %s%n", millis, manifest.chain().isEmpty() ? "(no operations)"
                : TerminalText.escape(manifest.chain()));
        out.printf("  input  %s  %dx%d %s, %d bytes%n", TerminalText.escape(input.key()),
                input.width() == null ? 0 : input.width(), input.height() == null ? 0 : input.height(),
                TerminalText.escape(input.format()), input.size());
        out.println();
        out.printf("  %-48s %10s%n", "output (in " + outDir + ")", "bytes");
        try {
            for (String outputKey : keys) {
                String relative = outputKey.startsWith(key + "/") ? outputKey.substring(key.length() + 1) : outputKey;
                Path target = outDir.resolve(relative).normalize();
                if (!target.startsWith(outDir)) {
                    throw new IllegalStateException("output key " + outputKey + " escapes " + outDir);
                }
                Files.createDirectories(target.getParent());
                byte[] bytes = s3.getObjectAsBytes(b -> b.bucket(bucket).key(outputKey)).asByteArray();
                Files.write(target, bytes);
                out.printf("  %-48s %10d%n", TerminalText.escape(relative), bytes.length);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write outputs to " + outDir, e);
        }
        awaitRecord(data, inputBucket, key).ifPresentOrElse(this::printTimings,
                () -> out.println("(no state timings yet; see 'pixelstep executions')"));
        return 0;
    }

    private static Optional<ExecutionRecord> awaitRecord(Path data, String bucket, String key) {
        long deadline = System.nanoTime() + RECORD_WAIT.toNanos();
        while (true) {
            Optional<ExecutionRecord> record = LocalRuntime.record(data, bucket, key);
            if (record.isPresent() || System.nanoTime() > deadline) {
                return record;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return record;
            }
        }
    }

    private void printTimings(ExecutionRecord record) {
        out.println();
        out.printf("  %-48s %10s%n", "state", "ms");
        record.states().forEach(s -> out.printf("  %-48s %10d%n", TerminalText.escape(s.name()), s.millis()));
    }
}
