/**
 * A local interpreter of the Amazon States Language (JSONPath dialect): {@link dev.pixelstep.asl.StateMachine} parses and validates a definition, {@link dev.pixelstep.asl.AslEngine} runs it, {@link dev.pixelstep.asl.Execution} observes one run.
 */
package dev.pixelstep.asl;
