package dev.pixelstep.asl.internal.expression.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pixelstep.asl.error.ErrorNames;
import dev.pixelstep.asl.error.StatesFailure;
import dev.pixelstep.asl.internal.json.Json;
import java.math.BigDecimal;
import java.util.List;
import java.util.Random;

/**
 * The evaluated arguments of one intrinsic function call, with typed accessors that fail the call with
 * {@code States.IntrinsicFailure} when an argument has the wrong type.
 */
public final class FunctionArguments {

    private final IntrinsicFunction function;
    private final List<Argument> arguments;
    private final List<JsonNode> values;
    private final Random random;

    FunctionArguments(IntrinsicFunction function, List<Argument> arguments, List<JsonNode> values, Random random) {
        this.function = function;
        this.arguments = arguments;
        this.values = values;
        this.random = random;
    }

    /** The number of arguments. */
    public int size() {
        return values.size();
    }

    /** The value of argument {@code index}. */
    public JsonNode value(int index) {
        return values.get(index);
    }

    /** All argument values. */
    public List<JsonNode> values() {
        return values;
    }

    /** The random source of the execution. */
    public Random random() {
        return random;
    }

    /** Argument {@code index} as a string. */
    public String string(int index) {
        JsonNode value = value(index);
        if (!value.isTextual()) {
            throw fail("argument " + (index + 1) + " must be a string but was " + Json.write(value));
        }
        return value.textValue();
    }

    /** Argument {@code index} as an array. */
    public ArrayNode array(int index) {
        if (!(value(index) instanceof ArrayNode array)) {
            throw fail("argument " + (index + 1) + " must be an array but was " + Json.write(value(index)));
        }
        return array;
    }

    /** Argument {@code index} as an object. */
    public ObjectNode object(int index) {
        if (!(value(index) instanceof ObjectNode object)) {
            throw fail("argument " + (index + 1) + " must be an object but was " + Json.write(value(index)));
        }
        return object;
    }

    /** Argument {@code index} as a number. */
    public BigDecimal number(int index) {
        JsonNode value = value(index);
        if (!value.isNumber()) {
            throw fail("argument " + (index + 1) + " must be a number but was " + Json.write(value));
        }
        return value.decimalValue();
    }

    /** Argument {@code index} as an integer (a number without a fractional part, within the long range). */
    public long integer(int index) {
        BigDecimal number = number(index);
        try {
            return number.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException e) {
            throw fail("argument " + (index + 1) + " must be an integer but was " + number.toPlainString());
        }
    }

    /** Argument {@code index} as a boolean. */
    public boolean bool(int index) {
        JsonNode value = value(index);
        if (!value.isBoolean()) {
            throw fail("argument " + (index + 1) + " must be a boolean but was " + Json.write(value));
        }
        return value.booleanValue();
    }

    /**
     * The text of argument {@code index} as a States.Format template: a string literal keeps its escapes so that
     * <code>\{</code> stays a literal brace; a string from a path is used as it is.
     */
    public String template(int index) {
        if (arguments.get(index) instanceof Argument.Literal literal && literal.value().isTextual()) {
            return literal.raw();
        }
        return string(index);
    }

    /** A {@code States.IntrinsicFailure} naming the function. */
    public StatesFailure fail(String message) {
        return new StatesFailure(ErrorNames.INTRINSIC_FAILURE, "Invalid arguments in " + function.functionName()
                + ": " + message);
    }
}
