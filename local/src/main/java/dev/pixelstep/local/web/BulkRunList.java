package dev.pixelstep.local.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pixelstep.local.runtime.BulkProgress;
import dev.pixelstep.s3.MissingObjects;
import dev.pixelstep.statemachine.BulkReprocessDefinition;
import dev.pixelstep.statemachine.BulkSummary;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The bulk runs ({@code pixelstep reprocess}) as the page lists them, read from what every run leaves in the output
 * bucket under {@code bulk-runs/<name>/}: its {@code request.json} (prefix and chain), the local runtime's
 * {@code progress.json} (counts while it runs, {@link BulkProgress}) and the state machine's {@code summary.json}
 * ({@link BulkSummary}: the final counts and the failed keys with their errors). A deployment writes no progress
 * document, so there a run is listed once its summary is written. The same S3 reads serve both backends.
 */
final class BulkRunList {

    /** How many bulk runs {@code GET /api/bulk-runs} lists, newest first. */
    static final int LIMIT = 10;
    /** How many failed keys are listed per run; the rest are counted. */
    static final int FAILED_LISTED = 50;
    /** Bulk runs beyond this many in the output bucket are not looked at. */
    private static final int MAX_SCANNED = 200;

    private final Backend backend;

    BulkRunList(Backend backend) {
        this.backend = backend;
    }

    /** The most recent runs, newest first: {@code [{name, status, total, succeeded, failed, skipped, done, startedAt, ...}]}. */
    ArrayNode recent() {
        List<String> names = new ArrayList<>();
        backend.s3().listObjectsV2Paginator(b -> b.bucket(backend.outputBucket()).prefix(BulkReprocessDefinition.RESULTS_ROOT)
                        .delimiter("/")).commonPrefixes().stream().map(CommonPrefix::prefix).limit(MAX_SCANNED)
                .forEach(prefix -> names.add(prefix.substring(BulkReprocessDefinition.RESULTS_ROOT.length(), prefix.length() - 1)));
        List<ObjectNode> runs = names.parallelStream().map(this::run).filter(Objects::nonNull).toList();
        ArrayNode list = Exchanges.JSON.createArrayNode();
        runs.stream().sorted(Comparator.comparing((ObjectNode run) -> run.path("startedAt").asText("")).reversed())
                .limit(LIMIT).forEach(list::add);
        return list;
    }

    /** One run, or null when it has neither a progress document nor a summary yet. */
    private ObjectNode run(String name) {
        BulkProgress progress = read(BulkProgress.key(name), BulkProgress::parse);
        BulkSummary summary = read(BulkReprocessDefinition.summaryKey(name), BulkSummary::parse);
        if (progress == null && summary == null) {
            return null;
        }
        JsonNode request = summary != null ? summary.request() : read(BulkProgress.requestKey(name), BulkRunList::json);
        ObjectNode run = Exchanges.JSON.createObjectNode();
        run.put("name", name);
        run.put("bucket", request == null ? null : request.path("bucket").asText(null));
        run.put("prefix", request == null ? null : request.path("prefix").asText(null));
        run.put("chain", request == null ? null : request.path("operations").asText(""));
        if (summary != null) {
            BulkSummary.Counts c = summary.counts();
            run.put("status", summary.status());
            run.put("total", c.total()).put("succeeded", c.succeeded()).put("failed", c.failed()).put("skipped", c.skipped())
                    .put("pending", c.pending()).put("done", c.succeeded() + c.failed() + c.skipped());
            if (summary.error() != null) {
                run.put("error", summary.error().type() + ": " + summary.error().message());
            }
        } else {
            run.put("status", progress.status());
            run.put("total", progress.total()).put("succeeded", progress.succeeded()).put("failed", progress.failed())
                    .put("skipped", progress.skipped()).put("pending", 0).put("done", progress.done());
            if (progress.error() != null) {
                run.put("error", progress.error() + (progress.cause() == null ? "" : ": " + progress.cause()));
            }
        }
        run.put("startedAt", progress != null ? progress.startedAt().toString() : startOf(name));
        ArrayNode failed = run.putArray("failedItems");
        long notListed = 0;
        if (summary != null) {
            boolean openable = request != null && backend.inputBucket().equals(request.path("bucket").asText());
            for (BulkSummary.FailedObject object : summary.failed()) {
                if (failed.size() >= FAILED_LISTED) {
                    notListed++;
                    continue;
                }
                RunId id = openable ? RunId.ofKey(object.key()) : null;
                ObjectNode item = failed.addObject().put("key", object.key()).put("id", id == null ? null : id.value());
                if (object.error() != null) {
                    item.put("errorType", object.error().type()).put("error", object.error().message());
                }
            }
            notListed += summary.failedNotListed();
        }
        run.put("failedNotListed", notListed);
        return run;
    }

    /** Without a progress document (a deployment's run), when its summary was written. */
    private String startOf(String name) {
        Instant written = backend.s3().headObject(b -> b.bucket(backend.outputBucket()).key(BulkReprocessDefinition.summaryKey(name)))
                .lastModified();
        return written.toString();
    }

    private static JsonNode json(byte[] bytes) {
        try {
            return Exchanges.JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A document of the run, or null when it is missing or not what it should be. */
    private <T> T read(String key, Function<byte[], T> parse) {
        try {
            return parse.apply(backend.s3().getObjectAsBytes(b -> b.bucket(backend.outputBucket()).key(key)).asByteArray());
        } catch (S3Exception e) {
            if (MissingObjects.isMissing(e)) {
                return null;
            }
            throw e;
        } catch (IllegalArgumentException e) {
            return null; // damaged or foreign: the run is listed from what else it has
        }
    }
}
