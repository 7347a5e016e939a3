package dev.pixelstep.asl.internal.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pixelstep.asl.ExecutionStatus;
import dev.pixelstep.asl.definition.Definition;
import dev.pixelstep.asl.definition.DistributedMap;
import dev.pixelstep.asl.definition.MapState;
import dev.pixelstep.asl.error.ErrorNames;
import dev.pixelstep.asl.error.StatesFailure;
import dev.pixelstep.asl.history.HistoryEventType;
import dev.pixelstep.asl.internal.expression.Path;
import dev.pixelstep.asl.internal.expression.Scope;
import dev.pixelstep.asl.internal.expression.intrinsic.IntrinsicFunction;
import dev.pixelstep.asl.internal.json.Json;
import dev.pixelstep.asl.internal.json.Timestamps;
import dev.pixelstep.asl.s3.S3Port;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One attempt of a Distributed Map state (a Map Run): read the items (state input, an S3 listing, or a JSON or CSV
 * object), select and batch them, run each item or batch as a child workflow execution of its own (its own ARN,
 * history and listeners' events) at most MaxConcurrency at a time, fail with
 * {@code States.ExceedToleratedFailureThreshold} as soon as more items have failed than tolerated (aborting the
 * children still running), and write the results to S3 the way Step Functions' ResultWriter does.
 */
final class DistributedMapRunner {

    /** Step Functions runs at most 10,000 child workflows of a Map Run at once; MaxConcurrency 0 means that. */
    static final int MAX_CONCURRENCY = 10_000;
    private static final int MAX_BATCH_BYTES = 262_144;

    private final ExecutionRun run;

    DistributedMapRunner(ExecutionRun run) {
        this.run = run;
    }

    /** The outcome of one child workflow execution. */
    private record Child(String arn, String name, JsonNode input, int items, ExecutionStatus status, JsonNode output,
                         StatesFailure failure, Instant start, Instant stop) {
    }

    Outcome map(MapState state, JsonNode rawInput, ObjectNode context, EventChain chain) {
        DistributedMap settings = state.distributed();
        DataFlow flow = new DataFlow(state.io(), context, run.config().random());
        JsonNode effective = flow.effectiveInput(rawInput);
        Scope scope = flow.scope(effective);
        EngineConfig config = run.config();
        String label = settings.label() != null ? settings.label() : state.name();
        String runId = IntrinsicFunction.randomUuid(config.random()).toString();
        String prefix = "arn:aws:states:" + config.region() + ":" + config.account() + ":";
        String mapRunArn = prefix + "mapRun:" + run.stateMachineName() + "/" + label + ":" + runId;
        String childMachineName = run.stateMachineName() + "/" + label;

        run.history().append(chain, HistoryEventType.MAP_STATE_STARTED, Json.object());
        run.history().append(chain, HistoryEventType.MAP_RUN_STARTED, Json.object().put("mapRunArn", mapRunArn));
        try {
            List<JsonNode> items = items(state, settings, effective, scope);
            List<JsonNode> selected = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                JsonNode item = items.get(i);
                if (state.itemSelector() != null) {
                    DataFlow itemFlow = new DataFlow(state.io(), ContextObject.withMapItem(context, i, item), config.random());
                    item = state.itemSelector().evaluate(itemFlow.scope(effective));
                }
                selected.add(item);
            }
            List<List<JsonNode>> batches = batches(settings.itemBatcher(), selected, scope);
            List<JsonNode> inputs = new ArrayList<>();
            for (List<JsonNode> batch : batches) {
                inputs.add(settings.itemBatcher() == null ? batch.get(0) : batchInput(settings.itemBatcher(), batch, scope));
            }
            Threshold threshold = threshold(settings, scope, selected.size());
            int concurrency = concurrency(state, scope);
            Definition childDefinition = new Definition(state.itemProcessor(), null, null, null);
            Child[] children = runChildren(inputs, batches, concurrency, threshold, childDefinition,
                    prefix + "stateMachine:" + childMachineName, childMachineName, prefix + "execution:" + childMachineName + ":",
                    mapRunArn);
            StatesFailure exceeded = threshold.exceeded() ? new StatesFailure(ErrorNames.EXCEED_TOLERATED_FAILURE_THRESHOLD,
                    "The Map Run " + mapRunArn + " failed: " + threshold.failed() + " of " + selected.size()
                            + " items failed, more than tolerated (" + threshold.describe() + ")") : null;
            JsonNode result;
            if (settings.resultWriter() != null) {
                result = writeResults(settings, scope, runId, mapRunArn, children, inputs, exceeded);
            } else {
                ArrayNode outputs = Json.mapper().createArrayNode();
                for (Child child : children) {
                    outputs.add(child == null || child.output() == null ? errorOutput(child) : child.output());
                }
                result = outputs;
            }
            if (exceeded != null) {
                throw exceeded;
            }
            run.history().append(chain, HistoryEventType.MAP_RUN_SUCCEEDED, null);
            run.history().append(chain, HistoryEventType.MAP_STATE_SUCCEEDED, null);
            return new Outcome(flow.output(rawInput, result), state.transition().next());
        } catch (StatesFailure failure) {
            ObjectNode details = Json.object().put("error", failure.error());
            if (failure.cause() != null) {
                details.put("cause", failure.cause());
            }
            run.history().append(chain, HistoryEventType.MAP_RUN_FAILED, details);
            run.history().append(chain, HistoryEventType.MAP_STATE_FAILED, null);
            throw failure;
        } catch (ExecutionStoppedException stopped) {
            run.history().append(chain, HistoryEventType.MAP_RUN_ABORTED, null);
            run.history().append(chain, HistoryEventType.MAP_STATE_ABORTED, null);
            throw stopped;
        }
    }

    private static JsonNode errorOutput(Child child) {
        ObjectNode error = Json.object();
        if (child != null && child.failure() != null) {
            error.put("Error", child.failure().error());
            error.put("Cause", child.failure().cause());
        }
        return error;
    }

    // ---- items -------------------------------------------------------------------------------------------------

    private List<JsonNode> items(MapState state, DistributedMap settings, JsonNode effective, Scope scope) {
        DistributedMap.ItemReader reader = settings.itemReader();
        if (reader == null) {
            JsonNode items = state.itemsPath() == null ? effective : state.itemsPath().select(scope);
            if (items == null || !items.isArray()) {
                throw new StatesFailure(ErrorNames.RUNTIME, "The ItemsPath '" + (state.itemsPath() == null ? "$"
                        : state.itemsPath().text()) + "' of Map state '" + state.name() + "' must select an array but"
                        + " selected " + (items == null ? "nothing" : Json.write(items)));
            }
            List<JsonNode> list = new ArrayList<>();
            items.forEach(list::add);
            return list;
        }
        JsonNode parameters = reader.parameters() == null ? Json.object() : reader.parameters().evaluate(scope);
        long max = reader.maxItemsPath() != null ? nonNegative(reader.maxItemsPath(), scope, "MaxItemsPath")
                : reader.maxItems() == null ? 0 : reader.maxItems();
        long limit = max == 0 ? Long.MAX_VALUE : max;
        S3Port s3 = s3("ItemReader", ErrorNames.ITEM_READER_FAILED);
        String bucket = text(parameters, "Bucket", ErrorNames.ITEM_READER_FAILED, "ItemReader");
        try {
            if (DistributedMap.LIST_OBJECTS.equals(reader.resource())) {
                return listed(s3, bucket, parameters.path("Prefix").asText(""), limit);
            }
            String key = text(parameters, "Key", ErrorNames.ITEM_READER_FAILED, "ItemReader");
            String body = new String(s3.get(bucket, key), StandardCharsets.UTF_8);
            List<JsonNode> items = "CSV".equals(reader.inputType()) ? csv(body, reader, bucket, key) : json(body, bucket, key);
            return items.size() > limit ? items.subList(0, (int) limit) : items;
        } catch (StatesFailure failure) {
            throw failure;
        } catch (RuntimeException e) {
            throw new StatesFailure(ErrorNames.ITEM_READER_FAILED, "The ItemReader could not read s3://" + bucket + "/"
                    + parameters.path("Key").asText(parameters.path("Prefix").asText("")) + ": " + e.getMessage());
        }
    }

    private static List<JsonNode> listed(S3Port s3, String bucket, String prefix, long limit) {
        List<JsonNode> items = new ArrayList<>();
        String token = null;
        do {
            S3Port.Page page = s3.list(bucket, prefix, token);
            for (S3Port.ObjectSummary object : page.objects()) {
                if (items.size() >= limit) {
                    return items;
                }
                ObjectNode item = Json.object();
                item.put("Etag", object.etag());
                item.put("Key", object.key());
                item.put("LastModified", object.lastModified() == null ? 0 : object.lastModified().getEpochSecond());
                item.put("Size", object.size());
                item.put("StorageClass", object.storageClass() == null ? "STANDARD" : object.storageClass());
                items.add(item);
            }
            token = page.nextToken();
        } while (token != null);
        return items;
    }

    private static List<JsonNode> json(String body, String bucket, String key) {
        JsonNode parsed;
        try {
            parsed = Json.parse(body);
        } catch (RuntimeException e) {
            throw new StatesFailure(ErrorNames.ITEM_READER_FAILED, "s3://" + bucket + "/" + key + " is not JSON: " + e.getMessage());
        }
        if (!parsed.isArray()) {
            throw new StatesFailure(ErrorNames.ITEM_READER_FAILED, "s3://" + bucket + "/" + key
                    + " must hold a JSON array of items (InputType JSON) but holds " + parsed.getNodeType());
        }
        List<JsonNode> items = new ArrayList<>();
        parsed.forEach(items::add);
        return items;
    }

    private static List<JsonNode> csv(String body, DistributedMap.ItemReader reader, String bucket, String key) {
        List<List<String>> rows;
        try {
            rows = CsvRows.parse(body);
        } catch (IllegalArgumentException e) {
            throw new StatesFailure(ErrorNames.ITEM_READER_FAILED, "s3://" + bucket + "/" + key + " is not CSV: " + e.getMessage());
        }
        List<String> headers = reader.csvHeadersInFirstRow() ? (rows.isEmpty() ? List.of() : rows.get(0)) : reader.csvHeaders();
        List<JsonNode> items = new ArrayList<>();
        for (int r = reader.csvHeadersInFirstRow() ? 1 : 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() != headers.size()) {
                throw new StatesFailure(ErrorNames.ITEM_READER_FAILED, "s3://" + bucket + "/" + key + ": row " + (r + 1)
                        + " has " + row.size() + " fields but there are " + headers.size() + " headers");
            }
            ObjectNode item = Json.object();
            for (int c = 0; c < headers.size(); c++) {
                item.put(headers.get(c), row.get(c));
            }
            items.add(item);
        }
        return items;
    }

    // ---- batches -----------------------------------------------------------------------------------------------

    private static List<List<JsonNode>> batches(DistributedMap.ItemBatcher batcher, List<JsonNode> items, Scope scope) {
        List<List<JsonNode>> batches = new ArrayList<>();
        if (batcher == null) {
            items.forEach(item -> batches.add(List.of(item)));
            return batches;
        }
        long maxItems = batcher.maxItemsPerBatchPath() != null ? positive(batcher.maxItemsPerBatchPath(), scope, "MaxItemsPerBatchPath")
                : batcher.maxItemsPerBatch() == null ? Long.MAX_VALUE : batcher.maxItemsPerBatch();
        long maxBytes = batcher.maxInputBytesPerBatchPath() != null
                ? Math.min(MAX_BATCH_BYTES, positive(batcher.maxInputBytesPerBatchPath(), scope, "MaxInputBytesPerBatchPath"))
                : batcher.maxInputBytesPerBatch() == null ? MAX_BATCH_BYTES : batcher.maxInputBytesPerBatch();
        JsonNode batchInput = batcher.batchInput() == null ? null : batcher.batchInput().evaluate(scope);
        long overhead = bytes(batchNode(List.of(), batchInput));
        List<JsonNode> current = new ArrayList<>();
        long size = overhead;
        for (JsonNode item : items) {
            long itemBytes = bytes(item) + 1; // and its comma
            if (overhead + itemBytes > maxBytes) {
                throw new StatesFailure(ErrorNames.RUNTIME, "an item of " + itemBytes + " bytes does not fit in a batch of at"
                        + " most " + maxBytes + " bytes (MaxInputBytesPerBatch, BatchInput included): " + abbreviate(Json.write(item)));
            }
            if (!current.isEmpty() && (current.size() >= maxItems || size + itemBytes > maxBytes)) {
                batches.add(current);
                current = new ArrayList<>();
                size = overhead;
            }
            current.add(item);
            size += itemBytes;
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }

    private static JsonNode batchInput(DistributedMap.ItemBatcher batcher, List<JsonNode> batch, Scope scope) {
        return batchNode(batch, batcher.batchInput() == null ? null : batcher.batchInput().evaluate(scope));
    }

    private static ObjectNode batchNode(List<JsonNode> items, JsonNode batchInput) {
        ObjectNode node = Json.object();
        if (batchInput != null) {
            node.set("BatchInput", batchInput);
        }
        ArrayNode array = node.putArray("Items");
        items.forEach(array::add);
        return node;
    }

    private static long bytes(JsonNode node) {
        return Json.write(node).getBytes(StandardCharsets.UTF_8).length;
    }

    // ---- children ----------------------------------------------------------------------------------------------

    /** Counts failed items against ToleratedFailurePercentage and ToleratedFailureCount (both 0 when neither is set). */
    private static final class Threshold {
        private final Double percentage;
        private final Long count;
        private final int total;
        private final AtomicInteger failed = new AtomicInteger();
        private volatile boolean exceeded;

        Threshold(Double percentage, Long count, int total) {
            this.percentage = percentage;
            this.count = percentage == null && count == null ? Long.valueOf(0) : count;
            this.total = total;
        }

        /** Records failed items; true when the threshold is now exceeded. */
        boolean fail(int items) {
            int now = failed.addAndGet(items);
            if ((count != null && now > count) || (percentage != null && total > 0 && now * 100.0 / total > percentage)) {
                exceeded = true;
            }
            return exceeded;
        }

        boolean exceeded() {
            return exceeded;
        }

        int failed() {
            return failed.get();
        }

        String describe() {
            List<String> parts = new ArrayList<>();
            if (percentage != null) {
                parts.add("ToleratedFailurePercentage " + (percentage % 1 == 0 ? String.valueOf(percentage.longValue()) : percentage));
            }
            if (count != null) {
                parts.add("ToleratedFailureCount " + count);
            }
            return String.join(", ", parts);
        }
    }

    private Threshold threshold(DistributedMap settings, Scope scope, int total) {
        Double percentage = settings.toleratedFailurePercentage();
        if (settings.toleratedFailurePercentagePath() != null) {
            JsonNode value = settings.toleratedFailurePercentagePath().select(scope);
            if (value == null || !value.isNumber() || value.doubleValue() < 0 || value.doubleValue() > 100) {
                throw new StatesFailure(ErrorNames.RUNTIME, "The ToleratedFailurePercentagePath '"
                        + settings.toleratedFailurePercentagePath().text() + "' must select a number from 0 to 100 but selected "
                        + (value == null ? "nothing" : Json.write(value)));
            }
            percentage = value.doubleValue();
        }
        Long count = settings.toleratedFailureCount() == null ? null : Long.valueOf(settings.toleratedFailureCount());
        if (settings.toleratedFailureCountPath() != null) {
            count = nonNegative(settings.toleratedFailureCountPath(), scope, "ToleratedFailureCountPath");
        }
        return new Threshold(percentage, count, total);
    }

    private static int concurrency(MapState state, Scope scope) {
        long requested = state.maxConcurrencyPath() == null ? state.maxConcurrency()
                : nonNegative(state.maxConcurrencyPath(), scope, "MaxConcurrencyPath");
        return requested == 0 ? MAX_CONCURRENCY : (int) Math.min(requested, MAX_CONCURRENCY);
    }

    private Child[] runChildren(List<JsonNode> inputs, List<List<JsonNode>> batches, int concurrency, Threshold threshold,
                                Definition definition, String childMachineArn, String childMachineName, String arnPrefix,
                                String mapRunArn) {
        int count = inputs.size();
        Child[] children = new Child[count];
        if (count == 0) {
            return children;
        }
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        Set<ExecutionRun> running = ConcurrentHashMap.newKeySet();
        EngineConfig config = run.config();
        int workers = Math.min(count, concurrency);
        ExecutorCompletionService<Void> completion = new ExecutorCompletionService<>(config.executor());
        for (int w = 0; w < workers; w++) {
            completion.submit(() -> {
                run.threads().register();
                try {
                    while (!stop.get() && !run.threads().isInterrupted()) {
                        int index = next.getAndIncrement();
                        if (index >= count) {
                            break;
                        }
                        String name = IntrinsicFunction.randomUuid(config.random()).toString();
                        ExecutionRun child = new ExecutionRun(config, definition, childMachineArn, childMachineName,
                                arnPrefix + name, name, inputs.get(index)).childOf(mapRunArn);
                        running.add(child);
                        if (stop.get()) {
                            child.stop(ExecutionStatus.ABORTED, "States.Aborted", "the Map Run failed");
                        }
                        try {
                            child.run();
                        } finally {
                            running.remove(child);
                        }
                        children[index] = new Child(child.executionArn(), name, inputs.get(index), batches.get(index).size(),
                                child.status(), child.output(), child.failure(), child.startTime(), child.stopTime());
                        if (child.status() != ExecutionStatus.SUCCEEDED && !run.threads().isInterrupted()
                                && threshold.fail(batches.get(index).size())) {
                            stop.set(true);
                            running.forEach(other -> other.stop(ExecutionStatus.ABORTED, "States.Aborted",
                                    "the Map Run failed: more items failed than tolerated"));
                        }
                    }
                    return null;
                } finally {
                    run.threads().unregister();
                    Thread.interrupted();
                }
            });
        }
        Throwable failure = null;
        for (int finished = 0; finished < workers; finished++) {
            try {
                completion.take().get();
            } catch (InterruptedException e) {
                // the execution is being stopped: its registry interrupts the workers, whose children end ABORTED
                stop.set(true);
                finished--;
            } catch (ExecutionException e) {
                failure = e.getCause();
                stop.set(true);
            }
        }
        if (run.threads().isInterrupted()) {
            throw new ExecutionStoppedException();
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        } else if (failure instanceof Error error) {
            throw error;
        }
        return children;
    }

    // ---- results -----------------------------------------------------------------------------------------------

    private JsonNode writeResults(DistributedMap settings, Scope scope, String runId, String mapRunArn, Child[] children,
                                  List<JsonNode> inputs, StatesFailure exceeded) {
        JsonNode parameters = settings.resultWriter().evaluate(scope);
        S3Port s3 = s3("ResultWriter", ErrorNames.RESULT_WRITER_FAILED);
        String bucket = text(parameters, "Bucket", ErrorNames.RESULT_WRITER_FAILED, "ResultWriter");
        String prefix = parameters.path("Prefix").asText("");
        String folder = (prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/") + runId + "/";
        ArrayNode succeeded = Json.mapper().createArrayNode();
        ArrayNode failed = Json.mapper().createArrayNode();
        ArrayNode pending = Json.mapper().createArrayNode();
        for (Child child : children) {
            if (child == null) {
                continue;
            }
            ObjectNode entry = Json.object();
            entry.put("ExecutionArn", child.arn());
            entry.put("Input", Json.write(child.input()));
            entry.putObject("InputDetails").put("Included", true);
            entry.put("Name", child.name());
            if (child.status() == ExecutionStatus.SUCCEEDED) {
                entry.put("Output", Json.write(child.output()));
                entry.putObject("OutputDetails").put("Included", true);
            } else if (child.failure() != null) {
                entry.put("Error", child.failure().error());
                entry.put("Cause", child.failure().cause());
            }
            entry.put("RedriveCount", 0);
            entry.put("StartDate", Timestamps.format(child.start()));
            entry.put("StateMachineArn", child.arn().substring(0, child.arn().lastIndexOf(':')).replace(":execution:", ":stateMachine:"));
            entry.put("Status", child.status().name());
            entry.put("StopDate", child.stop() == null ? null : Timestamps.format(child.stop()));
            (child.status() == ExecutionStatus.SUCCEEDED ? succeeded : failed).add(entry);
        }
        // items whose child never started because the Map Run failed first
        for (int i = 0; i < children.length; i++) {
            if (children[i] == null) {
                pending.add(Json.object().put("Input", Json.write(inputs.get(i))).put("Status", "PENDING"));
            }
        }
        ObjectNode manifest = Json.object();
        manifest.put("DestinationBucket", bucket);
        manifest.put("MapRunArn", mapRunArn);
        ObjectNode files = manifest.putObject("ResultFiles");
        try {
            files.set("FAILED", write(s3, bucket, folder + "FAILED_0.json", failed));
            files.set("PENDING", write(s3, bucket, folder + "PENDING_0.json", pending));
            files.set("SUCCEEDED", write(s3, bucket, folder + "SUCCEEDED_0.json", succeeded));
            s3.put(bucket, folder + "manifest.json", Json.write(manifest).getBytes(StandardCharsets.UTF_8), "application/json");
        } catch (RuntimeException e) {
            if (exceeded != null) {
                throw exceeded;
            }
            throw new StatesFailure(ErrorNames.RESULT_WRITER_FAILED, "The ResultWriter could not write to s3://" + bucket + "/"
                    + folder + ": " + e.getMessage());
        }
        ObjectNode output = Json.object();
        output.put("MapRunArn", mapRunArn);
        output.putObject("ResultWriterDetails").put("Bucket", bucket).put("Key", folder + "manifest.json");
        return output;
    }

    private static ArrayNode write(S3Port s3, String bucket, String key, ArrayNode entries) {
        ArrayNode list = Json.mapper().createArrayNode();
        if (entries.isEmpty()) {
            return list;
        }
        byte[] body = Json.write(entries).getBytes(StandardCharsets.UTF_8);
        s3.put(bucket, key, body, "application/json");
        list.add(Json.object().put("Key", key).put("Size", body.length));
        return list;
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private S3Port s3(String what, String error) {
        S3Port s3 = run.config().s3();
        if (s3 == null) {
            throw new StatesFailure(error, "the engine has no S3 port for the " + what + " (AslEngine.Builder.s3)");
        }
        return s3;
    }

    private static String text(JsonNode parameters, String field, String error, String what) {
        JsonNode value = parameters.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new StatesFailure(error, "the " + what + "'s Parameters need a non-empty string '" + field + "' but have "
                    + Json.write(parameters));
        }
        return value.asText();
    }

    private static long nonNegative(Path path, Scope scope, String field) {
        JsonNode value = path.select(scope);
        if (value == null || !value.isIntegralNumber() || value.asLong() < 0) {
            throw new StatesFailure(ErrorNames.RUNTIME, "The " + field + " '" + path.text()
                    + "' must select a non-negative integer but selected " + (value == null ? "nothing" : Json.write(value)));
        }
        return value.asLong();
    }

    private static long positive(Path path, Scope scope, String field) {
        long value = nonNegative(path, scope, field);
        if (value == 0) {
            throw new StatesFailure(ErrorNames.RUNTIME, "The " + field + " '" + path.text() + "' must select a positive integer");
        }
        return value;
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
