package dev.pixelstep.asl.internal.expression.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pixelstep.asl.error.ErrorNames;
import dev.pixelstep.asl.error.StatesFailure;
import dev.pixelstep.asl.internal.expression.Path;
import dev.pixelstep.asl.internal.expression.Scope;

/** One argument of an intrinsic function call: a literal, a path or a nested call. */
public sealed interface Argument {

    /** The argument's value in a scope. */
    JsonNode evaluate(Scope scope);

    /**
     * A literal string, number, boolean or null.
     *
     * @param value the value
     * @param raw   for string literals, the text between the quotes with its escapes kept (States.Format needs
     *              them to tell an escaped brace <code>\{</code> from a placeholder); otherwise the literal as written
     */
    record Literal(JsonNode value, String raw) implements Argument {
        @Override
        public JsonNode evaluate(Scope scope) {
            return value;
        }
    }

    /**
     * A path into the input or the context object.
     *
     * @param path the path
     */
    record PathArgument(Path path) implements Argument {
        @Override
        public JsonNode evaluate(Scope scope) {
            JsonNode value = path.select(scope);
            if (value == null) {
                throw new StatesFailure(ErrorNames.INTRINSIC_FAILURE,
                        "The JsonPath argument '" + path.text() + "' could not be found in the input");
            }
            return value;
        }
    }

    /**
     * A nested intrinsic function call.
     *
     * @param call the call
     */
    record Call(IntrinsicCall call) implements Argument {
        @Override
        public JsonNode evaluate(Scope scope) {
            return call.evaluate(scope);
        }
    }
}
