/** Histogram charts rendered with JFreeChart and a bundled font (no system fonts needed). */
package dev.pixelstep.functions.internal.chart;
