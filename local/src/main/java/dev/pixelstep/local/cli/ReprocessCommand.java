package dev.pixelstep.local.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pixelstep.local.TerminalText;
import dev.pixelstep.local.runtime.BulkProgress;
import dev.pixelstep.local.storage.EmbeddedS3;
import dev.pixelstep.s3.MissingObjects;
import dev.pixelstep.statemachine.BulkReprocessDefinition;
import dev.pixelstep.statemachine.BulkSummary;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code pixelstep reprocess --prefix P --ops CHAIN [--concurrency N] [--tolerated-failure-percentage P]}: runs the
 * bulk-reprocess state machine over every object under a prefix of the input bucket with one chain, on a running
 * {@code serve} of the same data directory (or on a stack started for the command), shows its progress (a bar on a
 * terminal, plain lines otherwise: done / failed / total, rate, ETA) and prints its summary: counts by status and
 * the failed keys with their errors. Exit status 1 when the run FAILED. Every key and error text is printed with
 * control characters escaped ({@link TerminalText}).
 *
 * <p>A run starts with its request document {@code bulk-runs/<name>/request.json} in the output bucket (local Step
 * Functions has no StartExecution API); the runtime writes {@code progress.json} beside it, and the state machine
 * {@code summary.json}.
 */
final class ReprocessCommand {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration PLAIN_EVERY = Duration.ofSeconds(2);

    private final PrintStream out;
    private final boolean terminal;

    ReprocessCommand(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    int run(List<String> argv) {
        Set<String> known = new HashSet<>(Options.RUNTIME);
        known.addAll(Set.of("prefix", "ops", "tolerated-failure-percentage", "bucket", "name", "timeout"));
        Arguments args = Arguments.parse(argv, known, Set.of());
        if (!args.positionals().isEmpty()) {
            throw new UsageException("reprocess takes no positional arguments, got " + args.positionals());
        }
        String prefix = args.get("prefix", null);
        if (prefix == null) {
            throw new UsageException("reprocess needs --prefix, e.g. --prefix holiday/ (--prefix \"\" for the whole bucket)");
        }
        String chain = args.get("ops", null);
        if (chain == null) {
            throw new UsageException("reprocess needs --ops, e.g. --ops \"grayscale, blur(radius=4)\" (use --ops \"\" for none)");
        }
        int concurrency = args.getInt("concurrency", 8, 1, 10_000);
        int tolerated = args.getInt("tolerated-failure-percentage", 0, 0, 100);
        int timeout = args.getInt("timeout", 86_400, 1, 172_800);
        String name = args.get("name", "reprocess-" + LocalDateTime.now(ZoneId.systemDefault())
                .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")));
        if (!name.matches("[A-Za-z0-9_-]{1,80}")) {
            throw new UsageException("--name must be 1 to 80 letters, digits, '-' or '_', got '" + TerminalText.escape(name) + "'");
        }
        Path data = Options.dataDirectory(args);

        try (LocalStack stack = LocalStack.open(args, out, "reprocess")) {
            String outputBucket = stack.outputBucket();
            String canonical = RunCommand.checkChain(data, chain);
            String bucket = args.get("bucket", stack.inputBucket());
            try (S3Client s3 = EmbeddedS3.client(stack.endpoint(), stack.credentials())) {
                if (read(s3, outputBucket, BulkProgress.requestKey(name)) != null) {
                    throw new UsageException("a bulk run named '" + name + "' exists already; choose another --name");
                }
                ObjectNode request = JSON.createObjectNode().put("bucket", bucket).put("prefix", prefix).put("operations", chain)
                        .put("maxConcurrency", concurrency).put("toleratedFailurePercentage", tolerated);
                s3.putObject(b -> b.bucket(outputBucket).key(BulkProgress.requestKey(name)).contentType("application/json"),
                        RequestBody.fromBytes(request.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                out.println("Reprocessing s3://" + TerminalText.escape(bucket) + "/" + TerminalText.escape(prefix) + " with operations: "
                        + (canonical.isEmpty() ? "(none)" : TerminalText.escape(canonical)) + " (" + concurrency + " at once, "
                        + tolerated + "% failures tolerated; run " + name + ")");
                BulkProgress progress = follow(s3, outputBucket, name, Duration.ofSeconds(timeout));
                return report(s3, outputBucket, name, progress);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /** Polls the progress document until the run has ended, drawing it. */
    private BulkProgress follow(S3Client s3, String bucket, String name, Duration timeout) throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        long nextLine = started;
        ProgressLine line = new ProgressLine();
        BulkProgress last = null;
        while (System.nanoTime() < deadline) {
            byte[] bytes = read(s3, bucket, BulkProgress.key(name));
            BulkProgress progress = bytes == null ? null : BulkProgress.parse(bytes);
            if (progress != null) {
                last = progress;
                line.sample(progress, System.nanoTime());
                if (terminal) {
                    out.print("\r" + line.text(progress, true) + "\u001b[K");
                    out.flush();
                } else if (progress.ended() || System.nanoTime() >= nextLine) {
                    out.println("progress: " + line.text(progress, false));
                    nextLine = System.nanoTime() + PLAIN_EVERY.toNanos();
                }
                if (progress.ended()) {
                    if (terminal) {
                        out.println();
                    }
                    return progress;
                }
            }
            Thread.sleep(POLL.toMillis());
        }
        throw new IllegalStateException("the bulk run " + name + " did not end within " + timeout.toSeconds() + " s"
                + (last == null ? " (it never started: is the request document's bucket the running pixelstep's output bucket?)"
                : "; it goes on: see s3://" + bucket + "/" + BulkProgress.key(name)));
    }

    private int report(S3Client s3, String bucket, String name, BulkProgress progress) throws InterruptedException {
        String summaryKey = BulkReprocessDefinition.summaryKey(name);
        BulkSummary summary = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (summary == null && System.nanoTime() < deadline && !progress.status().equals("ABORTED")) {
            byte[] bytes = read(s3, bucket, summaryKey);
            if (bytes != null) {
                summary = BulkSummary.parse(bytes);
            } else if (progress.error() != null && progress.error().equals("Pixelstep.BulkRunNotStarted")) {
                break;
            } else {
                Thread.sleep(POLL.toMillis());
            }
        }
        if (summary == null) {
            out.println(progress.status() + ": " + TerminalText.escape(String.valueOf(progress.error())) + ": "
                    + TerminalText.escape(String.valueOf(progress.cause())) + " (no summary was written)");
            return 1;
        }
        BulkSummary.Counts c = summary.counts();
        out.printf(Locale.ROOT, "%s: %d object(s): %d succeeded, %d failed, %d skipped, %d not run%n", summary.status(), c.total(),
                c.succeeded(), c.failed(), c.skipped(), c.pending());
        if (summary.error() != null) {
            out.println("error: " + TerminalText.escape(summary.error().type()) + ": " + TerminalText.escape(summary.error().message()));
        }
        for (BulkSummary.FailedObject failed : summary.failed()) {
            out.println("  FAILED " + TerminalText.escape(failed.key()) + "  " + TerminalText.escape(failed.error().type()) + ": "
                    + TerminalText.escape(failed.error().message()));
        }
        if (summary.failedNotListed() > 0) {
            out.println("  ... and " + summary.failedNotListed() + " more failed object(s), in the result files");
        }
        out.println("summary: s3://" + bucket + "/" + summaryKey);
        return summary.succeeded() ? 0 : 1;
    }

    private static byte[] read(S3Client s3, String bucket, String key) {
        try {
            return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
        } catch (S3Exception e) {
            if (!MissingObjects.isMissing(e)) {
                throw e;
            }
            return null;
        }
    }
}
