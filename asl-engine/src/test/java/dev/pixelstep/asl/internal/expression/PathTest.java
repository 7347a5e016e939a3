package dev.pixelstep.asl.internal.expression;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pixelstep.asl.internal.json.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Paths as AWS accepts them, and malformed ones refused with a message rather than run as something else. */
class PathTest {

    private static final JsonNode DOCUMENT = Json.parse("""
            {"a": {"b]": 1, "c": [10, 20]}, "x y": 2, "list": [{"v": 1}, {"v": 2}]}""");

    @ParameterizedTest
    @ValueSource(strings = {"$.a[", "$.a]", "$[", "$]", "$.a.c[0", "$.a.c0]", "$.list[?(@.v == 1]", "$.list[?(@.v == 1))]",
            "$['a", "$.a[']']["})
    void malformedBracketsAreRefused(String text) {
        ExpressionSyntaxException e = assertThrows(ExpressionSyntaxException.class, () -> Path.parse(text));
        assertTrue(e.getMessage().startsWith("'" + text + "' is not a valid JSONPath"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"$.a['b]']", "$['x y']", "$.a.c[1]", "$.list[?(@.v == 2)].v", "$.a[\"b]\"]"})
    void bracketsInsideQuotesAndFiltersAreFine(String text) {
        JsonNode found = Path.parse(text).find(DOCUMENT);
        assertTrue(found != null && !found.isMissingNode(), text + " selects something");
    }

    @org.junit.jupiter.api.Test
    void wellFormedPathsSelectWhatAwsSelects() {
        assertEquals(Json.parse("20"), Path.parse("$.a.c[1]").find(DOCUMENT));
        assertEquals(Json.parse("[2]"), Path.parse("$.list[?(@.v == 2)].v").find(DOCUMENT));
        assertEquals(Json.parse("1"), Path.parse("$.a['b]']").find(DOCUMENT));
    }
}
