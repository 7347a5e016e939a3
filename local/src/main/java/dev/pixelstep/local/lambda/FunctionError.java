package dev.pixelstep.local.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * A function invocation that ended in an error, described the way AWS Lambda's Java runtime
 * describes it: {@code errorType} is the exception's class name (what Step Functions matches in
 * {@code ErrorEquals}), and {@link #payload()} is the JSON error document that becomes the Cause.
 */
public final class FunctionError extends Exception {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String errorType;
    private final List<String> stackTrace;

    public FunctionError(String errorType, String errorMessage, List<String> stackTrace) {
        super(errorMessage);
        this.errorType = errorType;
        this.stackTrace = List.copyOf(stackTrace);
    }

    /** The error a thrown exception gives, as Lambda reports it. */
    static FunctionError of(Throwable thrown) {
        List<String> trace = java.util.Arrays.stream(thrown.getStackTrace()).limit(50).map(StackTraceElement::toString).toList();
        return new FunctionError(thrown.getClass().getName(), String.valueOf(thrown.getMessage()), trace);
    }

    /** The exception's class name, e.g. {@code dev.pixelstep.functions.error.UnsupportedImageException}. */
    public String errorType() {
        return errorType;
    }

    /** The message a person reads. */
    public String errorMessage() {
        return getMessage();
    }

    /** {@code {"errorMessage": ..., "errorType": ..., "stackTrace": [...]}}, as Lambda writes it. */
    public String payload() {
        ObjectNode node = JSON.createObjectNode();
        node.put("errorMessage", getMessage());
        node.put("errorType", errorType);
        ArrayNode trace = node.putArray("stackTrace");
        stackTrace.forEach(trace::add);
        return node.toString();
    }
}
