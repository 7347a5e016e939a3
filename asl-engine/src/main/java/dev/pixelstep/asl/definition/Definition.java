package dev.pixelstep.asl.definition;

/**
 * A parsed, fully validated state machine definition.
 *
 * @param graph          the top-level states
 * @param comment        the Comment, or null
 * @param version        the Version, or null
 * @param timeoutSeconds the execution's TimeoutSeconds, or null
 */
public record Definition(StateGraph graph, String comment, String version, Integer timeoutSeconds) {
}
