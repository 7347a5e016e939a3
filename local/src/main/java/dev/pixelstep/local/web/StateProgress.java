package dev.pixelstep.local.web;

/**
 * One state of a workflow run as the page shows it.
 *
 * @param name   the state's name in the definition
 * @param status {@code RUNNING}, {@code SUCCEEDED} or {@code FAILED}
 * @param millis how long it took, or has been running so far
 */
public record StateProgress(String name, String status, long millis) {
}
