package dev.pixelstep.asl.internal.expression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pixelstep.asl.error.ErrorNames;
import dev.pixelstep.asl.error.StatesFailure;
import dev.pixelstep.asl.internal.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A compiled payload template (the value of Parameters, ItemSelector or ResultSelector): JSON in which every
 * field whose name ends in {@code .$} is replaced, under the name without the suffix, by the value of its path,
 * context path or intrinsic function call. Expressions are parsed when the template is compiled.
 */
public final class PayloadTemplate {

    private final JsonNode source;
    private final Node root;

    private PayloadTemplate(JsonNode source, Node root) {
        this.source = source;
        this.root = root;
    }

    /**
     * Compiles a template, reporting every malformed {@code .$} field to {@code problems}.
     *
     * @param template the template JSON
     * @param pointer  the JSON pointer of the template in the definition (for problem reports)
     * @param problems where problems go
     * @return the template; when problems were reported it must not be used
     */
    public static PayloadTemplate compile(JsonNode template, String pointer, ProblemSink problems) {
        return new PayloadTemplate(template.deepCopy(), compileNode(template, pointer, problems));
    }

    /** The template as written in the definition. */
    public JsonNode source() {
        return source.deepCopy();
    }

    /**
     * Evaluates the template.
     *
     * @throws StatesFailure {@code States.ParameterPathFailure} when a path selects nothing,
     *                       {@code States.IntrinsicFailure} when a function fails
     */
    public JsonNode evaluate(Scope scope) {
        return root.evaluate(scope);
    }

    private static Node compileNode(JsonNode node, String pointer, ProblemSink problems) {
        if (node instanceof ObjectNode object) {
            Map<String, Node> fields = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                String name = field.getKey();
                String fieldPointer = pointer + "/" + JsonPointers.escape(name);
                Node compiled;
                if (name.endsWith(".$")) {
                    name = name.substring(0, name.length() - 2);
                    compiled = compileExpression(field.getValue(), fieldPointer, problems);
                } else {
                    compiled = compileNode(field.getValue(), fieldPointer, problems);
                }
                if (fields.put(name, compiled) != null) {
                    problems.report(fieldPointer, "the field '" + name + "' is defined twice (with and without .$)");
                }
            }
            return new ObjectTemplate(fields);
        }
        if (node instanceof ArrayNode array) {
            List<Node> items = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                items.add(compileNode(array.get(i), pointer + "/" + i, problems));
            }
            return new ArrayTemplate(items);
        }
        return new Constant(node);
    }

    private static Node compileExpression(JsonNode value, String pointer, ProblemSink problems) {
        if (!value.isTextual()) {
            problems.report(pointer, "a field ending in .$ must hold a path or an intrinsic function call, not "
                    + Json.write(value));
            return new Constant(value);
        }
        try {
            return new Dynamic(ValueExpression.parse(value.textValue()), pointer.substring(pointer.lastIndexOf('/') + 1));
        } catch (ExpressionSyntaxException e) {
            problems.report(pointer, e.getMessage());
            return new Constant(value);
        }
    }

    private interface Node {
        JsonNode evaluate(Scope scope);
    }

    private record Constant(JsonNode value) implements Node {
        @Override
        public JsonNode evaluate(Scope scope) {
            return value;
        }
    }

    private record ObjectTemplate(Map<String, Node> fields) implements Node {
        @Override
        public JsonNode evaluate(Scope scope) {
            ObjectNode result = Json.object();
            fields.forEach((name, node) -> result.set(name, node.evaluate(scope)));
            return result;
        }
    }

    private record ArrayTemplate(List<Node> items) implements Node {
        @Override
        public JsonNode evaluate(Scope scope) {
            ArrayNode result = Json.mapper().createArrayNode();
            items.forEach(item -> result.add(item.evaluate(scope)));
            return result;
        }
    }

    private record Dynamic(ValueExpression expression, String fieldName) implements Node {
        @Override
        public JsonNode evaluate(Scope scope) {
            JsonNode value = expression.evaluate(scope);
            if (value == null) {
                throw new StatesFailure(ErrorNames.PARAMETER_PATH_FAILURE, "The JSONPath '" + expression.text()
                        + "' specified for the field '" + JsonPointers.unescape(fieldName)
                        + "' could not be found in the input " + Json.write(scope.input()));
            }
            return value;
        }
    }
}
