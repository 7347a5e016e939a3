package dev.pixelstep.asl.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pixelstep.asl.AslEngine;
import dev.pixelstep.asl.Execution;
import dev.pixelstep.asl.ExecutionStatus;
import dev.pixelstep.asl.StateMachine;
import dev.pixelstep.asl.definition.InvalidDefinitionException;
import dev.pixelstep.asl.error.TaskFailure;
import dev.pixelstep.asl.internal.json.Json;
import dev.pixelstep.asl.time.SimulatedTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The lambda:invoke integration: AWS's result shape, error names and causes, and load-time checks. */
class LambdaInvokeIntegrationTest {

    private static final String CALL_PROCESSOR = """
            {"StartAt": "Process", "States": {"Process": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
              "Parameters": {"FunctionName": "%s", "Payload.$": "$"}, %s "End": true}%s}}""";

    private static Execution run(LambdaInvokeIntegration lambda, String functionName, String extra, String input) {
        return run(lambda, CALL_PROCESSOR.formatted(functionName, extra, ""), input);
    }

    private static Execution run(LambdaInvokeIntegration lambda, String definition, String input) {
        SimulatedTime time = new SimulatedTime(Instant.parse("2026-01-01T00:00:00Z"));
        try (AslEngine engine = AslEngine.builder().clock(time.clock()).sleeper(time.sleeper()).random(new Random(3))
                .lambda(lambda).build()) {
            Execution execution = engine.start(StateMachine.parse(definition), Json.parse(input));
            assertTrue(execution.await(Duration.ofSeconds(20)));
            return execution;
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theResultIsWrappedLikeAwsAndThePayloadIsTheFunctionsResult() {
        LambdaInvokeIntegration lambda = LambdaInvokeIntegration.builder()
                .function("processor", event -> Json.parse("{\"processed\": " + Json.write(event) + "}")).build();
        Execution execution = run(lambda, "processor", "", "{\"key\": \"a.png\"}");
        JsonNode output = execution.output();
        assertEquals("$LATEST", output.get("ExecutedVersion").asText());
        assertEquals(Json.parse("{\"processed\": {\"key\": \"a.png\"}}"), output.get("Payload"));
        assertEquals(200, output.get("StatusCode").asInt());
        assertEquals(200, output.at("/SdkHttpMetadata/HttpStatusCode").asInt());
        String requestId = output.at("/SdkResponseMetadata/RequestId").asText();
        assertEquals(requestId, output.at("/SdkHttpMetadata/HttpHeaders/x-amzn-RequestId").asText());
        assertEquals(requestId, output.at("/SdkHttpMetadata/AllHttpHeaders/x-amzn-RequestId/0").asText());
        assertEquals("application/json", output.at("/SdkHttpMetadata/HttpHeaders/Content-Type").asText());
    }

    @Test
    void resultSelectorUsuallyPicksThePayload() {
        LambdaInvokeIntegration lambda = LambdaInvokeIntegration.builder()
                .function("processor", event -> Json.parse("{\"n\": 1}")).build();
        Execution execution = run(lambda, "processor", "\"ResultSelector\": {\"result.$\": \"$.Payload\"},"
                + " \"ResultPath\": \"$.processor\",", "{\"in\": 0}");
        assertEquals(Json.parse("{\"in\": 0, \"processor\": {\"result\": {\"n\": 1}}}"), execution.output());
    }

    @Test
    void functionNameMayBeAnArnWithAQualifier() {
        LambdaInvokeIntegration lambda = LambdaInvokeIntegration.builder()
                .function("processor", event -> Json.toNode("ok")).build();
        Execution execution = run(lambda, "arn:aws:lambda:us-east-1:123456789012:function:processor:live", "", "{}");
        assertEquals("live", execution.output().get("ExecutedVersion").asText());
        assertEquals("ok", execution.output().get("Payload").asText());
    }

    @Test
    void aFunctionExceptionSurfacesWithItsTypeAsErrorAndALambdaStyleCause() {
        LambdaInvokeIntegration lambda = LambdaInvokeIntegration.builder().function("processor", event -> {
            throw new IllegalArgumentException("unknown operation 'blurr'");
        }).build();
        Execution execution = run(lambda, "processor", "", "{}");
        assertEquals(ExecutionStatus.FAILED, execution.status());
        assertEquals("java.lang.IllegalArgumentException", execution.error());
        JsonNode cause = Json.parse(execution.cause());
        assertEquals("unknown operation 'blurr'", cause.get("errorMessage").asText());
        assertEquals("java.lang.IllegalArgumentException", cause.get("errorType").asText());
        assertTrue(cause.get("stackTrace").isArray() && cause.get("stackTrace").size() > 0);
    }

    @Test
    void aTaskFailureFromTheFunctionNamesTheErrorType() {
        LambdaInvokeIntegration lambda = LambdaInvokeIntegration.builder().function("processor", event -> {
            throw new TaskFailure("InvalidChainException", "unknown operation at position 3");
        }).build();
        Execution execution = run(lambda, CALL_PROCESSOR.formatted("processor", """
                "Catch": [{"ErrorEquals": ["InvalidChainException"], "ResultPath": "$.error", "Next": "Failed"}],""",
                ", \"Failed\": {\"Type\": \"Pass\", \"End\": true}"), "{}");
        assertEquals(ExecutionStatus.SUCCEEDED, execution.status(), execution.cause());
        assertEquals("InvalidChainException", execution.output().at("/error/Error").asText());
        JsonNode cause = Json.parse(execution.output().at("/error/Cause").asText());
        assertEquals("unknown operation at position 3", cause.get("errorMessage").asText());
    }

    @Test
    void serviceFaultsAreNamedLambdaAndCanBeRetried() {
        AtomicInteger calls = new AtomicInteger();
        LambdaInvokeIntegration lambda = LambdaInvokeIntegration.builder().function("processor", event -> {
            if (calls.incrementAndGet() < 3) {
                throw LambdaInvokeIntegration.serviceFault("TooManyRequestsException", "Rate exceeded");
            }
            return Json.toNode("finally");
        }).build();
        Execution execution = run(lambda, CALL_PROCESSOR.formatted("processor", """
                "Retry": [{"ErrorEquals": ["Lambda.ServiceException", "Lambda.AWSLambdaException",
                  "Lambda.SdkClientException", "Lambda.TooManyRequestsException"], "IntervalSeconds": 1,
                  "MaxAttempts": 3, "BackoffRate": 2, "JitterStrategy": "FULL"}],""", ""), "{}");
        assertEquals("finally", execution.output().get("Payload").asText());
        assertEquals(3, calls.get());
        assertEquals(2L, execution.history().stream().filter(e -> "Lambda.TooManyRequestsException".equals(e.error()))
                .count());
    }

    @Test
    void aFunctionNameOnlyKnownAtRunTimeThatDoesNotExistIsResourceNotFound() {
        LambdaInvokeIntegration lambda = LambdaInvokeIntegration.builder().function("a", event -> event).build();
        Execution execution = run(lambda, """
                {"StartAt": "P", "States": {"P": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                  "Parameters": {"FunctionName.$": "$.fn", "Payload": {}}, "End": true}}}""", "{\"fn\": \"b\"}");
        assertEquals("Lambda.ResourceNotFoundException", execution.error());
        assertTrue(execution.cause().contains("function:b"), execution.cause());
    }

    @Test
    void anUnknownLiteralFunctionNameFailsWhenTheEngineIsAskedToRunTheMachine() {
        LambdaInvokeIntegration lambda = LambdaInvokeIntegration.builder().function("processor", event -> event).build();
        try (AslEngine engine = AslEngine.builder().lambda(lambda).build()) {
            InvalidDefinitionException e = assertThrows(InvalidDefinitionException.class,
                    () -> engine.start(StateMachine.parse(CALL_PROCESSOR.formatted("analyser", "", "")), Json.object()));
            assertEquals("/States/Process/Resource", e.problems().get(0).pointer());
            assertTrue(e.getMessage().contains("no Lambda function named 'analyser'"), e.getMessage());
        }
    }

    @Test
    void aDirectFunctionArnResourceReturnsTheBarePayload() throws Exception {
        String arn = "arn:aws:lambda:us-east-1:123456789012:function:analyser";
        try (AslEngine engine = AslEngine.builder()
                .task(arn, LambdaInvokeIntegration.direct(event -> Json.parse("{\"bins\": 256}"))).build()) {
            Execution execution = engine.start(StateMachine.parse("""
                    {"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "%s", "End": true}}}""".formatted(arn)),
                    Json.object());
            execution.await();
            assertEquals(Json.parse("{\"bins\": 256}"), execution.output());
        }
    }
}
