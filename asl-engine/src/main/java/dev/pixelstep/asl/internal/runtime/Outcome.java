package dev.pixelstep.asl.internal.runtime;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a state produced and where the execution goes next.
 *
 * @param output the state's output
 * @param next   the next state's name, or null when the graph ends
 */
record Outcome(JsonNode output, String next) {
}
