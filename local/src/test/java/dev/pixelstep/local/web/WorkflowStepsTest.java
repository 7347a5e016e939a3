package dev.pixelstep.local.web;

import dev.pixelstep.local.runtime.StateProgress;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 16, minor items: the page lists the workflow's tasks, pending ones too, and none of its plumbing. */
class WorkflowStepsTest {

    private static StateProgress state(String name, StateProgress.Status status) {
        return new StateProgress(name, status, 5);
    }

    @Test
    void theSuccessfulPathOfThePublishedDefinitionIsItsFourTasks() {
        assertEquals(List.of("Process", "AnalyseOriginal", "AnalyseCombined", "WriteManifest"), WorkflowSteps.PUBLISHED.successPath());
    }

    @Test
    void tasksNotReachedAreListedAsPendingUntilTheRunEnds() {
        List<WorkflowSteps.Step> running = WorkflowSteps.PUBLISHED.of(List.of(state("ExtractObject", StateProgress.Status.SUCCEEDED),
                state("ProcessAndAnalyseOriginal", StateProgress.Status.RUNNING), state("Process", StateProgress.Status.RUNNING)), false);
        assertEquals(List.of("Process:RUNNING", "AnalyseOriginal:PENDING", "AnalyseCombined:PENDING", "WriteManifest:PENDING"),
                running.stream().map(s -> s.name() + ":" + s.status()).toList());
    }

    /** Regression: "Use resolved key", "Build manifest", "Parse error cause" were shown as steps, and "Pipeline failed failed". */
    @Test
    void plumbingStatesAreNeverListed() {
        List<StateProgress> failed = List.of(state("ExtractObject", StateProgress.Status.SUCCEEDED),
                state("Process", StateProgress.Status.FAILED), state("AnalyseOriginal", StateProgress.Status.SUCCEEDED),
                state("ProcessFailed", StateProgress.Status.SUCCEEDED), state("UseProcessError", StateProgress.Status.SUCCEEDED),
                state("ParseErrorCause", StateProgress.Status.SUCCEEDED), state("DiscardPartialOutputs", StateProgress.Status.SUCCEEDED),
                state("BuildFailedManifest", StateProgress.Status.SUCCEEDED), state("WriteFailedManifest", StateProgress.Status.SUCCEEDED),
                state("PipelineFailed", StateProgress.Status.FAILED));
        assertEquals(List.of("Process", "AnalyseOriginal", "DiscardPartialOutputs", "WriteFailedManifest"),
                WorkflowSteps.PUBLISHED.of(failed, true).stream().map(WorkflowSteps.Step::name).toList());
    }

    /** Regression: error types were Java class names ("UnsupportedImageException"), and messages named the generated key. */
    @Test
    void errorsAreToldInAPersonsWords() {
        assertEquals("Unsupported image", RunView.readableType("dev.pixelstep.functions.errors.UnsupportedImageException"));
        assertEquals("Manifest not written", RunView.readableType("Pixelstep.ManifestNotWritten"));
        assertEquals("Task failed", RunView.readableType("States.TaskFailed"));
        assertEquals("Image too large", RunView.readableType("ImageTooLargeError"));
        String key = "web/20261125T101500Z-0123456789ab.jpg";
        assertEquals("holiday.jpg is a damaged or truncated JPEG image",
                RunView.inTheUsersWords("s3://in/" + key + " is a damaged or truncated JPEG image", "in", key, "holiday.jpg"));
        assertEquals("cannot decode holiday.jpg: cut short", RunView.inTheUsersWords("cannot decode " + key + ": cut short", "in", key, "holiday.jpg"));
    }
}
