package dev.pixelstep.functions.processor;

import dev.pixelstep.functions.internal.json.InputSummary;
import dev.pixelstep.functions.internal.processor.OperationSummary;
import dev.pixelstep.functions.internal.processor.OutputFile;

import java.util.List;
import java.util.Map;

/**
 * The processor's JSON result.
 *
 * @param input        the input object and image
 * @param outputBucket the bucket outputs were written to
 * @param chain        the chain in canonical text, empty for no operations
 * @param operations   every step with all parameter values
 * @param outputs      the written keys
 * @param timingsMs    milliseconds per phase: head, read, decode, combined, independent, total
 */
public record ProcessResult(InputSummary input, String outputBucket, String chain, List<OperationSummary> operations,
                            Outputs outputs, Map<String, Long> timingsMs) {

    /**
     * The written keys.
     *
     * @param combined    {@code K/combined.<ext>}
     * @param independent {@code K/independent/<nn>-<name>.<ext>}, in chain order
     * @param files       every image written with its format, size and byte count: the combined
     *                    first, then the independent ones in chain order
     */
    public record Outputs(String combined, List<String> independent, List<OutputFile> files) {
    }
}
