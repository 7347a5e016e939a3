package dev.pixelstep.cdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;

/**
 * Resolves CloudFormation intrinsics in a template fragment to readable stand-ins, so that a
 * fragment can be compared with what it should say: {@code {"Ref": "X"}} becomes {@code "<X>"},
 * {@code {"Fn::GetAtt": ["X", "Arn"]}} becomes {@code "<X.Arn>"}, {@code Fn::Join} joins its parts.
 */
final class CloudFormationText {

    private CloudFormationText() {
    }

    /** The stand-in a {@code Ref} to {@code logicalId} resolves to. */
    static String ref(String logicalId) {
        return "<" + logicalId + ">";
    }

    /** The stand-in a {@code Fn::GetAtt} of {@code logicalId}'s {@code attribute} resolves to. */
    static String getAtt(String logicalId, String attribute) {
        return "<" + logicalId + "." + attribute + ">";
    }

    /** {@code node} with every intrinsic resolved to its stand-in. */
    static JsonNode resolve(JsonNode node) {
        if (node.isObject() && node.size() == 1) {
            String intrinsic = node.fieldNames().next();
            JsonNode argument = node.get(intrinsic);
            switch (intrinsic) {
                case "Ref":
                    return JsonNodeFactory.instance.textNode(ref(argument.asText()));
                case "Fn::GetAtt":
                    return JsonNodeFactory.instance.textNode(getAtt(argument.get(0).asText(), argument.get(1).asText()));
                case "Fn::Join": {
                    StringBuilder text = new StringBuilder();
                    String separator = argument.get(0).asText();
                    for (int i = 0; i < argument.get(1).size(); i++) {
                        text.append(i == 0 ? "" : separator).append(resolve(argument.get(1).get(i)).asText());
                    }
                    return JsonNodeFactory.instance.textNode(text.toString());
                }
                default:
                    break;
            }
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                copy.set(e.getKey(), resolve(e.getValue()));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(resolve(element)));
            return copy;
        }
        return node;
    }

    /** {@code node} resolved, as text. */
    static String text(JsonNode node) {
        return resolve(node).asText();
    }
}
