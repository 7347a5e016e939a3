package dev.pixelstep.asl.internal.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pixelstep.asl.definition.InputOutput;
import dev.pixelstep.asl.internal.expression.Scope;
import java.util.Random;

/** The input/output processing steps of one state, in AWS's order, around the state's own work. */
final class DataFlow {

    private final InputOutput io;
    private final JsonNode context;
    private final Random random;

    DataFlow(InputOutput io, JsonNode context, Random random) {
        this.io = io;
        this.context = context;
        this.random = random;
    }

    /** InputPath then Parameters: the effective input. */
    JsonNode effectiveInput(JsonNode rawInput) {
        JsonNode selected = io.inputPath().apply("InputPath", rawInput, context);
        return io.parameters() == null ? selected : io.parameters().evaluate(scope(selected));
    }

    /** ResultSelector, ResultPath and OutputPath: the state output. */
    JsonNode output(JsonNode rawInput, JsonNode result) {
        JsonNode selected = io.resultSelector() == null ? result : io.resultSelector().evaluate(scope(result));
        JsonNode combined = io.resultPath().apply(rawInput, selected);
        return io.outputPath().apply("OutputPath", combined, context);
    }

    Scope scope(JsonNode input) {
        return new Scope(input, context, random);
    }
}
