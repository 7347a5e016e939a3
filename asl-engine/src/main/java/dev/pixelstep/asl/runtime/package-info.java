/**
 * The interpreter: runs states, input/output processing, retries and catches, concurrent branches and time limits. Internal to the engine except for {@link dev.pixelstep.asl.runtime.EngineConfig} and {@link dev.pixelstep.asl.runtime.ExecutionRun}, which the public API wraps.
 */
package dev.pixelstep.asl.runtime;
