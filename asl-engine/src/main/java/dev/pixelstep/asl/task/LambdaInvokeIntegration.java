package dev.pixelstep.asl.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pixelstep.asl.definition.TaskState;
import dev.pixelstep.asl.error.TaskFailure;
import dev.pixelstep.asl.internal.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Step Functions' optimised Lambda integration, {@code arn:aws:states:::lambda:invoke}, over local functions.
 *
 * <p>The Task's Parameters carry {@code FunctionName} (a name, a partial or full function ARN, optionally with a
 * {@code :qualifier}) and {@code Payload}; the result has AWS's shape:
 * {@code {"ExecutedVersion":"$LATEST","Payload":<result>,"SdkHttpMetadata":{...},"SdkResponseMetadata":{...},
 * "StatusCode":200}}. A function error surfaces as on AWS: Error is the function's errorType (the exception's
 * class name, or a {@link TaskFailure}'s error) and Cause is the JSON text
 * {@code {"errorMessage","errorType","stackTrace"}}. Service faults are named {@code Lambda.*}: an unknown
 * function is {@code Lambda.ResourceNotFoundException}, and a function may throw a {@link TaskFailure} named
 * {@code Lambda.ServiceException}, {@code Lambda.TooManyRequestsException}, ... to simulate one (its cause is kept
 * as it is). {@link #direct(LambdaFunction)} adapts a function for a plain function-ARN Resource instead, whose
 * result is the bare payload.
 */
public final class LambdaInvokeIntegration implements TaskHandler {

    /** The Resource ARN this integration is registered under. */
    public static final String RESOURCE = "arn:aws:states:::lambda:invoke";

    private static final Set<String> PARAMETERS = Set.of("FunctionName", "Payload", "Qualifier", "InvocationType",
            "LogType", "ClientContext");
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final Map<String, LambdaFunction> functions;
    private final Clock clock;

    private LambdaInvokeIntegration(Map<String, LambdaFunction> functions, Clock clock) {
        this.functions = Map.copyOf(functions);
        this.clock = clock;
    }

    /** A builder with no functions and the system clock (used only for the Date response header). */
    public static Builder builder() {
        return new Builder();
    }

    /** The registered function names. */
    public Set<String> functionNames() {
        return functions.keySet();
    }

    @Override
    public JsonNode execute(TaskInvocation invocation) throws InterruptedException {
        JsonNode parameters = invocation.input();
        if (!parameters.isObject()) {
            throw invalidParameter(invocation, "the Parameters of lambda:invoke must be an object with FunctionName");
        }
        JsonNode nameNode = parameters.get("FunctionName");
        if (nameNode == null || !nameNode.isTextual()) {
            throw invalidParameter(invocation, "FunctionName is required and must be a string");
        }
        FunctionReference reference = FunctionReference.parse(nameNode.textValue());
        String qualifier = parameters.hasNonNull("Qualifier") ? parameters.get("Qualifier").asText()
                : reference.qualifier();
        String invocationType = parameters.path("InvocationType").asText("RequestResponse");
        if (!invocationType.equals("RequestResponse")) {
            throw invalidParameter(invocation, "InvocationType '" + invocationType
                    + "' is not supported locally (only RequestResponse)");
        }
        LambdaFunction function = functions.get(reference.name());
        if (function == null) {
            throw new TaskFailure("Lambda.ResourceNotFoundException", "Function not found: arn:aws:lambda:"
                    + invocation.region() + ":" + invocation.account() + ":function:" + reference.name()
                    + (qualifier == null ? "" : ":" + qualifier) + " (Service: AWSLambda; Status Code: 404; Error Code:"
                    + " ResourceNotFoundException; Request ID: " + invocation.requestId() + "; Proxy: null)");
        }
        JsonNode payload = parameters.has("Payload") ? parameters.get("Payload") : Json.object();
        JsonNode result = invoke(function, payload);
        return response(result, qualifier == null ? "$LATEST" : qualifier, invocation.requestId());
    }

    /** Load-time check: a literal FunctionName must name a registered function. */
    @Override
    public List<String> check(TaskState state) {
        if (state.io().parameters() == null) {
            return List.of("a lambda:invoke Task needs Parameters with FunctionName (and usually Payload)");
        }
        JsonNode parameters = state.io().parameters().source();
        if (parameters.has("FunctionName.$")) {
            return List.of();
        }
        JsonNode name = parameters.get("FunctionName");
        if (name == null || !name.isTextual()) {
            return List.of("the Parameters of a lambda:invoke Task need FunctionName");
        }
        String functionName = FunctionReference.parse(name.textValue()).name();
        for (var it = parameters.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            String bare = field.endsWith(".$") ? field.substring(0, field.length() - 2) : field;
            if (!PARAMETERS.contains(bare)) {
                return List.of("lambda:invoke has no parameter '" + bare + "'; known: " + PARAMETERS);
            }
        }
        if (!functions.containsKey(functionName)) {
            return List.of("no Lambda function named '" + functionName + "' is registered; known: "
                    + functions.keySet());
        }
        return List.of();
    }

    /**
     * A Lambda service fault to throw from a function (or a wrapper around it) to simulate the Lambda service
     * failing rather than the function, e.g. {@code serviceFault("TooManyRequestsException", "Rate exceeded")}
     * surfaces as error {@code Lambda.TooManyRequestsException} with the message as its cause.
     */
    public static TaskFailure serviceFault(String exceptionName, String message) {
        return new TaskFailure("Lambda." + exceptionName, message + " (Service: AWSLambda; Error Code: "
                + exceptionName + ")");
    }

    /**
     * A handler for a plain Lambda function ARN Resource ({@code arn:aws:lambda:...:function:name}): its result is
     * the function's bare result, and errors are named as for lambda:invoke.
     */
    public static TaskHandler direct(LambdaFunction function) {
        Objects.requireNonNull(function, "function");
        return invocation -> invoke(function, invocation.input());
    }

    private static JsonNode invoke(LambdaFunction function, JsonNode payload) throws InterruptedException {
        try {
            JsonNode result = function.invoke(payload.deepCopy());
            return result == null ? NullNode.instance : result;
        } catch (TaskFailure failure) {
            if (failure.error().startsWith("Lambda.")) {
                throw failure;
            }
            throw functionError(failure.error(), failure.failureCause(), failure);
        } catch (InterruptedException interrupted) {
            throw interrupted;
        } catch (Exception | StackOverflowError | OutOfMemoryError error) {
            throw functionError(error.getClass().getName(), error.getMessage(), error);
        }
    }

    private static TaskFailure functionError(String errorType, String message, Throwable error) {
        ObjectNode cause = Json.object();
        cause.put("errorMessage", message);
        cause.put("errorType", errorType);
        ArrayNode trace = cause.putArray("stackTrace");
        for (StackTraceElement element : error.getStackTrace()) {
            trace.add(element.toString());
        }
        return new TaskFailure(errorType, Json.write(cause), error);
    }

    private JsonNode response(JsonNode payload, String version, String requestId) {
        String body = Json.write(payload);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Connection", "keep-alive");
        headers.put("Content-Length", String.valueOf(body.getBytes(StandardCharsets.UTF_8).length));
        headers.put("Content-Type", "application/json");
        headers.put("Date", HTTP_DATE.format(clock.instant()));
        headers.put("X-Amz-Executed-Version", version);
        headers.put("x-amzn-Remapped-Content-Length", "0");
        headers.put("x-amzn-RequestId", requestId);
        ObjectNode response = Json.object();
        response.put("ExecutedVersion", version);
        response.set("Payload", payload);
        ObjectNode http = response.putObject("SdkHttpMetadata");
        ObjectNode all = http.putObject("AllHttpHeaders");
        ObjectNode single = http.putObject("HttpHeaders");
        headers.forEach((name, value) -> {
            all.putArray(name).add(value);
            single.put(name, value);
        });
        http.put("HttpStatusCode", 200);
        response.putObject("SdkResponseMetadata").put("RequestId", requestId);
        response.put("StatusCode", 200);
        return response;
    }

    private static TaskFailure invalidParameter(TaskInvocation invocation, String message) {
        return new TaskFailure("Lambda.InvalidParameterValueException", message + " (Service: AWSLambda; Status Code:"
                + " 400; Error Code: InvalidParameterValueException; Request ID: " + invocation.requestId() + ")");
    }

    /** Builds a {@link LambdaInvokeIntegration}. */
    public static final class Builder {
        private final Map<String, LambdaFunction> functions = new LinkedHashMap<>();
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** Registers a function under its name (the last part of its ARN). */
        public Builder function(String name, LambdaFunction function) {
            Objects.requireNonNull(function, "function");
            if (functions.putIfAbsent(FunctionReference.parse(name).name(), function) != null) {
                throw new IllegalArgumentException("function '" + name + "' is already registered");
            }
            return this;
        }

        /** The clock for the Date response header. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The integration. */
        public LambdaInvokeIntegration build() {
            return new LambdaInvokeIntegration(functions, clock);
        }
    }
}
