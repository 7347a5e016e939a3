/**
 * Typed, non-retryable errors of the pixelstep functions. Every concrete class extends
 * {@link dev.pixelstep.functions.error.BadInputException}; on Lambda its fully qualified class
 * name is the error name Step Functions matches.
 */
package dev.pixelstep.functions.error;
