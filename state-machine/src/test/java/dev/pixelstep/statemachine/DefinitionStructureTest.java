package dev.pixelstep.statemachine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Structural checks of the published definition, independent of any engine. */
class DefinitionStructureTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PipelineDefinition definition = PipelineDefinition.load();
    private final JsonNode root = parse(definition.json());

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + e.getMessage(), e);
        }
    }

    @Test
    void everyTransitionTargetExistsAndEveryStateIsReachable() {
        List<String> problems = new ArrayList<>();
        checkScope(root, "", problems);
        assertEquals(List.of(), problems);
    }

    static void checkScope(JsonNode scope, String where, List<String> problems) {
        JsonNode states = scope.path("States");
        String start = scope.path("StartAt").asText();
        if (!states.has(start)) {
            problems.add(where + "StartAt '" + start + "' does not exist");
        }
        Set<String> reachable = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (!reachable.add(name) || !states.has(name)) {
                continue;
            }
            JsonNode state = states.get(name);
            String type = state.path("Type").asText();
            Set<String> targets = targets(state);
            for (String target : targets) {
                if (!states.has(target)) {
                    problems.add(where + name + " -> '" + target + "' does not exist");
                }
                todo.push(target);
            }
            boolean terminal = Set.of("Succeed", "Fail").contains(type) || state.path("End").asBoolean(false);
            if (!terminal && !state.has("Next") && !type.equals("Choice")) {
                problems.add(where + name + " has neither Next nor End");
            }
            if (type.equals("Parallel")) {
                int i = 0;
                for (JsonNode branch : state.path("Branches")) {
                    checkScope(branch, where + name + ".Branches[" + i++ + "].", problems);
                }
            }
            if (type.equals("Map")) {
                checkScope(state.path("ItemProcessor"), where + name + ".ItemProcessor.", problems);
            }
        }
        for (Iterator<String> it = states.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!reachable.contains(name)) {
                problems.add(where + name + " is unreachable");
            }
        }
    }

    static Set<String> targets(JsonNode state) {
        Set<String> targets = new LinkedHashSet<>();
        if (state.has("Next")) {
            targets.add(state.get("Next").asText());
        }
        if (state.has("Default")) {
            targets.add(state.get("Default").asText());
        }
        state.path("Choices").forEach(c -> targets.add(c.path("Next").asText()));
        state.path("Catch").forEach(c -> targets.add(c.path("Next").asText()));
        return targets;
    }

    @Test
    void everyPathToAnEndWritesAManifestFirst() {
        JsonNode states = root.path("States");
        List<String> problems = new ArrayList<>();
        walk(states, root.path("StartAt").asText(), false, new ArrayList<>(), problems);
        assertEquals(List.of(), problems);
    }

    private void walk(JsonNode states, String name, boolean manifestWritten, List<String> path, List<String> problems) {
        JsonNode state = states.get(name);
        List<String> here = new ArrayList<>(path);
        here.add(name);
        boolean written = manifestWritten || state.path("Resource").asText().equals("arn:aws:states:::aws-sdk:s3:putObject");
        String type = state.path("Type").asText();
        if (type.equals("Succeed") || type.equals("Fail")) {
            if (!written) {
                problems.add("ends without a manifest: " + String.join(" -> ", here));
            }
            return;
        }
        for (String target : targets(state)) {
            if (!here.contains(target)) {
                walk(states, target, written, here, problems);
            }
        }
    }

    @Test
    void everyTaskAndParallelCatchesEverythingAtTheTopLevel() {
        JsonNode states = root.path("States");
        for (Iterator<Map.Entry<String, JsonNode>> it = states.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String type = e.getValue().path("Type").asText();
            if (type.equals("Task") || type.equals("Parallel")) {
                JsonNode catchers = e.getValue().path("Catch");
                assertTrue(catchers.size() > 0, e.getKey() + " has no Catch");
                JsonNode last = catchers.get(catchers.size() - 1);
                assertEquals("[\"States.ALL\"]", last.path("ErrorEquals").toString(), e.getKey());
            }
        }
    }

    @Test
    void everyLambdaTaskHasTheSameRetryPolicyReadFromTransientErrors() {
        Map<String, JsonNode> lambdaTasks = lambdaTasks();
        assertEquals(Set.of("Process", "AnalyseOriginal", "AnalyseCombined", "DiscardPartialOutputs"), lambdaTasks.keySet());
        JsonNode expected = JSON.createArrayNode()
                .add(retrier(TransientErrors.THROTTLING, TransientErrors.THROTTLING_INTERVAL_SECONDS,
                        TransientErrors.THROTTLING_MAX_ATTEMPTS, TransientErrors.THROTTLING_MAX_DELAY_SECONDS))
                .add(retrier(TransientErrors.transientFaults(), TransientErrors.TRANSIENT_INTERVAL_SECONDS,
                        TransientErrors.TRANSIENT_MAX_ATTEMPTS, TransientErrors.TRANSIENT_MAX_DELAY_SECONDS));
        lambdaTasks.forEach((name, task) -> {
            assertEquals(expected, task.path("Retry"), name + " retries exactly TransientErrors, throttling first and longer");
            assertTrue(task.path("TimeoutSeconds").asInt() > 0, name + ": a hung function must not hang the workflow");
        });
    }

    @Test
    void theThrottlingRetrierHoldsABurstForMinutesAndTheServiceErrorsAreAwsRecommended() {
        assertEquals(List.of("Lambda.TooManyRequestsException"), TransientErrors.THROTTLING);
        assertEquals(2, TransientErrors.THROTTLING_INTERVAL_SECONDS);
        assertEquals(60, TransientErrors.THROTTLING_MAX_DELAY_SECONDS);
        assertEquals(15, TransientErrors.THROTTLING_MAX_ATTEMPTS);
        assertEquals("FULL", TransientErrors.JITTER);
        long longestWait = 0;
        for (int attempt = 0; attempt < TransientErrors.THROTTLING_MAX_ATTEMPTS; attempt++) {
            longestWait += (long) Math.min(TransientErrors.THROTTLING_MAX_DELAY_SECONDS,
                    TransientErrors.THROTTLING_INTERVAL_SECONDS * Math.pow(TransientErrors.BACKOFF_RATE, attempt));
        }
        assertEquals(662, longestWait, "seconds of waiting at most before a throttled task fails");
        assertTrue(TransientErrors.SERVICE_ERRORS.containsAll(List.of("Lambda.ClientExecutionTimeoutException",
                "Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException", "Lambda.SnapStartException",
                "Lambda.SnapStartTimeoutException", "Lambda.SnapStartNotReadyException")));
    }

    @Test
    void noLambdaTaskRetriesAnErrorOutsideTheTransientList() {
        Set<String> retried = new HashSet<>();
        lambdaTasks().values().forEach(task -> task.path("Retry").forEach(r -> r.path("ErrorEquals").forEach(n -> retried.add(n.asText()))));
        assertEquals(Set.copyOf(TransientErrors.all()), retried,
                "States.ALL, States.TaskFailed or Lambda.Unknown would retry bad input, limits and bugs");
        assertFalse(TransientErrors.all().stream().anyMatch(n -> n.startsWith("States.")));
    }

    @Test
    void eachBranchCatchesItsOwnErrorSoTheParallelWaitsForBothFunctions() {
        JsonNode parallel = root.at("/States/ProcessAndAnalyseOriginal");
        for (JsonNode branch : parallel.path("Branches")) {
            String start = branch.path("StartAt").asText();
            JsonNode task = branch.at("/States/" + start);
            JsonNode catcher = task.path("Catch").get(0);
            assertEquals("[\"States.ALL\"]", catcher.path("ErrorEquals").toString(), start);
            JsonNode failed = branch.at("/States/" + catcher.path("Next").asText());
            assertEquals("Pass", failed.path("Type").asText());
            assertTrue(failed.path("End").asBoolean());
            assertEquals(catcher.path("ResultPath").asText(), failed.at("/Parameters/failed.$").asText(),
                    start + ": the branch ends with its error under 'failed'");
        }
        assertEquals("CheckBranches", parallel.path("Next").asText());
        JsonNode check = root.at("/States/CheckBranches");
        assertEquals("UseResolvedKey", check.path("Default").asText());
        List<String> failures = new ArrayList<>();
        check.path("Choices").forEach(choice -> {
            JsonNode use = root.at("/States/" + choice.path("Next").asText());
            assertEquals(choice.path("Variable").asText(), use.path("InputPath").asText());
            assertEquals("$.error", use.path("ResultPath").asText());
            failures.add(use.path("Next").asText());
        });
        assertEquals(List.of("DescribeFailure", "DescribeFailure"), failures);
    }

    @Test
    void everyFailureDiscardsPartialOutputsAndTheDiscardCannotBlockTheFailedManifest() {
        JsonNode states = root.path("States");
        for (String name : List.of("UseErrorMessage", "UseRawCause", "UseErrorName")) {
            assertEquals("DiscardPartialOutputs", states.path(name).path("Next").asText(), name);
        }
        JsonNode discard = states.path("DiscardPartialOutputs");
        assertEquals("${ProcessorFunctionArn}", discard.at("/Parameters/FunctionName").asText());
        JsonNode payload = discard.at("/Parameters/Payload");
        assertEquals("discard", payload.path("action").asText());
        assertEquals("$.bucket", payload.path("bucket.$").asText());
        assertEquals("$.key", payload.path("key.$").asText());
        assertEquals("BuildFailedManifest", discard.path("Next").asText());
        assertEquals(1, discard.path("Catch").size());
        JsonNode catcher = discard.path("Catch").get(0);
        assertEquals("[\"States.ALL\"]", catcher.path("ErrorEquals").toString());
        assertEquals("BuildFailedManifest", catcher.path("Next").asText(), "a failed cleanup still writes the FAILED manifest");
        assertFalse(catcher.path("ResultPath").asText().equals("$.error") || catcher.path("ResultPath").asText().equals("$.failure"),
                "the cleanup's error must not replace the run's error in the manifest");
        assertTrue(discard.path("ResultPath").asText().startsWith("$.") && !Set.of("$.error", "$.failure", "$.manifest", "$.key",
                "$.bucket").contains(discard.path("ResultPath").asText()), "the discard result is kept aside");
        assertEquals("WriteFailedManifest", states.at("/BuildFailedManifest/Next").asText());
    }

    private ObjectNode retrier(List<String> errors, int interval, int attempts, int maxDelay) {
        ObjectNode retrier = JSON.createObjectNode();
        ArrayNode names = retrier.putArray("ErrorEquals");
        errors.forEach(names::add);
        retrier.put("IntervalSeconds", interval);
        retrier.put("BackoffRate", TransientErrors.BACKOFF_RATE);
        retrier.put("MaxAttempts", attempts);
        retrier.put("MaxDelaySeconds", maxDelay);
        retrier.put("JitterStrategy", TransientErrors.JITTER);
        return retrier;
    }

    private Map<String, JsonNode> lambdaTasks() {
        Map<String, JsonNode> out = new java.util.LinkedHashMap<>();
        collectLambdaTasks(root, out);
        return out;
    }

    private static void collectLambdaTasks(JsonNode scope, Map<String, JsonNode> out) {
        scope.path("States").properties().forEach(e -> {
            if (e.getValue().path("Resource").asText().equals("arn:aws:states:::lambda:invoke")) {
                out.put(e.getKey(), e.getValue());
            }
            e.getValue().path("Branches").forEach(branch -> collectLambdaTasks(branch, out));
        });
    }

    @Test
    void placeholdersUsedAreExactlyThoseDeclared() {
        assertEquals(definition.placeholders().keySet(), definition.usedPlaceholders());
        definition.placeholders().values().forEach(description -> assertFalse(description.isBlank()));
    }

    @Test
    void theVersionIsInTheCommentAndInBothManifests() {
        String version = System.getProperty("pixelstep.version");
        assertFalse(version == null || version.isBlank(), "surefire passes the project version");
        assertEquals(version, definition.version());
        assertTrue(root.path("Comment").asText().contains(version));
        JsonNode states = root.path("States");
        assertEquals(version, states.path("BuildFailedManifest").path("Parameters").path("pipelineVersion").asText());
        assertEquals("pixelstep/manifest/v1", states.path("BuildManifest").path("Parameters").path("schema").asText());
        assertEquals("pixelstep/manifest/v1", states.path("BuildFailedManifest").path("Parameters").path("schema").asText());
    }
}
