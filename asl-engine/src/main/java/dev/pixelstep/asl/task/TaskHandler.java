package dev.pixelstep.asl.task;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pixelstep.asl.definition.TaskState;
import java.util.List;

/**
 * What a Task state with a given Resource ARN does, registered with the engine under that exact ARN.
 *
 * <p>A handler receives the state's effective input (after InputPath and Parameters) and returns the task's
 * result (before ResultSelector and ResultPath). To fail the task with a chosen error name, throw
 * {@link dev.pixelstep.asl.error.TaskFailure}; any other exception fails it with an error named after the
 * exception (for {@code aws-sdk:<service>:} resources {@code <Service>.<SimpleClassName>}, as Step Functions
 * names SDK errors, e.g. {@code S3.NoSuchBucketException}; otherwise the exception's class name, as Lambda's Java
 * runtime reports an errorType). Handlers may be called concurrently and should honour interruption, which is how
 * timeouts and stopped executions reach them.
 */
@FunctionalInterface
public interface TaskHandler {

    /**
     * Runs the task.
     *
     * @param invocation the effective input and the context of this attempt
     * @return the result, never Java null (use {@code NullNode} for JSON null)
     * @throws Exception any failure; see the type's documentation for how it is named
     */
    JsonNode execute(TaskInvocation invocation) throws Exception;

    /**
     * Checks a Task state that uses this handler when an engine is asked to run a definition, so that a mistake
     * visible in the definition (e.g. an unknown Lambda function name) fails at load time. The default finds
     * nothing wrong.
     *
     * @param state the Task state
     * @return problems, each a sentence naming what is wrong (empty when none)
     */
    default List<String> check(TaskState state) {
        return List.of();
    }
}
