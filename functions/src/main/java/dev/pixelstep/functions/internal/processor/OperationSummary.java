package dev.pixelstep.functions.internal.processor;

import dev.pixelstep.spi.chain.ChainStep;

import java.util.Map;

/**
 * One step of the chain in the processor's result.
 *
 * @param index      1-based position in the chain
 * @param name       the operation name
 * @param parameters every parameter's value in canonical text form, defaults included
 */
public record OperationSummary(int index, String name, Map<String, String> parameters) {

    static OperationSummary of(int index, ChainStep step) {
        return new OperationSummary(index, step.name(), step.parameters().asText());
    }
}
