/**
 * Paths, reference paths, payload templates and the value expressions of {@code .$} fields.
 */
package dev.pixelstep.asl.internal.expression;
