/**
 * Internal: the analyser's work (one-pass histograms, their statistics and JSON document).
 * Not an API; it may change in any release.
 */
package dev.pixelstep.functions.internal.analyser;
