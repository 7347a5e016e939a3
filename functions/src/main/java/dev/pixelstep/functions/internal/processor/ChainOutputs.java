package dev.pixelstep.functions.internal.processor;

import java.util.List;

/**
 * What {@link ChainRunner#run} wrote.
 *
 * @param combined      key of the combined output
 * @param independent   keys of the independent outputs, in chain order
 * @param combinedMs    milliseconds to compute, encode and store the combined output: from the start
 *                      with several workers, from the last independent output's end with one
 * @param independentMs wall-clock milliseconds from the start until the last independent output was
 *                      stored (with several workers they run beside the combined chain; with one
 *                      they come first)
 * @param workers       how many outputs were computed at once
 * @param files         every image written, the combined first, then the independent ones in chain order
 */
public record ChainOutputs(String combined, List<String> independent, long combinedMs, long independentMs, int workers,
                           List<OutputFile> files) {

    public ChainOutputs {
        independent = List.copyOf(independent);
        files = List.copyOf(files);
    }
}
