package dev.pixelstep.asl.task;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Lambda function as the engine sees it: an event in, a result out. Throwing fails the invocation the way a
 * Lambda function error does (see {@link LambdaInvokeIntegration}).
 */
@FunctionalInterface
public interface LambdaFunction {

    /**
     * Handles one event.
     *
     * @param event the invocation payload
     * @return the function's result (JSON null for none)
     * @throws Exception a function error
     */
    JsonNode invoke(JsonNode event) throws Exception;
}
