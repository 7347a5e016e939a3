package dev.pixelstep.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pixelstep.asl.internal.expression.ExpressionSyntaxException;
import dev.pixelstep.asl.internal.expression.JsonPointers;
import dev.pixelstep.asl.internal.expression.Path;
import dev.pixelstep.asl.internal.expression.PayloadTemplate;
import dev.pixelstep.asl.internal.expression.ReferencePath;
import dev.pixelstep.asl.internal.expression.ValueExpression;
import dev.pixelstep.asl.internal.json.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Typed, problem-reporting access to the fields of one JSON object of a definition. */
final class Fields {

    private final ObjectNode node;
    private final String pointer;
    private final Problems problems;

    Fields(ObjectNode node, String pointer, Problems problems) {
        this.node = node;
        this.pointer = pointer;
        this.problems = problems;
    }

    String pointer() {
        return pointer;
    }

    String pointer(String field) {
        return pointer + "/" + JsonPointers.escape(field);
    }

    Problems problems() {
        return problems;
    }

    void report(String field, String message) {
        problems.report(field == null ? pointer : pointer(field), message);
    }

    boolean has(String field) {
        return node.has(field);
    }

    JsonNode get(String field) {
        return node.get(field);
    }

    /** Reports every field that is unsupported (with its reason) or unknown to {@code what}. */
    void allowOnly(String what, Set<String> allowed, Map<String, String> unsupported) {
        for (Iterator<String> names = fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (unsupported.containsKey(field)) {
                report(field, unsupported.get(field));
            } else if (!allowed.contains(field)) {
                report(field, "unknown field '" + field + "' in " + what);
            }
        }
    }

    Iterator<String> fieldNames() {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names.iterator();
    }

    void require(String field, String what) {
        if (!has(field)) {
            report(null, what + " requires the field '" + field + "'");
        }
    }

    String string(String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            report(field, "'" + field + "' must be a string but is " + Json.write(value));
            return null;
        }
        return value.textValue();
    }

    String nonEmptyString(String field) {
        String value = string(field);
        if (value != null && value.isEmpty()) {
            report(field, "'" + field + "' must not be empty");
        }
        return value;
    }

    /** As {@link #longInteger}, for ranges within {@code int}. */
    Integer integer(String field, int min, int max) {
        Long value = longInteger(field, min, max);
        return value == null ? null : Math.toIntExact(value);
    }

    Long longInteger(String field, long min, long max) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < min
                || value.longValue() > max) {
            report(field, "'" + field + "' must be an integer from " + min + " to " + max + " but is "
                    + Json.write(value));
            return null;
        }
        return value.longValue();
    }

    Double number(String field, double min) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isNumber() || value.doubleValue() < min) {
            report(field, "'" + field + "' must be a number of at least " + min + " but is " + Json.write(value));
            return null;
        }
        return value.doubleValue();
    }

    Boolean bool(String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            report(field, "'" + field + "' must be true or false but is " + Json.write(value));
            return null;
        }
        return value.booleanValue();
    }

    Path path(String field) {
        String text = string(field);
        if (text == null) {
            return null;
        }
        try {
            return Path.parse(text);
        } catch (ExpressionSyntaxException e) {
            report(field, e.getMessage());
            return null;
        }
    }

    ValueExpression expression(String field) {
        String text = string(field);
        if (text == null) {
            return null;
        }
        try {
            return ValueExpression.parse(text);
        } catch (ExpressionSyntaxException e) {
            report(field, e.getMessage());
            return null;
        }
    }

    InputSelection inputSelection(String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return InputSelection.WHOLE;
        }
        if (value.isNull()) {
            return InputSelection.EMPTY;
        }
        Path path = path(field);
        return path == null ? InputSelection.WHOLE : InputSelection.of(path);
    }

    ResultPlacement resultPlacement(String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return ResultPlacement.REPLACE;
        }
        if (value.isNull()) {
            return ResultPlacement.DISCARD;
        }
        String text = string(field);
        if (text == null) {
            return ResultPlacement.REPLACE;
        }
        try {
            return ResultPlacement.at(ReferencePath.parse(text));
        } catch (ExpressionSyntaxException e) {
            report(field, e.getMessage());
            return ResultPlacement.REPLACE;
        }
    }

    PayloadTemplate template(String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            report(field, "'" + field + "' must be a JSON object but is " + Json.write(value));
            return null;
        }
        return PayloadTemplate.compile(value, pointer(field), problems);
    }

    /** A field holding an object, or null (reporting when it is something else). */
    Fields object(String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof ObjectNode object)) {
            report(field, "'" + field + "' must be a JSON object but is " + Json.write(value));
            return null;
        }
        return new Fields(object, pointer(field), problems);
    }
}
