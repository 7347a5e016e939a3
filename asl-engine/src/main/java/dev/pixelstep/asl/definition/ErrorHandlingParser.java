package dev.pixelstep.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pixelstep.asl.error.ErrorNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parses Retry and Catch fields, enforcing the States.ALL placement rules. */
final class ErrorHandlingParser {

    private static final Set<String> RETRIER = Set.of("ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate",
            "MaxDelaySeconds", "JitterStrategy", "Comment");
    private static final Set<String> CATCHER = Set.of("ErrorEquals", "Next", "ResultPath", "Comment");
    private static final int MAX_DELAY_SECONDS = 31_622_400;

    List<Retrier> retriers(Fields state) {
        List<Retrier> retriers = new ArrayList<>();
        List<Fields> elements = elements(state, "Retry");
        for (int i = 0; i < elements.size(); i++) {
            Fields f = elements.get(i);
            f.allowOnly("a Retrier", RETRIER, Map.of());
            List<String> errors = errorEquals(f, i == elements.size() - 1, "Retrier");
            Integer interval = f.integer("IntervalSeconds", 1, 99_999_999);
            Integer attempts = f.integer("MaxAttempts", 0, 99_999_999);
            Double backoff = f.number("BackoffRate", 1.0);
            Integer maxDelay = f.integer("MaxDelaySeconds", 1, MAX_DELAY_SECONDS);
            String jitter = f.string("JitterStrategy");
            JitterStrategy strategy = JitterStrategy.NONE;
            if (jitter != null) {
                try {
                    strategy = JitterStrategy.valueOf(jitter);
                } catch (IllegalArgumentException e) {
                    f.report("JitterStrategy", "JitterStrategy must be FULL or NONE but is '" + jitter + "'");
                }
            }
            retriers.add(new Retrier(errors, interval == null ? Retrier.DEFAULT_INTERVAL_SECONDS : interval,
                    attempts == null ? Retrier.DEFAULT_MAX_ATTEMPTS : attempts,
                    backoff == null ? Retrier.DEFAULT_BACKOFF_RATE : backoff, maxDelay, strategy));
        }
        return retriers;
    }

    List<Catcher> catchers(Fields state) {
        List<Catcher> catchers = new ArrayList<>();
        List<Fields> elements = elements(state, "Catch");
        for (int i = 0; i < elements.size(); i++) {
            Fields f = elements.get(i);
            f.allowOnly("a Catcher", CATCHER, Map.of());
            List<String> errors = errorEquals(f, i == elements.size() - 1, "Catcher");
            f.require("Next", "a Catcher");
            String next = f.nonEmptyString("Next");
            catchers.add(new Catcher(errors, next == null ? "" : next, f.resultPlacement("ResultPath")));
        }
        return catchers;
    }

    private static List<Fields> elements(Fields state, String field) {
        List<Fields> elements = new ArrayList<>();
        JsonNode array = state.get(field);
        if (array == null) {
            return elements;
        }
        if (!array.isArray()) {
            state.report(field, "'" + field + "' must be an array");
            return elements;
        }
        for (int i = 0; i < array.size(); i++) {
            String pointer = state.pointer(field) + "/" + i;
            if (array.get(i) instanceof ObjectNode element) {
                elements.add(new Fields(element, pointer, state.problems()));
            } else {
                state.problems().report(pointer, "each element of '" + field + "' must be a JSON object");
            }
        }
        return elements;
    }

    private static List<String> errorEquals(Fields f, boolean last, String what) {
        f.require("ErrorEquals", "a " + what);
        JsonNode array = f.get("ErrorEquals");
        List<String> errors = new ArrayList<>();
        if (array == null) {
            return errors;
        }
        if (!array.isArray() || array.isEmpty()) {
            f.report("ErrorEquals", "'ErrorEquals' must be a non-empty array of error names");
            return errors;
        }
        for (int i = 0; i < array.size(); i++) {
            JsonNode name = array.get(i);
            String pointer = f.pointer("ErrorEquals") + "/" + i;
            if (!name.isTextual() || name.textValue().isEmpty()) {
                f.problems().report(pointer, "an error name must be a non-empty string");
                continue;
            }
            String error = name.textValue();
            if (ErrorNames.isReserved(error) && !ErrorNames.isPredefined(error)) {
                f.problems().report(pointer, "'" + error + "' is not a predefined error name (names starting with"
                        + " 'States.' are reserved)");
            }
            if (error.equals(ErrorNames.ALL)) {
                if (array.size() != 1) {
                    f.problems().report(pointer, "States.ALL must appear alone in ErrorEquals");
                }
                if (!last) {
                    f.problems().report(pointer, "a " + what + " with States.ALL must be the last one");
                }
            }
            errors.add(error);
        }
        return errors;
    }
}
