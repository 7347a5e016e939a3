package dev.pixelstep.asl.definition;

/**
 * A Succeed state: ends its graph successfully.
 *
 * @param name       the name
 * @param comment    the Comment, or null
 * @param inputPath  InputPath
 * @param outputPath OutputPath
 */
public record SucceedState(String name, String comment, InputSelection inputPath, InputSelection outputPath)
        implements State {

    @Override
    public String type() {
        return "Succeed";
    }
}
