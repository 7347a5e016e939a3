/**
 * Internal: the processor's work (the chain runner, output keys, discarding a failed run's outputs).
 * Not an API; it may change in any release. Plugin authors use {@code dev.pixelstep.spi}.
 */
package dev.pixelstep.functions.internal.processor;
