/** The analyser function: colour histograms of an image as JSON and as a chart. */
package dev.pixelstep.functions.analyser;
