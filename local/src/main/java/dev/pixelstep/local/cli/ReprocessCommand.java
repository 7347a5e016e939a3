package dev.pixelstep.local.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pixelstep.local.Artifacts;
import dev.pixelstep.local.DataDirectory;
import dev.pixelstep.local.TerminalText;
import dev.pixelstep.local.lambda.LambdaLayout;
import dev.pixelstep.local.lambda.OperationCatalog;
import dev.pixelstep.local.runtime.BulkProgress;
import dev.pixelstep.local.storage.EmbeddedS3;
import dev.pixelstep.s3.MissingObjects;
import dev.pixelstep.statemachine.BulkReprocessDefinition;
import dev.pixelstep.statemachine.BulkSummary;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.MapRunItemCounts;
import software.amazon.awssdk.services.sfn.model.MapRunListItem;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

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
        known.addAll(Set.of("prefix", "ops", "tolerated-failure-percentage", "bucket", "name", "timeout", "aws", "region",
                "state-machine-arn"));
        Arguments args = Arguments.parse(argv, known, Set.of("aws"));
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
        ObjectNode request = JSON.createObjectNode().put("prefix", prefix).put("operations", chain)
                .put("maxConcurrency", concurrency).put("toleratedFailurePercentage", tolerated);
        if (args.flag("aws")) {
            return aws(args, data, request, name, Duration.ofSeconds(timeout));
        }
        for (String aws : List.of("region", "state-machine-arn")) {
            if (args.get(aws, null) != null) {
                throw new UsageException("--" + aws + " is for --aws only");
            }
        }

        try (LocalStack stack = LocalStack.open(args, out, "reprocess")) {
            String outputBucket = stack.outputBucket();
            String canonical = RunCommand.checkChain(data, chain);
            String bucket = args.get("bucket", stack.inputBucket());
            try (S3Client s3 = EmbeddedS3.client(stack.endpoint(), stack.credentials())) {
                if (read(s3, outputBucket, BulkProgress.requestKey(name)) != null) {
                    throw new UsageException("a bulk run named '" + name + "' exists already; choose another --name");
                }
                request.put("bucket", bucket);
                s3.putObject(b -> b.bucket(outputBucket).key(BulkProgress.requestKey(name)).contentType("application/json"),
                        RequestBody.fromBytes(request.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                announce(request, canonical, name);
                BulkProgress progress = follow(() -> {
                    byte[] bytes = read(s3, outputBucket, BulkProgress.key(name));
                    return bytes == null ? null : BulkProgress.parse(bytes);
                }, name, Duration.ofSeconds(timeout), "s3://" + outputBucket + "/" + BulkProgress.key(name));
                return report(s3, outputBucket, name, progress);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private void announce(ObjectNode request, String canonical, String name) {
        out.println("Reprocessing s3://" + TerminalText.escape(request.path("bucket").asText()) + "/"
                + TerminalText.escape(request.path("prefix").asText()) + " with operations: "
                + (canonical.isEmpty() ? "(none)" : TerminalText.escape(canonical)) + " (" + request.path("maxConcurrency").asInt()
                + " at once, " + request.path("toleratedFailurePercentage").asInt() + "% failures tolerated; run " + name + ")");
    }

    /**
     * {@code --aws}: starts the deployed bulk state machine (its {@code live} alias, the stack output
     * {@code BulkStateMachineAliasArn}) with the same request document, follows it with {@code DescribeExecution} and
     * its Map Run's item counts, and prints the summary the state machine wrote to the output bucket.
     */
    private int aws(Arguments args, Path data, ObjectNode request, String name, Duration timeout) {
        for (String local : List.of("host", "port")) {
            if (args.get(local, null) != null) {
                throw new UsageException("--" + local + " is for the local stack, not --aws");
            }
        }
        String region = required(args, "region", "e.g. --region eu-west-1");
        String input = required(args, "input-bucket", "the stack output InputBucketName");
        String output = required(args, "output-bucket", "the stack output OutputBucketName");
        String arn = required(args, "state-machine-arn", "the stack output BulkStateMachineAliasArn");
        request.put("bucket", args.get("bucket", input));
        String canonical;
        try (URLClassLoader loader = LambdaLayout.prepare(DataDirectory.of(data).presignLayout(),
                Artifacts.extract(Artifacts.FUNCTION_ZIP, DataDirectory.of(data).artifacts()), Options.layers(args, data))
                .layerClassLoader("pixelstep-reprocess")) {
            canonical = OperationCatalog.canonical(loader, request.path("operations").asText());
        } catch (IllegalArgumentException e) {
            throw new UsageException("--ops: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (S3Client s3 = S3Client.builder().region(Region.of(region)).credentialsProvider(DefaultCredentialsProvider.builder().build())
                .httpClient(UrlConnectionHttpClient.create()).build();
             SfnClient sfn = SfnClient.builder().region(Region.of(region)).credentialsProvider(DefaultCredentialsProvider.builder().build())
                     .httpClient(UrlConnectionHttpClient.create()).build()) {
            return aws(sfn, s3, arn, output, request, canonical, name, timeout);
        }
    }

    /** {@code --aws} with the given clients (the tests' point at fakes). */
    int aws(SfnClient sfn, S3Client s3, String stateMachineArn, String outputBucket, ObjectNode request, String canonical, String name,
            Duration timeout) {
        if (read(s3, outputBucket, BulkReprocessDefinition.summaryKey(name)) != null) {
            throw new UsageException("a bulk run named '" + name + "' exists already; choose another --name");
        }
        String execution;
        try {
            execution = sfn.startExecution(b -> b.stateMachineArn(stateMachineArn).name(name).input(request.toString())).executionArn();
        } catch (ExecutionAlreadyExistsException e) {
            throw new UsageException("a bulk run named '" + name + "' exists already; choose another --name");
        }
        announce(request, canonical, name);
        out.println("execution: " + execution);
        try {
            BulkProgress progress = follow(() -> awsProgress(sfn, execution, name), name, timeout, execution);
            return report(s3, outputBucket, name, progress);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /**
     * The execution's status and its Map Run's item counts. Step Functions counts a skipped object (a child that ended
     * SKIPPED) as succeeded, so skipped objects appear in the summary only.
     */
    private static BulkProgress awsProgress(SfnClient sfn, String execution, String name) {
        DescribeExecutionResponse described = sfn.describeExecution(b -> b.executionArn(execution));
        String status = described.statusAsString();
        long total = -1;
        long succeeded = 0;
        long failed = 0;
        List<MapRunListItem> mapRuns = sfn.listMapRuns(b -> b.executionArn(execution)).mapRuns();
        if (!mapRuns.isEmpty()) {
            MapRunItemCounts counts = sfn.describeMapRun(b -> b.mapRunArn(mapRuns.get(0).mapRunArn())).itemCounts();
            total = counts.total();
            succeeded = counts.succeeded();
            failed = counts.failed() + counts.timedOut() + counts.aborted();
        }
        if (status.equals("PENDING_REDRIVE")) {
            status = "FAILED";
        }
        return new BulkProgress(name, status, total, succeeded, failed, 0, described.startDate(), described.error(), described.cause());
    }

    private static String required(Arguments args, String name, String hint) {
        String value = args.get(name, null);
        if (value == null) {
            throw new UsageException("reprocess --aws needs --" + name + " (" + hint + ")");
        }
        return value;
    }

    /** Polls the progress until the run has ended, drawing it. */
    private BulkProgress follow(Supplier<BulkProgress> poll, String name, Duration timeout, String where) throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        long nextLine = started;
        ProgressLine line = new ProgressLine();
        BulkProgress last = null;
        while (System.nanoTime() < deadline) {
            BulkProgress progress = poll.get();
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
                : "; it goes on: see " + where));
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
