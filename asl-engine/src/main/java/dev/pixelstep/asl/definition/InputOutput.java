package dev.pixelstep.asl.definition;

import dev.pixelstep.asl.internal.expression.PayloadTemplate;

/**
 * A state's input and output processing fields, applied in AWS's order: InputPath, Parameters, (the state's
 * work), ResultSelector, ResultPath, OutputPath. Fields a state type does not allow are absent.
 *
 * @param inputPath      InputPath (default {@code $})
 * @param parameters     Parameters, or null
 * @param resultSelector ResultSelector, or null
 * @param resultPath     ResultPath (default {@code $})
 * @param outputPath     OutputPath (default {@code $})
 */
public record InputOutput(InputSelection inputPath, PayloadTemplate parameters, PayloadTemplate resultSelector,
                          ResultPlacement resultPath, InputSelection outputPath) {
}
