package dev.pixelstep.local.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pixelstep.local.runtime.StateProgress;
import dev.pixelstep.statemachine.PipelineDefinition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The states of the published workflow a person cares about: its tasks (the functions and the
 * manifest's write), not the Pass, Choice and Fail states that move data between them. The page
 * lists a run's tasks as they run, and the tasks of the successful path it has not reached yet as
 * pending; read from {@link PipelineDefinition}, so a changed definition needs no change here.
 *
 * @param tasks       the name of every Task state, in any branch
 * @param successPath the Task states a successful run goes through, in order (a Parallel's branches one after the other)
 */
record WorkflowSteps(Set<String> tasks, List<String> successPath) {

    /** The steps of the definition this build publishes. */
    static final WorkflowSteps PUBLISHED = of(PipelineDefinition.load().json());

    static WorkflowSteps of(String definition) {
        JsonNode root;
        try {
            root = Exchanges.JSON.readTree(definition);
        } catch (IOException e) {
            throw new UncheckedIOException("the published state machine definition is not JSON", e);
        }
        Set<String> tasks = new HashSet<>();
        collectTasks(root, tasks);
        List<String> path = new ArrayList<>();
        follow(root, path, new HashSet<>());
        return new WorkflowSteps(Set.copyOf(tasks), List.copyOf(new LinkedHashSet<>(path)));
    }

    private static void collectTasks(JsonNode machine, Set<String> tasks) {
        machine.path("States").properties().forEach(state -> {
            JsonNode body = state.getValue();
            if (body.path("Type").asText().equals("Task")) {
                tasks.add(state.getKey());
            }
            body.path("Branches").forEach(branch -> collectTasks(branch, tasks));
            collectTasks(body.path("ItemProcessor"), tasks);
            collectTasks(body.path("Iterator"), tasks);
        });
    }

    /** From StartAt along Next, a Choice's Default and into each Parallel branch; Catch is the failure path and is not followed. */
    private static void follow(JsonNode machine, List<String> path, Set<String> seen) {
        JsonNode states = machine.path("States");
        String name = machine.path("StartAt").asText(null);
        while (name != null && states.has(name) && seen.add(name)) {
            JsonNode state = states.get(name);
            String type = state.path("Type").asText();
            if (type.equals("Task")) {
                path.add(name);
            }
            for (JsonNode branch : state.path("Branches")) {
                follow(branch, path, seen);
            }
            name = state.hasNonNull("Next") ? state.get("Next").asText() : type.equals("Choice") ? state.path("Default").asText(null) : null;
        }
    }

    /** The tasks of a run so far, then, while it has not ended, those of the successful path not reached yet (pending). */
    List<Step> of(List<StateProgress> states, boolean ended) {
        List<Step> steps = new ArrayList<>();
        Set<String> shown = new HashSet<>();
        for (StateProgress state : states) {
            if (tasks.contains(state.name())) {
                steps.add(new Step(state.name(), state.status().name(), state.millis()));
                shown.add(state.name());
            }
        }
        if (!ended) {
            for (String name : successPath) {
                if (!shown.contains(name)) {
                    steps.add(new Step(name, "PENDING", 0));
                }
            }
        }
        return steps;
    }

    /** One step as the page lists it: a status of {@link StateProgress.Status}, or {@code PENDING}. */
    record Step(String name, String status, long millis) {
    }
}
