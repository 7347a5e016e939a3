/**
 * Typed errors of the pixelstep functions; on Lambda an error's fully qualified class name is the
 * error name Step Functions matches. Every non-retryable error extends
 * {@link dev.pixelstep.functions.error.BadInputException}; the one retryable error is
 * {@link dev.pixelstep.functions.error.TransientException} (S3 throttling, 5xx and network faults).
 */
package dev.pixelstep.functions.error;
