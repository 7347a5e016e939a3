package dev.pixelstep.asl.definition;

import dev.pixelstep.asl.internal.expression.ValueExpression;

/**
 * A Fail state: ends the execution (or its branch) with an error. Error and ErrorPath (likewise Cause and
 * CausePath) are mutually exclusive.
 *
 * @param name      the name
 * @param comment   the Comment, or null
 * @param error     Error, or null
 * @param cause     Cause, or null
 * @param errorPath ErrorPath (a path or an intrinsic function), or null
 * @param causePath CausePath (a path or an intrinsic function), or null
 */
public record FailState(String name, String comment, String error, String cause, ValueExpression errorPath,
                        ValueExpression causePath) implements State {

    @Override
    public String type() {
        return "Fail";
    }
}
