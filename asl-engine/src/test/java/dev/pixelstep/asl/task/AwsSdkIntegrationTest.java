package dev.pixelstep.asl.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pixelstep.asl.AslEngine;
import dev.pixelstep.asl.Execution;
import dev.pixelstep.asl.StateMachine;
import dev.pixelstep.asl.definition.InvalidDefinitionException;
import dev.pixelstep.asl.internal.json.Json;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** aws-sdk:* integrations are plain handlers registered by ARN; their exceptions are named like AWS names them. */
class AwsSdkIntegrationTest {

    private static final String PUT_OBJECT = "arn:aws:states:::aws-sdk:s3:putObject";
    private static final String WRITE_MANIFEST = """
            {"StartAt": "WriteManifest", "States": {"WriteManifest": {"Type": "Task", "Resource": "%s",
              "Parameters": {"Bucket.$": "$.bucket", "Key.$": "States.Format('{}/manifest.json', $.key)",
                "Body.$": "States.JsonToString($.manifest)", "ContentType": "application/json"},
              "ResultPath": null, %s "End": true}%s}}""";

    /** Stands in for the SDK's exception of the same simple name. */
    static final class NoSuchBucketException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoSuchBucketException(String message) {
            super(message);
        }
    }

    @Test
    void theHandlerReceivesTheResolvedParameters() throws Exception {
        List<JsonNode> calls = new CopyOnWriteArrayList<>();
        try (AslEngine engine = AslEngine.builder().task(PUT_OBJECT, invocation -> {
            calls.add(invocation.input());
            return Json.parse("{\"ETag\": \"\\\"abc\\\"\"}");
        }).build()) {
            Execution execution = engine.start(StateMachine.parse(WRITE_MANIFEST.formatted(PUT_OBJECT, "", "")),
                    Json.parse("{\"bucket\": \"out\", \"key\": \"cat.png\", \"manifest\": {\"status\": \"SUCCEEDED\"}}"));
            execution.await();
            assertEquals(Json.parse("""
                    {"Bucket": "out", "Key": "cat.png/manifest.json", "Body": "{\\"status\\":\\"SUCCEEDED\\"}",
                     "ContentType": "application/json"}"""), calls.get(0));
            assertEquals("out", execution.output().get("bucket").asText());
        }
    }

    @Test
    void anSdkExceptionIsNamedServiceDotExceptionName() throws Exception {
        try (AslEngine engine = AslEngine.builder().task(PUT_OBJECT, invocation -> {
            throw new NoSuchBucketException("The specified bucket does not exist");
        }).build()) {
            Execution execution = engine.start(StateMachine.parse(WRITE_MANIFEST.formatted(PUT_OBJECT, """
                    "Catch": [{"ErrorEquals": ["S3.NoSuchBucketException"], "Next": "NoBucket"}],""",
                    ", \"NoBucket\": {\"Type\": \"Pass\", \"End\": true}")),
                    Json.parse("{\"bucket\": \"gone\", \"key\": \"k\", \"manifest\": {}}"));
            execution.await();
            assertEquals("S3.NoSuchBucketException", execution.output().get("Error").asText());
            assertEquals("The specified bucket does not exist", execution.output().get("Cause").asText());
        }
    }

    @Test
    void aResourceWithoutAHandlerFailsBeforeTheExecutionStarts() {
        try (AslEngine engine = AslEngine.builder().build()) {
            InvalidDefinitionException e = assertThrows(InvalidDefinitionException.class, () -> engine.start(
                    StateMachine.parse(WRITE_MANIFEST.formatted(PUT_OBJECT, "", "")), Json.object()));
            assertTrue(e.getMessage().contains("no task handler is registered for Resource '" + PUT_OBJECT + "'"));
            assertEquals(List.of(), engine.executions());
        }
    }

    @Test
    void syncAndCallbackResourcesCannotBeRegistered() {
        assertThrows(IllegalArgumentException.class,
                () -> AslEngine.builder().task("arn:aws:states:::glue:startJobRun.sync", invocation -> invocation.input()));
        assertThrows(IllegalArgumentException.class, () -> AslEngine.builder()
                .task("arn:aws:states:::sqs:sendMessage.waitForTaskToken", invocation -> invocation.input()));
    }

    @Test
    void resourceArnsSplitLikeTaskEvents() {
        assertEquals(new ResourceArn(PUT_OBJECT, "aws-sdk:s3", "putObject"), ResourceArn.of(PUT_OBJECT));
        assertEquals("S3", ResourceArn.of(PUT_OBJECT).sdkServiceErrorPrefix());
        assertEquals(new ResourceArn(LambdaInvokeIntegration.RESOURCE, "lambda", "invoke"),
                ResourceArn.of(LambdaInvokeIntegration.RESOURCE));
        assertEquals("DynamoDB.ConditionalCheckFailedException",
                ResourceArn.of("arn:aws:states:::aws-sdk:dynamoDB:putItem").errorNameFor(new ConditionalCheckFailedException()));
    }

    /** Stands in for an SDK exception. */
    static final class ConditionalCheckFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }
}
