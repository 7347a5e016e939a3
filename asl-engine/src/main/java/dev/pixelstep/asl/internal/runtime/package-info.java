/**
 * Internal: the interpreter. Runs states, input/output processing, retries and catches, concurrent
 * branches and time limits; {@link dev.pixelstep.asl.AslEngine} and {@link dev.pixelstep.asl.Execution}
 * wrap {@link dev.pixelstep.asl.internal.runtime.EngineConfig} and
 * {@link dev.pixelstep.asl.internal.runtime.ExecutionRun}.
 */
package dev.pixelstep.asl.internal.runtime;
