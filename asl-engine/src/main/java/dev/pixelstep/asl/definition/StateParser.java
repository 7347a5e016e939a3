package dev.pixelstep.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pixelstep.asl.internal.expression.JsonPointers;
import dev.pixelstep.asl.internal.expression.Path;
import dev.pixelstep.asl.internal.expression.PayloadTemplate;
import dev.pixelstep.asl.internal.json.Timestamps;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Parses one state of any type, reporting every problem with its fields. */
final class StateParser {

    private static final int MAX_SECONDS = 99_999_999;
    private static final Pattern ACTIVITY = Pattern.compile("arn:[^:]+:states:[^:]*:[^:]*:activity:.*");

    private static final Set<String> COMMON = Set.of("Type", "Comment", "QueryLanguage");
    private static final Set<String> PASS = fields("Next", "End", "InputPath", "OutputPath", "Parameters", "Result",
            "ResultPath");
    private static final Set<String> TASK = fields("Next", "End", "InputPath", "OutputPath", "Parameters",
            "ResultSelector", "ResultPath", "Retry", "Catch", "Resource", "TimeoutSeconds", "TimeoutSecondsPath",
            "HeartbeatSeconds", "HeartbeatSecondsPath");
    private static final Set<String> CHOICE = fields("Choices", "Default", "InputPath", "OutputPath");
    private static final Set<String> WAIT = fields("Next", "End", "InputPath", "OutputPath", "Seconds", "Timestamp",
            "SecondsPath", "TimestampPath");
    private static final Set<String> SUCCEED = fields("InputPath", "OutputPath");
    private static final Set<String> FAIL = fields("Error", "Cause", "ErrorPath", "CausePath");
    private static final Set<String> PARALLEL = fields("Next", "End", "InputPath", "OutputPath", "Parameters",
            "ResultSelector", "ResultPath", "Retry", "Catch", "Branches");
    private static final Set<String> MAP = fields("Next", "End", "InputPath", "OutputPath", "ItemsPath",
            "ItemSelector", "Parameters", "ResultSelector", "ResultPath", "Retry", "Catch", "MaxConcurrency",
            "MaxConcurrencyPath", "Iterator", "ItemProcessor", "ItemReader", "ItemBatcher", "ResultWriter",
            "ToleratedFailurePercentage", "ToleratedFailurePercentagePath", "ToleratedFailureCount",
            "ToleratedFailureCountPath", "Label");
    private static final Set<String> DISTRIBUTED_ONLY = Set.of("ItemReader", "ItemBatcher", "ResultWriter",
            "ToleratedFailurePercentage", "ToleratedFailurePercentagePath", "ToleratedFailureCount",
            "ToleratedFailureCountPath", "Label");
    /** The child-workflow integrations the engine runs itself ({@link dev.pixelstep.asl.AslEngine.Builder#startExecutionTarget}). */
    static final Set<String> START_EXECUTION = Set.of("arn:aws:states:::states:startExecution.sync",
            "arn:aws:states:::states:startExecution.sync:2");
    private static final String DISTRIBUTED = " belongs to a Distributed Map state";
    private static final String JSONATA = " is a JSONata field; JSONata is not supported (JSONPath dialect only)";
    private static final Map<String, String> UNSUPPORTED = Map.ofEntries(
            Map.entry("Assign", "Assign (workflow variables) is not supported"),
            Map.entry("Arguments", "Arguments" + JSONATA),
            Map.entry("Output", "Output" + JSONATA),
            Map.entry("Items", "Items" + JSONATA),
            Map.entry("Credentials", "Credentials (cross-account task roles) is not supported"),
            Map.entry("ItemReader", "ItemReader" + DISTRIBUTED),
            Map.entry("ItemBatcher", "ItemBatcher" + DISTRIBUTED),
            Map.entry("ResultWriter", "ResultWriter" + DISTRIBUTED),
            Map.entry("ToleratedFailurePercentage", "ToleratedFailurePercentage" + DISTRIBUTED),
            Map.entry("ToleratedFailurePercentagePath", "ToleratedFailurePercentagePath" + DISTRIBUTED),
            Map.entry("ToleratedFailureCount", "ToleratedFailureCount" + DISTRIBUTED),
            Map.entry("ToleratedFailureCountPath", "ToleratedFailureCountPath" + DISTRIBUTED),
            Map.entry("Label", "Label" + DISTRIBUTED));

    private final DefinitionParser parent;
    private final Problems problems;
    private final ErrorHandlingParser errorHandling;
    private final ChoiceRuleParser choiceRules;

    StateParser(DefinitionParser parent, Problems problems) {
        this.parent = parent;
        this.problems = problems;
        this.errorHandling = new ErrorHandlingParser();
        this.choiceRules = new ChoiceRuleParser();
    }

    private static Set<String> fields(String... names) {
        Set<String> all = new HashSet<>(COMMON);
        all.addAll(List.of(names));
        return Set.copyOf(all);
    }

    /** Parses a state; null when its type is missing or unknown (reported). */
    State state(String name, Fields f) {
        String type = f.string("Type");
        if (type == null) {
            if (!f.has("Type")) {
                f.report(null, "state '" + name + "' has no Type");
            }
            return null;
        }
        DefinitionParser.checkQueryLanguage(f);
        String what = "a " + type + " state";
        return switch (type) {
            case "Pass" -> pass(name, f, what);
            case "Task" -> task(name, f, what);
            case "Choice" -> choice(name, f, what);
            case "Wait" -> waitState(name, f, what);
            case "Succeed" -> {
                f.allowOnly(what, SUCCEED, UNSUPPORTED);
                yield new SucceedState(name, f.string("Comment"), f.inputSelection("InputPath"),
                        f.inputSelection("OutputPath"));
            }
            case "Fail" -> fail(name, f, what);
            case "Parallel" -> parallel(name, f, what);
            case "Map" -> map(name, f, what);
            default -> {
                f.report("Type", "unknown state type '" + type
                        + "'; known: Pass, Task, Choice, Wait, Succeed, Fail, Parallel, Map");
                yield null;
            }
        };
    }

    private Transition transition(Fields f) {
        String next = f.nonEmptyString("Next");
        Boolean end = f.bool("End");
        boolean ends = Boolean.TRUE.equals(end);
        if (f.has("End") && end != null && !end) {
            f.report("End", "'End' may only be true");
        }
        if (next != null && ends) {
            f.report(null, "a state cannot have both 'Next' and 'End'");
        } else if (next == null && !ends && !f.has("Next")) {
            f.report(null, "a non-terminal state needs 'Next' or 'End': true");
        }
        return next == null ? Transition.END : new Transition(next);
    }

    private InputOutput io(Fields f, boolean parameters, boolean resultSelector, boolean resultPath) {
        return new InputOutput(f.inputSelection("InputPath"), parameters ? f.template("Parameters") : null,
                resultSelector ? f.template("ResultSelector") : null,
                resultPath ? f.resultPlacement("ResultPath") : ResultPlacement.REPLACE, f.inputSelection("OutputPath"));
    }

    private State pass(String name, Fields f, String what) {
        f.allowOnly(what, PASS, UNSUPPORTED);
        JsonNode result = f.get("Result");
        return new PassState(name, f.string("Comment"), transition(f), io(f, true, false, true),
                result == null ? null : result.deepCopy());
    }

    private State task(String name, Fields f, String what) {
        f.allowOnly(what, TASK, UNSUPPORTED);
        f.require("Resource", what);
        String resource = f.nonEmptyString("Resource");
        if (resource != null) {
            checkResource(f, resource);
        }
        Integer timeout = f.integer("TimeoutSeconds", 1, MAX_SECONDS);
        Integer heartbeat = f.integer("HeartbeatSeconds", 1, MAX_SECONDS);
        exclusive(f, "TimeoutSeconds", "TimeoutSecondsPath");
        exclusive(f, "HeartbeatSeconds", "HeartbeatSecondsPath");
        if (timeout != null && heartbeat != null && heartbeat >= timeout) {
            f.report("HeartbeatSeconds", "HeartbeatSeconds (" + heartbeat + ") must be smaller than TimeoutSeconds ("
                    + timeout + ")");
        }
        return new TaskState(name, f.string("Comment"), transition(f), io(f, true, true, true), resource, timeout,
                f.path("TimeoutSecondsPath"), heartbeat, f.path("HeartbeatSecondsPath"), errorHandling(f));
    }

    private static void checkResource(Fields f, String resource) {
        if (resource.contains(".waitForTaskToken")) {
            f.report("Resource", "callback tasks ('" + resource + "', .waitForTaskToken) are not supported");
        } else if ((resource.endsWith(".sync") || resource.contains(".sync:")) && !START_EXECUTION.contains(resource)) {
            f.report("Resource", "run-a-job tasks ('" + resource + "', .sync) are not supported, except a child state"
                    + " machine's (" + String.join(", ", new java.util.TreeSet<>(START_EXECUTION)) + ")");
        } else if (ACTIVITY.matcher(resource).matches()) {
            f.report("Resource", "activities ('" + resource + "') are not supported");
        } else if (!resource.startsWith("arn:")) {
            f.report("Resource", "Resource must be an ARN but is '" + resource + "'");
        }
    }

    private ErrorHandling errorHandling(Fields f) {
        return new ErrorHandling(errorHandling.retriers(f), errorHandling.catchers(f));
    }

    private State choice(String name, Fields f, String what) {
        f.allowOnly(what, CHOICE, merged("End", "a Choice state cannot have 'End'", "Next",
                "a Choice state cannot have 'Next' (use Choices and Default)"));
        f.require("Choices", what);
        List<ChoiceState.Choice> choices = new ArrayList<>();
        JsonNode array = f.get("Choices");
        if (array != null && (!array.isArray() || array.isEmpty())) {
            f.report("Choices", "'Choices' must be a non-empty array of rules");
        } else if (array != null) {
            for (int i = 0; i < array.size(); i++) {
                String pointer = f.pointer("Choices") + "/" + i;
                if (!(array.get(i) instanceof ObjectNode ruleNode)) {
                    problems.report(pointer, "a Choice rule must be a JSON object");
                    continue;
                }
                Fields rule = new Fields(ruleNode, pointer, problems);
                ChoiceState.Choice choice = choiceRules.topLevel(rule);
                if (choice != null) {
                    choices.add(choice);
                }
            }
        }
        return new ChoiceState(name, f.string("Comment"), choices, f.nonEmptyString("Default"),
                f.inputSelection("InputPath"), f.inputSelection("OutputPath"));
    }

    private State waitState(String name, Fields f, String what) {
        f.allowOnly(what, WAIT, UNSUPPORTED);
        long given = Stream.of("Seconds", "Timestamp", "SecondsPath", "TimestampPath").filter(f::has).count();
        if (given != 1) {
            f.report(null, "a Wait state needs exactly one of Seconds, Timestamp, SecondsPath, TimestampPath");
        }
        OffsetDateTime timestamp = null;
        String timestampText = f.string("Timestamp");
        if (timestampText != null) {
            timestamp = Timestamps.parse(timestampText).orElse(null);
            if (timestamp == null) {
                f.report("Timestamp", "'" + timestampText + "' is not an RFC 3339 timestamp such as 2016-08-18T17:33:00Z");
            }
        }
        return new WaitState(name, f.string("Comment"), transition(f), f.inputSelection("InputPath"),
                f.inputSelection("OutputPath"), f.longInteger("Seconds", 0, MAX_SECONDS), timestamp,
                f.path("SecondsPath"), f.path("TimestampPath"));
    }

    private State fail(String name, Fields f, String what) {
        f.allowOnly(what, FAIL, merged("End", "a Fail state cannot have 'End'", "Next", "a Fail state cannot have 'Next'",
                "InputPath", "a Fail state cannot have 'InputPath'", "OutputPath", "a Fail state cannot have 'OutputPath'"));
        exclusive(f, "Error", "ErrorPath");
        exclusive(f, "Cause", "CausePath");
        return new FailState(name, f.string("Comment"), f.string("Error"), f.string("Cause"), f.expression("ErrorPath"),
                f.expression("CausePath"));
    }

    private State parallel(String name, Fields f, String what) {
        f.allowOnly(what, PARALLEL, UNSUPPORTED);
        f.require("Branches", what);
        List<StateGraph> branches = new ArrayList<>();
        JsonNode array = f.get("Branches");
        if (array != null && (!array.isArray() || array.isEmpty())) {
            f.report("Branches", "'Branches' must be a non-empty array of {StartAt, States}");
        } else if (array != null) {
            for (int i = 0; i < array.size(); i++) {
                String pointer = f.pointer("Branches") + "/" + i;
                if (array.get(i) instanceof ObjectNode branch) {
                    branches.add(parent.branch(new Fields(branch, pointer, problems)));
                } else {
                    problems.report(pointer, "a branch must be a JSON object");
                }
            }
        }
        return new ParallelState(name, f.string("Comment"), transition(f), io(f, true, true, true), branches,
                errorHandling(f));
    }

    private State map(String name, Fields f, String what) {
        Map<String, String> unsupported = new HashMap<>(UNSUPPORTED);
        unsupported.keySet().removeAll(DISTRIBUTED_ONLY);
        f.allowOnly(what, MAP, unsupported);
        exclusive(f, "ItemSelector", "Parameters");
        exclusive(f, "ItemProcessor", "Iterator");
        exclusive(f, "MaxConcurrency", "MaxConcurrencyPath");
        if (!f.has("ItemProcessor") && !f.has("Iterator")) {
            f.report(null, what + " requires 'ItemProcessor' (or the legacy 'Iterator')");
        }
        boolean legacy = f.has("Iterator");
        Fields processorFields = f.object(legacy ? "Iterator" : "ItemProcessor");
        StateGraph processor = processorFields == null ? new StateGraph("", Map.of(), null)
                : parent.itemProcessor(processorFields, legacy);
        PayloadTemplate selector = f.template(f.has("ItemSelector") ? "ItemSelector" : "Parameters");
        JsonNode config = processorFields == null ? null : processorFields.get("ProcessorConfig");
        boolean distributed = config != null && "DISTRIBUTED".equals(config.path("Mode").asText());
        DistributedMap settings = null;
        if (distributed) {
            settings = distributed(f, config.path("ExecutionType").asText("STANDARD"));
            if (settings.itemReader() != null && f.has("ItemsPath")) {
                f.report("ItemsPath", "ItemsPath cannot be used with an ItemReader (the items come from S3)");
            }
            if ("EXPRESS".equals(settings.executionType())) {
                checkExpressChild(processor, f.pointer(legacy ? "Iterator" : "ItemProcessor"));
            }
        } else {
            for (String field : DISTRIBUTED_ONLY) {
                if (f.has(field)) {
                    f.report(field, field + " needs ItemProcessor.ProcessorConfig.Mode DISTRIBUTED (a Distributed Map)");
                }
            }
        }
        int maxConcurrency = distributed ? DISTRIBUTED_MAX_CONCURRENCY : Integer.MAX_VALUE;
        Integer concurrency = f.integer("MaxConcurrency", 0, maxConcurrency);
        return new MapState(name, f.string("Comment"), transition(f), io(f, false, true, true),
                f.has("ItemsPath") ? f.path("ItemsPath") : null, selector, processor,
                concurrency == null ? 0 : concurrency, f.path("MaxConcurrencyPath"), errorHandling(f), settings);
    }

    /** A Distributed Map runs at most 10,000 child workflows at once. */
    static final int DISTRIBUTED_MAX_CONCURRENCY = 10_000;

    private DistributedMap distributed(Fields f, String executionType) {
        exclusive(f, "ToleratedFailurePercentage", "ToleratedFailurePercentagePath");
        exclusive(f, "ToleratedFailureCount", "ToleratedFailureCountPath");
        Double percentage = f.number("ToleratedFailurePercentage", 0);
        if (percentage != null && percentage > 100) {
            f.report("ToleratedFailurePercentage", "ToleratedFailurePercentage must be from 0 to 100 but is " + percentage);
        }
        String label = f.nonEmptyString("Label");
        if (label != null && (label.length() > 40 || !label.matches("[^\\s<>{}\\[\\]?*\"#%\\\\^|~`$&,;:/]+"))) {
            f.report("Label", "Label must be at most 40 characters without whitespace, brackets, wildcards or"
                    + " \" # % \\ ^ | ~ ` $ & , ; : /");
        }
        return new DistributedMap(executionType, itemReader(f.object("ItemReader")), itemBatcher(f.object("ItemBatcher")),
                resultWriter(f.object("ResultWriter")), percentage, f.path("ToleratedFailurePercentagePath"),
                f.integer("ToleratedFailureCount", 0, Integer.MAX_VALUE), f.path("ToleratedFailureCountPath"), label);
    }

    private static DistributedMap.ItemReader itemReader(Fields reader) {
        if (reader == null) {
            return null;
        }
        reader.allowOnly("an ItemReader", Set.of("Resource", "Parameters", "ReaderConfig"),
                Map.of("Arguments", "Arguments" + JSONATA));
        reader.require("Resource", "an ItemReader");
        reader.require("Parameters", "an ItemReader");
        String resource = reader.string("Resource");
        boolean list = DistributedMap.LIST_OBJECTS.equals(resource);
        boolean get = DistributedMap.GET_OBJECT.equals(resource);
        if (resource != null && !list && !get) {
            reader.report("Resource", "ItemReader Resource '" + resource + "' is not supported; supported: "
                    + DistributedMap.LIST_OBJECTS + " (Bucket, Prefix) and " + DistributedMap.GET_OBJECT
                    + " (Bucket, Key) with ReaderConfig.InputType JSON or CSV");
        }
        PayloadTemplate parameters = reader.template("Parameters");
        Fields config = reader.object("ReaderConfig");
        String inputType = null;
        boolean firstRow = true;
        List<String> headers = List.of();
        Integer maxItems = null;
        Path maxItemsPath = null;
        if (config != null) {
            config.allowOnly("a ReaderConfig", Set.of("InputType", "CSVHeaderLocation", "CSVHeaders", "MaxItems",
                    "MaxItemsPath"), Map.of());
            exclusive(config, "MaxItems", "MaxItemsPath");
            inputType = config.string("InputType");
            maxItems = config.integer("MaxItems", 0, 100_000_000);
            maxItemsPath = config.path("MaxItemsPath");
            String location = config.string("CSVHeaderLocation");
            if (location != null && !location.equals("FIRST_ROW") && !location.equals("GIVEN")) {
                config.report("CSVHeaderLocation", "CSVHeaderLocation must be FIRST_ROW or GIVEN but is '" + location + "'");
            }
            firstRow = !"GIVEN".equals(location);
            JsonNode given = config.get("CSVHeaders");
            if (given != null) {
                List<String> names = new ArrayList<>();
                if (given.isArray()) {
                    given.forEach(h -> names.add(h.asText()));
                }
                if (!given.isArray() || names.isEmpty() || names.stream().anyMatch(String::isEmpty)) {
                    config.report("CSVHeaders", "CSVHeaders must be a non-empty array of column names");
                }
                headers = names;
            }
            if (!firstRow && headers.isEmpty() && given == null) {
                config.report(null, "CSVHeaderLocation GIVEN needs CSVHeaders");
            } else if (firstRow && given != null) {
                config.report("CSVHeaders", "CSVHeaders are only for CSVHeaderLocation GIVEN");
            }
            if ((location != null || given != null) && !"CSV".equals(inputType)) {
                config.report(null, "CSVHeaderLocation and CSVHeaders are only for InputType CSV");
            }
        }
        if (get && inputType == null) {
            reader.report(null, "an ItemReader with " + DistributedMap.GET_OBJECT + " needs ReaderConfig.InputType JSON or CSV");
        } else if (get && !inputType.equals("JSON") && !inputType.equals("CSV")) {
            config.report("InputType", "ReaderConfig.InputType '" + inputType + "' is not supported; supported: JSON, CSV");
        } else if (list && inputType != null) {
            config.report("InputType", "InputType is for " + DistributedMap.GET_OBJECT + ", not " + DistributedMap.LIST_OBJECTS);
        }
        return new DistributedMap.ItemReader(resource, parameters, inputType, firstRow, headers, maxItems,
                maxItemsPath);
    }

    private static DistributedMap.ItemBatcher itemBatcher(Fields batcher) {
        if (batcher == null) {
            return null;
        }
        batcher.allowOnly("an ItemBatcher", Set.of("MaxItemsPerBatch", "MaxItemsPerBatchPath", "MaxInputBytesPerBatch",
                "MaxInputBytesPerBatchPath", "BatchInput"), Map.of());
        exclusive(batcher, "MaxItemsPerBatch", "MaxItemsPerBatchPath");
        exclusive(batcher, "MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath");
        if (Stream.of("MaxItemsPerBatch", "MaxItemsPerBatchPath", "MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath")
                .noneMatch(batcher::has)) {
            batcher.report(null, "an ItemBatcher needs MaxItemsPerBatch(Path) or MaxInputBytesPerBatch(Path)");
        }
        return new DistributedMap.ItemBatcher(batcher.integer("MaxItemsPerBatch", 1, Integer.MAX_VALUE),
                batcher.path("MaxItemsPerBatchPath"), batcher.integer("MaxInputBytesPerBatch", 1, 262_144),
                batcher.path("MaxInputBytesPerBatchPath"), batcher.template("BatchInput"));
    }

    private static PayloadTemplate resultWriter(Fields writer) {
        if (writer == null) {
            return null;
        }
        writer.allowOnly("a ResultWriter", Set.of("Resource", "Parameters"), Map.of(
                "WriterConfig", "WriterConfig (Transformation, OutputType) is not supported: results are written as"
                        + " AWS writes them without it (JSON files, Transformation NONE)",
                "Arguments", "Arguments" + JSONATA));
        writer.require("Resource", "a ResultWriter");
        writer.require("Parameters", "a ResultWriter");
        String resource = writer.string("Resource");
        if (resource != null && !resource.equals(DistributedMap.PUT_OBJECT)) {
            writer.report("Resource", "ResultWriter Resource must be " + DistributedMap.PUT_OBJECT + " but is '" + resource + "'");
        }
        return writer.template("Parameters");
    }

    /** Express workflows cannot wait for a job (.sync) or a callback. */
    private void checkExpressChild(StateGraph graph, String pointer) {
        for (State state : graph.states().values()) {
            if (state instanceof TaskState task && task.resource() != null && task.resource().contains(".sync")) {
                problems.report(pointer + "/States/" + JsonPointers.escape(state.name())
                        + "/Resource", "an EXPRESS child workflow cannot run '" + task.resource() + "' (.sync);"
                        + " use ExecutionType STANDARD");
            }
        }
    }

    private static void exclusive(Fields f, String one, String other) {
        if (f.has(one) && f.has(other)) {
            f.report(other, "'" + one + "' and '" + other + "' cannot be used together");
        }
    }

    private static Map<String, String> merged(String... extra) {
        Map<String, String> all = new HashMap<>(UNSUPPORTED);
        for (int i = 0; i < extra.length; i += 2) {
            all.put(extra[i], extra[i + 1]);
        }
        return all;
    }
}
