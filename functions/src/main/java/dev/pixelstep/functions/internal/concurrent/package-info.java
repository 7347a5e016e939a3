/**
 * Internal: threads shared by the functions' work (the processor's workers and uploads, the
 * analyser's writes). Not an API; it may change in any release.
 */
package dev.pixelstep.functions.internal.concurrent;
