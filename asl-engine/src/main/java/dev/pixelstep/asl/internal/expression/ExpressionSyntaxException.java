package dev.pixelstep.asl.internal.expression;

/** A path, reference path, payload template or intrinsic function call that is not well-formed. */
public final class ExpressionSyntaxException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, naming the offending text */
    public ExpressionSyntaxException(String message) {
        super(message);
    }
}
