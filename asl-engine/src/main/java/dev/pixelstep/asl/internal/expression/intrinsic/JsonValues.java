package dev.pixelstep.asl.internal.expression.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import java.math.BigDecimal;
import java.util.Comparator;

/** JSON value equality where numbers compare by value ({@code 1 == 1.0}), as the intrinsic functions need. */
final class JsonValues {

    private static final Comparator<JsonNode> NUMERIC = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private JsonValues() {
    }

    static boolean equal(JsonNode a, JsonNode b) {
        return a.equals(NUMERIC, b);
    }

    /** A representative with normalised numbers, usable as a hash key consistent with {@link #equal}. */
    static JsonNode canonical(JsonNode node) {
        if (node.isNumber()) {
            BigDecimal value = node.decimalValue().stripTrailingZeros();
            return DecimalNode.valueOf(value.scale() < 0 ? value.setScale(0) : value);
        }
        if (node.isContainerNode()) {
            JsonNode copy = node.deepCopy();
            if (copy instanceof ArrayNode array) {
                for (int i = 0; i < array.size(); i++) {
                    array.set(i, canonical(array.get(i)));
                }
            } else if (copy instanceof ObjectNode object) {
                object.properties().forEach(e -> e.setValue(canonical(e.getValue())));
            }
            return copy;
        }
        return node;
    }
}
