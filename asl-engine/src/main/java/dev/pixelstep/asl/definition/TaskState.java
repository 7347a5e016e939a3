package dev.pixelstep.asl.definition;

import dev.pixelstep.asl.internal.expression.Path;

/**
 * A Task state: runs the handler registered for its Resource.
 *
 * @param name                 the name
 * @param comment              the Comment, or null
 * @param transition           Next or End
 * @param io                   every input/output processing field
 * @param resource             the Resource ARN
 * @param timeoutSeconds       TimeoutSeconds, or null
 * @param timeoutSecondsPath   TimeoutSecondsPath, or null
 * @param heartbeatSeconds     HeartbeatSeconds, or null
 * @param heartbeatSecondsPath HeartbeatSecondsPath, or null
 * @param errorHandling        Retry and Catch
 */
public record TaskState(String name, String comment, Transition transition, InputOutput io, String resource,
                        Integer timeoutSeconds, Path timeoutSecondsPath, Integer heartbeatSeconds,
                        Path heartbeatSecondsPath, ErrorHandling errorHandling) implements State {

    @Override
    public String type() {
        return "Task";
    }
}
