package dev.pixelstep.asl.internal.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import dev.pixelstep.asl.error.ErrorNames;
import dev.pixelstep.asl.error.StatesFailure;
import dev.pixelstep.asl.internal.json.Json;
import org.junit.jupiter.api.Test;

class ReferencePathTest {

    @Test
    void setPlacesValuesInObjectsAndArraysWithoutChangingTheOriginal() {
        JsonNode document = Json.parse("{\"a\": [{\"b\": 1}, {\"b\": 2}], \"c\": {}}");
        assertEquals(Json.parse("{\"a\": [{\"b\": 1}, {\"b\": 9}], \"c\": {}}"),
                ReferencePath.parse("$.a[1].b").set(document, IntNode.valueOf(9)));
        assertEquals(Json.parse("{\"a\": [{\"b\": 1}, {\"b\": 2}], \"c\": {\"x y\": 3}}"),
                ReferencePath.parse("$.c['x y']").set(document, IntNode.valueOf(3)));
        assertEquals(Json.parse("{\"a\": [{\"b\": 1}, {\"b\": 2}], \"c\": {}}"), document);
    }

    @Test
    void anIndexOutsideTheArrayIsAResultPathMatchFailure() {
        StatesFailure failure = assertThrows(StatesFailure.class,
                () -> ReferencePath.parse("$.a[5]").set(Json.parse("{\"a\": []}"), IntNode.valueOf(1)));
        assertEquals(ErrorNames.RESULT_PATH_MATCH_FAILURE, failure.error());
    }

    @Test
    void onlyDefinitePathsAreReferencePaths() {
        for (String text : new String[] {"$..a", "$.a[*]", "$.a[?(@.b)]", "a.b", "$$.Execution", "$.a[1:2]"}) {
            assertThrows(ExpressionSyntaxException.class, () -> ReferencePath.parse(text), text);
        }
    }

    @Test
    void whatIsSetAtAPathIsFoundAtThatPath() {
        qt().forAll(lists().of(strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 6)).ofSizeBetween(1, 5),
                        integers().all())
                .checkAssert((names, value) -> {
                    String path = "$." + String.join(".", names);
                    JsonNode document = ReferencePath.parse(path).set(Json.object(), IntNode.valueOf(value));
                    assertEquals(IntNode.valueOf(value), Path.parse(path).find(document));
                });
    }
}
