/**
 * How the engine waits: the {@link dev.pixelstep.asl.time.Sleeper} and simulated time for tests and fast-forward runs.
 */
package dev.pixelstep.asl.time;
