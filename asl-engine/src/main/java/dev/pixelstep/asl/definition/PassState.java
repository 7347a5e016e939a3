package dev.pixelstep.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Pass state: passes its input (or its Result) to its output.
 *
 * @param name       the name
 * @param comment    the Comment, or null
 * @param transition Next or End
 * @param io         InputPath, Parameters, ResultPath, OutputPath
 * @param result     the Result, or null to use the effective input as the result
 */
public record PassState(String name, String comment, Transition transition, InputOutput io, JsonNode result)
        implements State {

    @Override
    public String type() {
        return "Pass";
    }
}
