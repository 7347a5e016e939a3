/**
 * Internal: the summary of a bulk reprocess (the processor's {@code "action": "summarise"}).
 * Not an API; it may change in any release.
 */
package dev.pixelstep.functions.internal.bulk;
