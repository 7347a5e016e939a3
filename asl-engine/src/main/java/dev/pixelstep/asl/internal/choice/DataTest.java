package dev.pixelstep.asl.internal.choice;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pixelstep.asl.error.ErrorNames;
import dev.pixelstep.asl.error.StatesFailure;
import dev.pixelstep.asl.internal.expression.Path;
import dev.pixelstep.asl.internal.expression.Scope;

/**
 * A data-test expression: a Variable, a comparator and either a literal comparand or (for {@code ...Path}
 * comparators) a path to one.
 *
 * @param variable    the Variable path
 * @param comparator  the comparator
 * @param comparand   the literal comparand, or null when {@code comparandPath} is set
 * @param comparandPath the comparand's path, or null
 * @param pattern     the compiled pattern for StringMatches, else null
 */
public record DataTest(Path variable, Comparator comparator, JsonNode comparand, Path comparandPath,
                       StringPattern pattern) implements ChoiceRule {

    @Override
    public boolean matches(Scope scope) {
        JsonNode value = variable.select(scope);
        if (value == null && comparator != Comparator.IS_PRESENT) {
            throw new StatesFailure(ErrorNames.RUNTIME, "Invalid path '" + variable.text()
                    + "': The choice state's condition path references an invalid value.");
        }
        JsonNode expected = comparand;
        if (comparandPath != null) {
            expected = comparandPath.select(scope);
            if (expected == null) {
                throw new StatesFailure(ErrorNames.RUNTIME, "Invalid path '" + comparandPath.text()
                        + "': The choice state's condition path references an invalid value.");
            }
        }
        return comparator.test(value, expected, pattern);
    }
}
