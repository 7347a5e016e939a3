package dev.pixelstep.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pixelstep.asl.internal.choice.ChoiceRule;
import dev.pixelstep.asl.internal.choice.Comparator;
import dev.pixelstep.asl.internal.choice.DataTest;
import dev.pixelstep.asl.internal.choice.StringPattern;
import dev.pixelstep.asl.internal.expression.Path;
import dev.pixelstep.asl.internal.json.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** Parses Choice rules: data-test expressions and And/Or/Not combinations. */
final class ChoiceRuleParser {

    /** A top-level rule, which carries Next. Null when it is broken (reported). */
    ChoiceState.Choice topLevel(Fields f) {
        f.require("Next", "a top-level Choice rule");
        String next = f.nonEmptyString("Next");
        ChoiceRule rule = rule(f, true);
        return rule == null || next == null ? null : new ChoiceState.Choice(rule, next);
    }

    private ChoiceRule rule(Fields f, boolean topLevel) {
        if (!topLevel && f.has("Next")) {
            f.report("Next", "only top-level Choice rules may have 'Next'");
        }
        List<String> operators = new ArrayList<>();
        List<String> comparators = new ArrayList<>();
        for (Iterator<String> names = fieldNames(f); names.hasNext(); ) {
            String name = names.next();
            switch (name) {
                case "And", "Or", "Not" -> operators.add(name);
                case "Variable", "Next", "Comment" -> { }
                default -> {
                    if (comparator(name).isPresent()) {
                        comparators.add(name);
                    } else {
                        f.report(name, "unknown field '" + name + "' in a Choice rule");
                    }
                }
            }
        }
        if (!operators.isEmpty()) {
            if (operators.size() > 1 || !comparators.isEmpty() || f.has("Variable")) {
                f.report(null, "a Choice rule has exactly one of And, Or, Not or a Variable with one comparison");
                return null;
            }
            return combination(f, operators.get(0));
        }
        f.require("Variable", "a Choice data-test rule");
        Path variable = f.path("Variable");
        if (comparators.size() != 1) {
            f.report(null, "a Choice data-test rule needs exactly one comparison operator but has "
                    + (comparators.isEmpty() ? "none" : String.join(", ", comparators)));
            return null;
        }
        return variable == null ? null : dataTest(f, variable, comparators.get(0));
    }

    private ChoiceRule combination(Fields f, String operator) {
        JsonNode value = f.get(operator);
        if (operator.equals("Not")) {
            if (!(value instanceof ObjectNode)) {
                f.report(operator, "'Not' must hold one Choice rule object");
                return null;
            }
            ChoiceRule inner = rule(f.object("Not"), false);
            return inner == null ? null : new ChoiceRule.Not(inner);
        }
        if (!value.isArray() || value.isEmpty()) {
            f.report(operator, "'" + operator + "' must be a non-empty array of Choice rules");
            return null;
        }
        List<ChoiceRule> rules = new ArrayList<>();
        boolean broken = false;
        for (int i = 0; i < value.size(); i++) {
            String pointer = f.pointer(operator) + "/" + i;
            if (!(value.get(i) instanceof ObjectNode element)) {
                f.problems().report(pointer, "a Choice rule must be a JSON object");
                broken = true;
                continue;
            }
            ChoiceRule rule = rule(new Fields(element, pointer, f.problems()), false);
            broken |= rule == null;
            rules.add(rule);
        }
        if (broken) {
            return null;
        }
        return operator.equals("And") ? new ChoiceRule.And(rules) : new ChoiceRule.Or(rules);
    }

    private ChoiceRule dataTest(Fields f, Path variable, String field) {
        Comparator comparator = comparator(field).orElseThrow();
        JsonNode value = f.get(field);
        if (!field.equals(comparator.fieldName())) {
            Path path = f.path(field);
            return path == null ? null : new DataTest(variable, comparator, null, path, null);
        }
        if (!comparator.acceptsComparand(value)) {
            f.report(field, field + " needs " + expected(comparator) + " but has " + Json.write(value));
            return null;
        }
        StringPattern pattern = null;
        if (comparator == Comparator.STRING_MATCHES) {
            try {
                pattern = StringPattern.compile(value.textValue());
            } catch (IllegalArgumentException e) {
                f.report(field, e.getMessage());
                return null;
            }
        }
        return new DataTest(variable, comparator, value.deepCopy(), null, pattern);
    }

    private static String expected(Comparator comparator) {
        return switch (comparator.kind()) {
            case STRING -> "a string";
            case NUMERIC -> "a number";
            case BOOLEAN, TYPE_TEST -> "true or false";
            case TIMESTAMP -> "an RFC 3339 timestamp string such as 2016-08-18T17:33:00Z";
        };
    }

    private static Optional<Comparator> comparator(String field) {
        Optional<Comparator> exact = Comparator.byFieldName(field);
        if (exact.isPresent()) {
            return exact;
        }
        if (field.endsWith("Path")) {
            return Comparator.byFieldName(field.substring(0, field.length() - 4)).filter(Comparator::hasPathVariant);
        }
        return Optional.empty();
    }

    private static Iterator<String> fieldNames(Fields f) {
        return f.fieldNames();
    }
}
