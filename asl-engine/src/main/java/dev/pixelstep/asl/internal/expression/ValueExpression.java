package dev.pixelstep.asl.internal.expression;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pixelstep.asl.internal.expression.intrinsic.IntrinsicParser;

/**
 * The value of a {@code ".$"} field (and of ErrorPath, CausePath and similar fields): a {@link Path} into the
 * input, a context path ({@code $$.}) or an intrinsic function call such as {@code States.Format('{}', $.x)}.
 */
public interface ValueExpression {

    /**
     * Evaluates the expression.
     *
     * @return the value, or null when a path selects nothing
     * @throws dev.pixelstep.asl.error.StatesFailure {@code States.IntrinsicFailure} when a function fails
     */
    JsonNode evaluate(Scope scope);

    /** The expression as written. */
    String text();

    /**
     * Parses a path ({@code $...} or {@code $$...}) or an intrinsic function call.
     *
     * @throws ExpressionSyntaxException when the text is neither
     */
    static ValueExpression parse(String text) {
        String trimmed = text.strip();
        if (trimmed.startsWith("$")) {
            return Path.parse(trimmed);
        }
        return IntrinsicParser.parse(trimmed);
    }
}
