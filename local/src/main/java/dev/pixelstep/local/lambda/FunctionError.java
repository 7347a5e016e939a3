package dev.pixelstep.local.lambda;

import java.util.Objects;

/**
 * A function invocation that ended in an error, described the way AWS Lambda's Java runtime
 * describes it: {@code errorType} is the exception's class name (what Step Functions matches in
 * {@code ErrorEquals}) and the message is what a person reads.
 */
public final class FunctionError extends Exception {

    private static final long serialVersionUID = 1L;

    private final String errorType;

    public FunctionError(String errorType, String errorMessage, Throwable thrown) {
        super(errorMessage, thrown);
        this.errorType = Objects.requireNonNull(errorType, "errorType");
    }

    /** The error a thrown exception gives, as Lambda reports it. */
    static FunctionError of(Throwable thrown) {
        return new FunctionError(thrown.getClass().getName(), String.valueOf(thrown.getMessage()), thrown);
    }

    /** The exception's class name, e.g. {@code dev.pixelstep.functions.error.UnsupportedImageException}. */
    public String errorType() {
        return errorType;
    }

    /** The message a person reads. */
    public String errorMessage() {
        return getMessage();
    }
}
