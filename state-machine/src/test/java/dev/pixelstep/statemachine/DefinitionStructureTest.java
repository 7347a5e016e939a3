package dev.pixelstep.statemachine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
    private static final Set<String> TRANSIENT_LAMBDA_ERRORS = Set.of("Lambda.ServiceException", "Lambda.AWSLambdaException",
            "Lambda.SdkClientException", "Lambda.TooManyRequestsException");

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

    private void checkScope(JsonNode scope, String where, List<String> problems) {
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
        }
        for (Iterator<String> it = states.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!reachable.contains(name)) {
                problems.add(where + name + " is unreachable");
            }
        }
    }

    private static Set<String> targets(JsonNode state) {
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
    void lambdaTasksRetryOnlyTransientFaultsWithBackoffJitterAndACap() {
        List<JsonNode> lambdaTasks = new ArrayList<>();
        collectLambdaTasks(root, lambdaTasks);
        assertEquals(3, lambdaTasks.size(), "process, analyse original, analyse combined");
        for (JsonNode task : lambdaTasks) {
            JsonNode retry = task.path("Retry");
            assertEquals(1, retry.size());
            Set<String> errors = new HashSet<>();
            retry.get(0).path("ErrorEquals").forEach(n -> errors.add(n.asText()));
            assertEquals(TRANSIENT_LAMBDA_ERRORS, errors);
            assertTrue(retry.get(0).path("BackoffRate").asDouble() > 1.0);
            assertTrue(retry.get(0).path("MaxDelaySeconds").asInt() > 0);
            assertEquals("FULL", retry.get(0).path("JitterStrategy").asText());
            assertTrue(task.path("TimeoutSeconds").asInt() > 0, "a hung function must not hang the workflow");
        }
    }

    private static void collectLambdaTasks(JsonNode scope, List<JsonNode> out) {
        scope.path("States").forEach(state -> {
            if (state.path("Resource").asText().equals("arn:aws:states:::lambda:invoke")) {
                out.add(state);
            }
            state.path("Branches").forEach(branch -> collectLambdaTasks(branch, out));
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
