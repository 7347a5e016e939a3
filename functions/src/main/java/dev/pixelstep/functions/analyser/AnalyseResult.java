package dev.pixelstep.functions.analyser;

import dev.pixelstep.functions.internal.analyser.ChannelStatistics;
import dev.pixelstep.functions.internal.json.InputSummary;

import java.util.Map;

/**
 * The analyser's JSON result.
 *
 * @param label        the request's label
 * @param input        the analysed object and image
 * @param outputBucket the bucket both outputs were written to
 * @param outputs      the written keys
 * @param width        width in pixels
 * @param height       height in pixels
 * @param pixels       width times height
 * @param luminance    how luminance was computed ({@code rec709})
 * @param statistics   per channel ({@code red}, {@code green}, {@code blue}, {@code luminance})
 * @param timingsMs    milliseconds per phase
 */
public record AnalyseResult(String label, InputSummary input, String outputBucket, Outputs outputs, int width, int height,
                            long pixels, String luminance, Map<String, ChannelStatistics> statistics, Map<String, Long> timingsMs) {

    /**
     * The written keys.
     *
     * @param histogram {@code <prefix>/histogram-<label>.json}
     * @param chart     {@code <prefix>/histogram-<label>.png}
     */
    public record Outputs(String histogram, String chart) {
    }
}
