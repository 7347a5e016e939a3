package dev.pixelstep.functions.processor;

import java.util.List;

/**
 * What {@link ImagePipeline#run} wrote.
 *
 * @param combined      key of the combined output
 * @param independent   keys of the independent outputs, in chain order
 * @param combinedMs    milliseconds to compute, encode and store the combined output
 * @param independentMs wall-clock milliseconds for all independent outputs
 * @param workers       how many independent outputs were computed at once
 */
public record PipelineOutputs(String combined, List<String> independent, long combinedMs, long independentMs, int workers) {

    public PipelineOutputs {
        independent = List.copyOf(independent);
    }
}
