/**
 * Task handlers plugged in by Resource ARN, including the {@code lambda:invoke} integration over local functions.
 */
package dev.pixelstep.asl.task;
