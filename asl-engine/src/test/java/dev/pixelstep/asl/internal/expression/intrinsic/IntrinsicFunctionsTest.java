package dev.pixelstep.asl.internal.expression.intrinsic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pixelstep.asl.error.ErrorNames;
import dev.pixelstep.asl.error.StatesFailure;
import dev.pixelstep.asl.internal.expression.ExpressionSyntaxException;
import dev.pixelstep.asl.internal.expression.Scope;
import dev.pixelstep.asl.internal.expression.ValueExpression;
import dev.pixelstep.asl.internal.json.Json;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every intrinsic function, with the examples of the Step Functions documentation, and the argument parser. */
class IntrinsicFunctionsTest {

    private static final JsonNode INPUT = Json.parse("""
            {"name": "World", "n": 3, "list": [1, 2, 3, 4, 5], "dup": [1, 2, 3, 3, 3, 3, 3, 3, 4],
             "json": "{\\"number\\": 20}", "obj": {"a": 1}, "csv": "This.is+a,test=string", "splitter": ".+,=",
             "a": {"b": 1, "c": 2}, "other": {"c": 3, "d": 4}, "weird": {"x,y": "comma", "p(q)": "paren"}}""");
    private static final JsonNode CONTEXT = Json.parse("{\"Execution\": {\"Name\": \"exec-1\"}}");

    private static JsonNode eval(String expression) {
        return ValueExpression.parse(expression).evaluate(new Scope(INPUT, CONTEXT, new Random(1)));
    }

    private static void assertJson(String expected, String expression) {
        assertEquals(Json.parse(expected), eval(expression), expression);
    }

    private static StatesFailure failure(String expression) {
        return assertThrows(StatesFailure.class, () -> eval(expression), expression);
    }

    @Test
    void formatReplacesPlaceholdersWithScalarValues() {
        assertJson("\"Hello, my name is World.\"", "States.Format('Hello, my name is {}.', $.name)");
        assertJson("\"3 true null x\"", "States.Format('{} {} {} {}', $.n, true, null, 'x')");
        assertJson("\"exec-1\"", "States.Format('{}', $$.Execution.Name)");
    }

    @Test
    void formatEscapesQuotesBracesAndBackslashes() {
        assertJson("\"It's {literal} \\\\ World\"", "States.Format('It\\'s \\{literal\\} \\\\ {}', $.name)");
    }

    @Test
    void formatRejectsMismatchedPlaceholdersAndObjects() {
        assertEquals(ErrorNames.INTRINSIC_FAILURE, failure("States.Format('{} {}', 1)").error());
        assertEquals(ErrorNames.INTRINSIC_FAILURE, failure("States.Format('{}', 1, 2)").error());
        assertEquals(ErrorNames.INTRINSIC_FAILURE, failure("States.Format('{}', $.obj)").error());
    }

    @Test
    void stringToJsonAndJsonToStringRoundTrip() {
        assertJson("{\"number\": 20}", "States.StringToJson($.json)");
        assertJson("\"{\\\"a\\\":1}\"", "States.JsonToString($.obj)");
        assertJson("{\"a\": 1}", "States.StringToJson(States.JsonToString($.obj))");
        assertEquals(ErrorNames.INTRINSIC_FAILURE, failure("States.StringToJson('{not json')").error());
    }

    @Test
    void arrayBuildsAnArrayOfItsArguments() {
        assertJson("[\"Foo\", 2020, {\"a\": 1}, null, [1, 2, 3, 4, 5]]", "States.Array('Foo', 2020, $.obj, null, $.list)");
        assertJson("[]", "States.Array()");
    }

    @Test
    void arrayPartitionSplitsIntoChunks() {
        assertJson("[[1, 2], [3, 4], [5]]", "States.ArrayPartition($.list, 2)");
        assertJson("[[1, 2, 3, 4, 5]]", "States.ArrayPartition($.list, 9)");
        assertEquals(ErrorNames.INTRINSIC_FAILURE, failure("States.ArrayPartition($.list, 0)").error());
    }

    @Test
    void arrayContainsComparesJsonValues() {
        assertJson("true", "States.ArrayContains($.list, 3)");
        assertJson("true", "States.ArrayContains($.list, 3.0)");
        assertJson("false", "States.ArrayContains($.list, '3')");
    }

    @Test
    void arrayRangeIsInclusiveAndStepped() {
        assertJson("[1, 3, 5, 7, 9]", "States.ArrayRange(1, 9, 2)");
        assertJson("[10, 7, 4, 1]", "States.ArrayRange(10, 0, -3)");
        assertEquals(ErrorNames.INTRINSIC_FAILURE, failure("States.ArrayRange(1, 5, 0)").error());
        assertEquals(ErrorNames.INTRINSIC_FAILURE, failure("States.ArrayRange(0, 5000, 1)").error());
    }

    @Test
    void arrayGetItemAndArrayLength() {
        assertJson("3", "States.ArrayGetItem($.list, 2)");
        assertJson("5", "States.ArrayLength($.list)");
        assertEquals(ErrorNames.INTRINSIC_FAILURE, failure("States.ArrayGetItem($.list, 5)").error());
        assertEquals(ErrorNames.INTRINSIC_FAILURE, failure("States.ArrayLength($.obj)").error());
    }

    @Test
    void arrayUniqueKeepsFirstOccurrences() {
        assertJson("[1, 2, 3, 4]", "States.ArrayUnique($.dup)");
    }

    @Test
    void base64EncodesAndDecodesUtf8() {
        assertJson("\"RGF0YSB0byBlbmNvZGU=\"", "States.Base64Encode('Data to encode')");
        assertJson("\"Data to encode\"", "States.Base64Decode('RGF0YSB0byBlbmNvZGU=')");
        assertEquals(ErrorNames.INTRINSIC_FAILURE, failure("States.Base64Decode('***')").error());
    }

    @Test
    void hashGivesTheKnownDigestsOfEveryDocumentedAlgorithm() {
        assertJson("\"a9993e364706816aba3e25717850c26c9cd0d89d\"", "States.Hash('abc', 'SHA-1')");
        assertJson("\"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\"", "States.Hash('abc', 'SHA-256')");
        assertJson("\"cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7\"",
                "States.Hash('abc', 'SHA-384')");
        assertJson("\"ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd"
                + "454d4423643ce80e2a9ac94fa54ca49f\"", "States.Hash('abc', 'SHA-512')");
        assertJson("\"900150983cd24fb0d6963f7d28e17f72\"", "States.Hash('abc', 'MD5')");
        assertEquals(ErrorNames.INTRINSIC_FAILURE, failure("States.Hash('abc', 'SHA-3')").error());
    }

    @Test
    void jsonMergeIsShallowAndTheSecondObjectWins() {
        assertJson("{\"b\": 1, \"c\": 3, \"d\": 4}", "States.JsonMerge($.a, $.other, false)");
        assertEquals(ErrorNames.INTRINSIC_FAILURE, failure("States.JsonMerge($.a, $.other, true)").error());
    }

    @Test
    void mathRandomStaysInRangeAndIsReproducibleWithASeed() {
        for (int i = 0; i < 50; i++) {
            int value = eval("States.MathRandom(1, 10)").asInt();
            assertTrue(value >= 1 && value < 10, "in range: " + value);
        }
        assertEquals(eval("States.MathRandom(1, 1000, 7)"), eval("States.MathRandom(1, 1000, 7)"));
        assertEquals(ErrorNames.INTRINSIC_FAILURE, failure("States.MathRandom(5, 5)").error());
    }

    @Test
    void mathAddAddsIntegersAndDecimals() {
        assertJson("110", "States.MathAdd(111, -1)");
        assertJson("4", "States.MathAdd($.n, 1)");
        assertJson("1.5", "States.MathAdd(1, 0.5)");
        assertEquals(ErrorNames.INTRINSIC_FAILURE, failure("States.MathAdd('1', 1)").error());
    }

    @Test
    void mathAddRefusesArgumentsOutsideThe32BitRangeInsteadOfLosingDigits() {
        assertJson("4294967294", "States.MathAdd(2147483647, 2147483647)");
        assertJson("-2147483649", "States.MathAdd(-2147483648, -1)");
        var tooLarge = failure("States.MathAdd(9223372036854775807, 1)");
        assertEquals(ErrorNames.INTRINSIC_FAILURE, tooLarge.error());
        assertTrue(tooLarge.cause().contains("9223372036854775807") && tooLarge.cause().contains("-2147483648 to 2147483647"),
                tooLarge.cause());
        assertEquals(ErrorNames.INTRINSIC_FAILURE, failure("States.MathAdd(1, 2147483648)").error());
    }

    @Test
    void stringSplitSplitsOnEveryDelimiterCharacter() {
        assertJson("[\"1\", \"2\", \"3\", \"4\", \"5\"]", "States.StringSplit('1,2,3,4,5', ',')");
        assertJson("[\"This\", \"is\", \"a\", \"test\", \"string\"]", "States.StringSplit($.csv, $.splitter)");
    }

    @Test
    void uuidIsAVersion4Uuid() {
        Scope scope = new Scope(INPUT, CONTEXT, new Random(1));
        ValueExpression call = ValueExpression.parse("States.UUID()");
        String uuid = call.evaluate(scope).asText();
        assertTrue(uuid.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), uuid);
        assertNotEquals(uuid, call.evaluate(scope).asText());
    }

    @Test
    void nestedCallsAndPathsWithCommasAndParenthesesParse() {
        assertJson("\"comma/paren\"", "States.Format('{}/{}', $.weird['x,y'], $.weird['p(q)'])");
        assertJson("2", "States.ArrayLength(States.ArrayPartition(States.ArrayRange(1, 4, 1), 2))");
        assertJson("[2, 3]", "States.Array( $.list[1] , $.list[2] )");
        assertJson("[[3, 4, 5]]", "States.Array($.list[?(@ > 2)])");
    }

    @Test
    void aMissingPathArgumentIsAnIntrinsicFailure() {
        assertEquals(ErrorNames.INTRINSIC_FAILURE, failure("States.ArrayLength($.nothing)").error());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "States.Format('unterminated)           | unterminated string",
        "States.Format('x' 'y')                 | ',' or ')' expected",
        "States.ArrayLength($.a) extra          | unexpected text",
        "States.NoSuchThing(1)                  | unknown intrinsic function",
        "States.UUID(1)                         | takes 0 argument(s)",
        "States.MathAdd(1)                      | takes 2 argument(s)",
        "States.Array(@)                        | an argument",
        "Format('x')                            | intrinsic function name"})
    void syntaxErrorsAreReportedWithWhatWasExpected(String expression, String message) {
        ExpressionSyntaxException e = assertThrows(ExpressionSyntaxException.class,
                () -> ValueExpression.parse(expression.strip()));
        assertTrue(e.getMessage().contains(message.strip()), e.getMessage());
    }
}
