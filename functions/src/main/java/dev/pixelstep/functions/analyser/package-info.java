/**
 * The analyser function's entry point: {@link dev.pixelstep.functions.analyser.AnalyserHandler}
 * (the Lambda handler) and its request and result documents. It writes colour histograms of an
 * image as JSON and as a chart; the work itself lives in {@code dev.pixelstep.functions.internal.analyser}.
 */
package dev.pixelstep.functions.analyser;
