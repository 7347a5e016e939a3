package dev.pixelstep.asl.internal.expression.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pixelstep.asl.internal.expression.Scope;
import dev.pixelstep.asl.internal.expression.ValueExpression;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed intrinsic function call, e.g. {@code States.Format('Hello, {}', $.name)}, ready to evaluate.
 *
 * @param text      the call as written
 * @param function  the function called
 * @param arguments its arguments, in order
 */
public record IntrinsicCall(String text, IntrinsicFunction function, List<Argument> arguments)
        implements ValueExpression {

    /** Copies the argument list. */
    public IntrinsicCall {
        arguments = List.copyOf(arguments);
    }

    @Override
    public JsonNode evaluate(Scope scope) {
        List<JsonNode> values = new ArrayList<>(arguments.size());
        for (Argument argument : arguments) {
            values.add(argument.evaluate(scope));
        }
        return function.apply(new FunctionArguments(function, arguments, values, scope.random()));
    }
}
