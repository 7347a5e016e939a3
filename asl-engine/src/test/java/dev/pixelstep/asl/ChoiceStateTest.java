package dev.pixelstep.asl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pixelstep.asl.error.ErrorNames;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Choice states: the specification's example and every comparison operator. */
class ChoiceStateTest {

    private static final String SPEC_EXAMPLE = """
            {"StartAt": "ChoiceStateX", "States": {
              "ChoiceStateX": {"Type": "Choice", "Choices": [
                {"Not": {"Variable": "$.type", "StringEquals": "Private"}, "Next": "Public"},
                {"And": [{"Variable": "$.value", "IsPresent": true}, {"Variable": "$.value", "IsNumeric": true},
                  {"Variable": "$.value", "NumericGreaterThanEquals": 20}, {"Variable": "$.value", "NumericLessThan": 30}],
                 "Next": "ValueInTwenties"},
                {"Variable": "$.rating", "NumericGreaterThanPath": "$.auditThreshold", "Next": "StartAudit"}],
               "Default": "RecordEvent"},
              "Public": {"Type": "Pass", "Result": "Public", "End": true},
              "ValueInTwenties": {"Type": "Pass", "Result": "ValueInTwenties", "End": true},
              "StartAudit": {"Type": "Pass", "Result": "StartAudit", "End": true},
              "RecordEvent": {"Type": "Pass", "Result": "RecordEvent", "End": true}}}""";

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"type\": \"Public\"}                                         | Public",
        "{\"type\": \"Private\", \"value\": 25}                         | ValueInTwenties",
        "{\"type\": \"Private\", \"value\": 35, \"rating\": 60, \"auditThreshold\": 50} | StartAudit",
        "{\"type\": \"Private\", \"value\": \"25\", \"rating\": 10, \"auditThreshold\": 50} | RecordEvent"})
    void specExampleWithAndNotAndPathComparison(String input, String expected) {
        try (Fixture f = new Fixture()) {
            assertEquals(expected, f.output(SPEC_EXAMPLE, input).asText());
        }
    }

    private static String oneRule(String rule) {
        return """
                {"StartAt": "C", "States": {
                  "C": {"Type": "Choice", "Choices": [{%s, "Next": "Yes"}], "Default": "No"},
                  "Yes": {"Type": "Pass", "Result": true, "End": true},
                  "No": {"Type": "Pass", "Result": false, "End": true}}}""".formatted(rule);
    }

    @ParameterizedTest(name = "{0} {1} against {2}: {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "StringEquals              | `\"abc\"`                 | `\"abc\"`                  | true",
        "StringEquals              | `\"abc\"`                 | `\"abd\"`                  | false",
        "StringEquals              | `\"1\"`                   | `1`                        | false",
        "StringLessThan            | `\"b\"`                   | `\"a\"`                    | true",
        "StringLessThan            | `\"b\"`                   | `\"b\"`                    | false",
        "StringGreaterThan         | `\"b\"`                   | `\"c\"`                    | true",
        "StringLessThanEquals      | `\"b\"`                   | `\"b\"`                    | true",
        "StringGreaterThanEquals   | `\"b\"`                   | `\"a\"`                    | false",
        "StringMatches             | `\"log-*.txt\"`           | `\"log-2024-01.txt\"`      | true",
        "StringMatches             | `\"log-*.txt\"`           | `\"log-2024-01.csv\"`      | false",
        "StringMatches             | `\"*\"`                   | `\"\"`                     | true",
        "StringMatches             | `\"a\\\\*b\"`             | `\"a*b\"`                  | true",
        "StringMatches             | `\"a\\\\*b\"`             | `\"axb\"`                  | false",
        "StringMatches             | `\"back\\\\\\\\slash\"`   | `\"back\\\\slash\"`        | true",
        "NumericEquals             | `5`                       | `5.0`                      | true",
        "NumericEquals             | `5`                       | `\"5\"`                    | false",
        "NumericLessThan           | `5`                       | `4.99`                     | true",
        "NumericGreaterThan        | `5`                       | `5`                        | false",
        "NumericLessThanEquals     | `5`                       | `5`                        | true",
        "NumericGreaterThanEquals  | `-1.5`                    | `-1`                       | true",
        "BooleanEquals             | `true`                    | `true`                     | true",
        "BooleanEquals             | `false`                   | `true`                     | false",
        "BooleanEquals             | `true`                    | `\"true\"`                 | false",
        "TimestampEquals           | `\"2016-08-18T17:33:00Z\"` | `\"2016-08-18T19:33:00+02:00\"` | true",
        "TimestampLessThan         | `\"2016-08-18T17:33:00Z\"` | `\"2016-08-18T17:32:59Z\"` | true",
        "TimestampGreaterThan      | `\"2016-08-18T17:33:00Z\"` | `\"2016-08-18T17:33:00.5Z\"` | true",
        "TimestampLessThanEquals   | `\"2016-08-18T17:33:00Z\"` | `\"2016-08-18T17:33:00Z\"` | true",
        "TimestampGreaterThanEquals| `\"2016-08-18T17:33:00Z\"` | `\"2016-08-17T17:33:00Z\"` | false",
        "TimestampEquals           | `\"2016-08-18T17:33:00Z\"` | `\"not a time\"`           | false",
        "IsNull                    | `true`                    | `null`                     | true",
        "IsNull                    | `false`                   | `0`                        | true",
        "IsNumeric                 | `true`                    | `1.5`                      | true",
        "IsNumeric                 | `true`                    | `\"1.5\"`                  | false",
        "IsString                  | `true`                    | `\"s\"`                    | true",
        "IsBoolean                 | `true`                    | `false`                    | true",
        "IsBoolean                 | `false`                   | `\"false\"`                | true",
        "IsTimestamp               | `true`                    | `\"2016-08-18T17:33:00Z\"` | true",
        "IsTimestamp               | `true`                    | `\"2016-08-18t17:33:00z\"` | false",
        "IsPresent                 | `true`                    | `null`                     | true"})
    void comparisonOperators(String operator, String comparand, String value, boolean expected) {
        try (Fixture f = new Fixture()) {
            String definition = oneRule("\"Variable\": \"$.v\", \"" + operator + "\": " + comparand);
            assertEquals(expected, f.output(definition, "{\"v\": " + value + "}").asBoolean());
        }
    }

    @ParameterizedTest(name = "{0}Path")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "StringEquals              | `\"x\"`  | `\"x\"`  | true",
        "StringLessThan            | `\"a\"`  | `\"b\"`  | true",
        "StringGreaterThan         | `\"a\"`  | `\"b\"`  | false",
        "StringLessThanEquals      | `\"b\"`  | `\"b\"`  | true",
        "StringGreaterThanEquals   | `\"c\"`  | `\"b\"`  | true",
        "NumericEquals             | `2`      | `2.0`    | true",
        "NumericLessThan           | `1`      | `2`      | true",
        "NumericGreaterThan        | `1`      | `2`      | false",
        "NumericLessThanEquals     | `3`      | `2`      | false",
        "NumericGreaterThanEquals  | `2`      | `2`      | true",
        "BooleanEquals             | `true`   | `true`   | true",
        "TimestampEquals           | `\"2020-01-01T00:00:00Z\"` | `\"2020-01-01T00:00:00Z\"` | true",
        "TimestampLessThan         | `\"2020-01-01T00:00:00Z\"` | `\"2021-01-01T00:00:00Z\"` | true",
        "TimestampGreaterThan      | `\"2020-01-01T00:00:00Z\"` | `\"2021-01-01T00:00:00Z\"` | false",
        "TimestampLessThanEquals   | `\"2020-01-01T00:00:00Z\"` | `\"2020-01-01T00:00:00Z\"` | true",
        "TimestampGreaterThanEquals| `\"2022-01-01T00:00:00Z\"` | `\"2021-01-01T00:00:00Z\"` | true"})
    void pathVariantsCompareWithAnotherValueOfTheInput(String operator, String value, String other, boolean expected) {
        try (Fixture f = new Fixture()) {
            String definition = oneRule("\"Variable\": \"$.v\", \"" + operator + "Path\": \"$.other\"");
            assertEquals(expected, f.output(definition, "{\"v\": " + value + ", \"other\": " + other + "}").asBoolean());
        }
    }

    @Test
    void isPresentFalseMatchesAMissingVariable() {
        try (Fixture f = new Fixture()) {
            assertEquals(true, f.output(oneRule("\"Variable\": \"$.missing\", \"IsPresent\": false"), "{}").asBoolean());
        }
    }

    @Test
    void orMatchesWhenAnyRuleMatches() {
        try (Fixture f = new Fixture()) {
            String definition = oneRule("""
                    "Or": [{"Variable": "$.a", "NumericEquals": 1}, {"Variable": "$.b", "StringEquals": "x"}]""");
            assertEquals(true, f.output(definition, "{\"a\": 0, \"b\": \"x\"}").asBoolean());
            assertEquals(false, f.output(definition, "{\"a\": 0, \"b\": \"y\"}").asBoolean());
        }
    }

    @Test
    void theFirstMatchingRuleWins() {
        try (Fixture f = new Fixture()) {
            String definition = """
                    {"StartAt": "C", "States": {
                      "C": {"Type": "Choice", "Choices": [
                        {"Variable": "$.n", "NumericGreaterThan": 1, "Next": "First"},
                        {"Variable": "$.n", "NumericGreaterThan": 0, "Next": "Second"}]},
                      "First": {"Type": "Pass", "Result": "first", "End": true},
                      "Second": {"Type": "Pass", "Result": "second", "End": true}}}""";
            assertEquals("first", f.output(definition, "{\"n\": 5}").asText());
            assertEquals("second", f.output(definition, "{\"n\": 1}").asText());
        }
    }

    @Test
    void noMatchWithoutDefaultFailsWithNoChoiceMatched() {
        try (Fixture f = new Fixture()) {
            Execution execution = f.run("""
                    {"StartAt": "C", "States": {
                      "C": {"Type": "Choice", "Choices": [{"Variable": "$.n", "NumericEquals": 1, "Next": "One"}]},
                      "One": {"Type": "Succeed"}}}""", "{\"n\": 2}");
            assertEquals(ErrorNames.NO_CHOICE_MATCHED, execution.error());
        }
    }

    @Test
    void aMissingVariableFailsWithStatesRuntime() {
        try (Fixture f = new Fixture()) {
            Execution execution = f.run(oneRule("\"Variable\": \"$.missing\", \"StringEquals\": \"x\""), "{}");
            assertEquals(ErrorNames.RUNTIME, execution.error());
        }
    }

    @Test
    void choiceAppliesInputPathAndOutputPathAndPassesItsInputOn() {
        try (Fixture f = new Fixture()) {
            String definition = """
                    {"StartAt": "C", "States": {
                      "C": {"Type": "Choice", "InputPath": "$.inner", "OutputPath": "$.keep",
                        "Choices": [{"Variable": "$.flag", "BooleanEquals": true, "Next": "Done"}]},
                      "Done": {"Type": "Pass", "End": true}}}""";
            assertEquals(Fixture.json("{'k': 1}"),
                    f.output(definition, "{\"inner\": {\"flag\": true, \"keep\": {\"k\": 1}}}"));
        }
    }
}
