package dev.pixelstep.asl;

import static dev.pixelstep.asl.Fixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import dev.pixelstep.asl.error.ErrorNames;
import dev.pixelstep.asl.internal.json.Json;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** One test per rule of the specification's input and output processing, with its own examples where it has them. */
class InputOutputProcessingTest {

    private static final String ADD = "arn:aws:lambda:us-east-1:123456789012:function:Add";

    private static JsonNode add(JsonNode numbers) {
        return IntNode.valueOf(numbers.get("val1").asInt() + numbers.get("val2").asInt());
    }

    @Test
    void specExampleInputPathSelectsTheTaskInputAndResultPathPlacesTheResultInTheRawInput() {
        try (Fixture f = new Fixture().task(ADD, invocation -> add(invocation.input()))) {
            JsonNode output = f.output("""
                    {"StartAt": "X", "States": {"X": {"Type": "Task", "Resource": "%s",
                      "InputPath": "$.numbers", "ResultPath": "$.sum", "End": true}}}""".formatted(ADD),
                    "{\"title\": \"Numbers to add\", \"numbers\": {\"val1\": 3, \"val2\": 4}}");
            assertEquals(json("{'title': 'Numbers to add', 'numbers': {'val1': 3, 'val2': 4}, 'sum': 7}"), output);
        }
    }

    @Test
    void inputPathResultPathAndOutputPathTogether() {
        List<JsonNode> taskInputs = new CopyOnWriteArrayList<>();
        try (Fixture f = new Fixture().task(ADD, invocation -> {
            taskInputs.add(invocation.input());
            return Json.toNode("Hello, " + invocation.input().get("who").asText() + "!");
        })) {
            JsonNode output = f.output("""
                    {"StartAt": "X", "States": {"X": {"Type": "Task", "Resource": "%s", "InputPath": "$.lambda",
                      "ResultPath": "$.data.result", "OutputPath": "$.data", "End": true}}}""".formatted(ADD), """
                    {"comment": "An input comment.", "data": {"val1": 23, "val2": 17}, "extra": "foo",
                     "lambda": {"who": "AWS Step Functions"}}""");
            assertEquals(json("{'who': 'AWS Step Functions'}"), taskInputs.get(0));
            assertEquals(json("{'val1': 23, 'val2': 17, 'result': 'Hello, AWS Step Functions!'}"), output);
        }
    }

    @Test
    void specExampleParametersWithPathFields() {
        try (Fixture f = new Fixture()) {
            JsonNode output = f.output("""
                    {"StartAt": "X", "States": {"X": {"Type": "Pass", "End": true, "Parameters": {
                      "flagged": true, "parts": {"first.$": "$.vals[0]", "last3.$": "$.vals[-3:]"}}}}}""",
                    "{\"flagged\": 7, \"vals\": [0, 10, 20, 30, 40, 50]}");
            assertEquals(json("{'flagged': true, 'parts': {'first': 0, 'last3': [30, 40, 50]}}"), output);
        }
    }

    @Test
    void parametersReachTheContextObjectWithDoubleDollarPaths() {
        try (Fixture f = new Fixture()) {
            StateMachine machine = StateMachine.parse("Orders", """
                    {"StartAt": "Describe", "States": {"Describe": {"Type": "Pass", "End": true, "Parameters": {
                      "id.$": "$$.Execution.Id", "name.$": "$$.Execution.Name", "input.$": "$$.Execution.Input",
                      "started.$": "$$.Execution.StartTime", "machine.$": "$$.StateMachine.Id",
                      "machineName.$": "$$.StateMachine.Name", "state.$": "$$.State.Name",
                      "entered.$": "$$.State.EnteredTime", "retries.$": "$$.State.RetryCount"}}}}""");
            Execution execution = f.engine().start(machine, "order-1", Json.parse("{\"n\": 1}"));
            awaitQuietly(execution);
            assertEquals(json("""
                    {'id': 'arn:aws:states:us-east-1:123456789012:execution:Orders:order-1', 'name': 'order-1',
                     'input': {'n': 1}, 'started': '2026-01-01T12:00:00.000Z',
                     'machine': 'arn:aws:states:us-east-1:123456789012:stateMachine:Orders', 'machineName': 'Orders',
                     'state': 'Describe', 'entered': '2026-01-01T12:00:00.000Z', 'retries': 0}"""),
                    execution.output());
        }
    }

    @Test
    void parametersCallIntrinsicFunctions() {
        try (Fixture f = new Fixture()) {
            JsonNode output = f.output("""
                    {"StartAt": "X", "States": {"X": {"Type": "Pass", "End": true, "Parameters": {
                      "greeting.$": "States.Format('Hello, {}!', $.name)", "list": [{"len.$": "States.ArrayLength($.xs)"}]}}}}""",
                    "{\"name\": \"World\", \"xs\": [1, 2, 3]}");
            assertEquals(json("{'greeting': 'Hello, World!', 'list': [{'len': 3}]}"), output);
        }
    }

    @Test
    void specExampleResultSelectorPicksFromTheResultBeforeResultPath() {
        String emr = "arn:aws:states:::aws-sdk:emr:runJobFlow";
        try (Fixture f = new Fixture().task(emr, invocation -> json("""
                {'resourceType': 'elasticmapreduce', 'resource': 'createCluster.sync', 'output': {
                  'SdkHttpMetadata': {'HttpHeaders': {'Content-Length': '1112'}, 'HttpStatusCode': 200},
                  'SdkResponseMetadata': {'RequestId': '1234-5678-9012'}, 'ClusterId': 'AKIAIOSFODNN7EXAMPLE'}}"""))) {
            JsonNode output = f.output("""
                    {"StartAt": "X", "States": {"X": {"Type": "Task", "Resource": "%s", "End": true,
                      "ResultSelector": {"ClusterId.$": "$.output.ClusterId", "ResourceType.$": "$.resourceType"},
                      "ResultPath": "$.EMROutput"}}}""".formatted(emr), "{\"cluster\": \"c\"}");
            assertEquals(json("{'cluster': 'c', 'EMROutput': {'ClusterId': 'AKIAIOSFODNN7EXAMPLE',"
                    + " 'ResourceType': 'elasticmapreduce'}}"), output);
        }
    }

    @Test
    void specExampleMapWithItemSelectorAndMapItemValue() {
        String shipValidate = "arn:aws:lambda:us-east-1:123456789012:function:ship-val";
        List<JsonNode> iterations = new CopyOnWriteArrayList<>();
        try (Fixture f = new Fixture().task(shipValidate, invocation -> {
            iterations.add(invocation.input());
            return Json.toNode(invocation.input().at("/parcel/prod").asText() + " ok");
        })) {
            JsonNode output = f.output("""
                    {"StartAt": "Validate-All", "States": {"Validate-All": {"Type": "Map",
                      "InputPath": "$.detail", "ItemsPath": "$.shipped", "MaxConcurrency": 0,
                      "ItemSelector": {"parcel.$": "$$.Map.Item.Value", "courier.$": "$.delivery-partner"},
                      "ItemProcessor": {"StartAt": "Validate", "States": {"Validate": {"Type": "Task",
                        "Resource": "%s", "End": true}}},
                      "ResultPath": "$.detail.shipped", "End": true}}}""".formatted(shipValidate), """
                    {"ship-date": "2016-03-14T01:59:00Z", "detail": {"delivery-partner": "UQS", "shipped": [
                      {"prod": "R31", "dest-code": 9511, "quantity": 1344},
                      {"prod": "S39", "dest-code": 9511, "quantity": 40},
                      {"prod": "R31", "dest-code": 9833, "quantity": 12}]}}""");
            assertEquals(3, iterations.size());
            assertEquals(true, iterations.contains(json(
                    "{'parcel': {'prod': 'S39', 'dest-code': 9511, 'quantity': 40}, 'courier': 'UQS'}")));
            assertEquals(json("['R31 ok', 'S39 ok', 'R31 ok']"), output.at("/detail/shipped"));
            assertEquals("2016-03-14T01:59:00Z", output.get("ship-date").asText());
        }
    }

    @Test
    void mapItemIndexIsAvailableInTheItemSelector() {
        try (Fixture f = new Fixture()) {
            JsonNode output = f.output("""
                    {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true,
                      "ItemSelector": {"index.$": "$$.Map.Item.Index", "value.$": "$$.Map.Item.Value", "all.$": "$"},
                      "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}}}}""",
                    "[\"a\", \"b\"]");
            assertEquals(json("[{'index': 0, 'value': 'a', 'all': ['a', 'b']}, {'index': 1, 'value': 'b',"
                    + " 'all': ['a', 'b']}]"), output);
        }
    }

    @Test
    void nullInputPathGivesTheStateAnEmptyObject() {
        try (Fixture f = new Fixture()) {
            JsonNode output = f.output("""
                    {"StartAt": "X", "States": {"X": {"Type": "Pass", "InputPath": null, "End": true}}}""",
                    "{\"a\": 1}");
            assertEquals(json("{}"), output);
        }
    }

    @Test
    void nullOutputPathSendsAnEmptyObjectOn() {
        try (Fixture f = new Fixture()) {
            JsonNode output = f.output("""
                    {"StartAt": "X", "States": {"X": {"Type": "Pass", "Result": {"r": 1}, "OutputPath": null,
                      "End": true}}}""", "{\"a\": 1}");
            assertEquals(json("{}"), output);
        }
    }

    @Test
    void nullResultPathDiscardsTheResultAndPassesTheInputThrough() {
        try (Fixture f = new Fixture().task(ADD, invocation -> IntNode.valueOf(99))) {
            JsonNode output = f.output("""
                    {"StartAt": "X", "States": {"X": {"Type": "Task", "Resource": "%s", "ResultPath": null,
                      "End": true}}}""".formatted(ADD), "{\"a\": 1}");
            assertEquals(json("{'a': 1}"), output);
        }
    }

    @Test
    void resultPathIntoAMissingNestedPathCreatesTheObjects() {
        try (Fixture f = new Fixture()) {
            JsonNode output = f.output("""
                    {"StartAt": "X", "States": {"X": {"Type": "Pass", "Result": "r", "ResultPath": "$.a.b.c",
                      "End": true}}}""", "{\"a\": {\"keep\": true}}");
            assertEquals(json("{'a': {'keep': true, 'b': {'c': 'r'}}}"), output);
        }
    }

    @Test
    void resultPathDollarReplacesTheInput() {
        try (Fixture f = new Fixture()) {
            assertEquals(json("{'r': 1}"), f.output("""
                    {"StartAt": "X", "States": {"X": {"Type": "Pass", "Result": {"r": 1}, "End": true}}}""",
                    "{\"a\": 1}"));
        }
    }

    @Test
    void passWithoutResultUsesTheEffectiveInputAsItsResult() {
        try (Fixture f = new Fixture()) {
            assertEquals(json("{'a': {'b': 1}, 'copy': {'b': 1}}"), f.output("""
                    {"StartAt": "X", "States": {"X": {"Type": "Pass", "InputPath": "$.a", "ResultPath": "$.copy",
                      "End": true}}}""", "{\"a\": {\"b\": 1}}"));
        }
    }

    @Test
    void resultPathThatDoesNotFitTheInputFailsWithResultPathMatchFailure() {
        try (Fixture f = new Fixture()) {
            Execution execution = f.run("""
                    {"StartAt": "X", "States": {"X": {"Type": "Pass", "Result": 1, "ResultPath": "$.a.b",
                      "End": true}}}""", "{\"a\": \"a string\"}");
            assertEquals(ExecutionStatus.FAILED, execution.status());
            assertEquals(ErrorNames.RESULT_PATH_MATCH_FAILURE, execution.error());
        }
    }

    @Test
    void inputPathThatSelectsNothingFailsWithStatesRuntime() {
        try (Fixture f = new Fixture()) {
            Execution execution = f.run("""
                    {"StartAt": "X", "States": {"X": {"Type": "Pass", "InputPath": "$.missing", "End": true}}}""",
                    "{\"a\": 1}");
            assertEquals(ErrorNames.RUNTIME, execution.error());
        }
    }

    @Test
    void outputPathThatSelectsNothingFailsWithStatesRuntime() {
        try (Fixture f = new Fixture()) {
            Execution execution = f.run("""
                    {"StartAt": "X", "States": {"X": {"Type": "Pass", "OutputPath": "$.missing", "End": true}}}""",
                    "{\"a\": 1}");
            assertEquals(ErrorNames.RUNTIME, execution.error());
        }
    }

    @Test
    void parametersPathThatSelectsNothingFailsWithParameterPathFailure() {
        try (Fixture f = new Fixture()) {
            Execution execution = f.run("""
                    {"StartAt": "X", "States": {"X": {"Type": "Pass", "Parameters": {"x.$": "$.missing"},
                      "End": true}}}""", "{\"a\": 1}");
            assertEquals(ErrorNames.PARAMETER_PATH_FAILURE, execution.error());
            assertEquals(true, execution.cause().contains("$.missing"));
        }
    }

    @Test
    void processingHappensInTheDocumentedOrder() {
        List<JsonNode> taskInputs = new CopyOnWriteArrayList<>();
        try (Fixture f = new Fixture().task(ADD, invocation -> {
            taskInputs.add(invocation.input());
            return json("{'sum': 3, 'noise': true}");
        })) {
            JsonNode output = f.output("""
                    {"StartAt": "X", "States": {"X": {"Type": "Task", "Resource": "%s",
                      "InputPath": "$.in", "Parameters": {"numbers.$": "$.nums"},
                      "ResultSelector": {"total.$": "$.sum"}, "ResultPath": "$.in.result", "OutputPath": "$.in",
                      "End": true}}}""".formatted(ADD), "{\"in\": {\"nums\": [1, 2]}, \"other\": 0}");
            assertEquals(json("{'numbers': [1, 2]}"), taskInputs.get(0));
            assertEquals(json("{'nums': [1, 2], 'result': {'total': 3}}"), output);
        }
    }

    @Test
    void indefinitePathsSelectArraysOfEveryMatch() {
        try (Fixture f = new Fixture()) {
            assertEquals(json("{'names': ['a', 'b'], 'big': [{'n': 'b', 'v': 5}]}"), f.output("""
                    {"StartAt": "X", "States": {"X": {"Type": "Pass", "End": true, "Parameters": {
                      "names.$": "$.items[*].n", "big.$": "$.items[?(@.v > 2)]"}}}}""",
                    "{\"items\": [{\"n\": \"a\", \"v\": 1}, {\"n\": \"b\", \"v\": 5}]}"));
        }
    }

    @Test
    void keysWithoutDotDollarAreCopiedLiterallyEvenWhenTheyLookLikePaths() {
        try (Fixture f = new Fixture()) {
            assertEquals(json("{'literal': '$.a'}"), f.output("""
                    {"StartAt": "X", "States": {"X": {"Type": "Pass", "End": true, "Parameters": {
                      "literal": "$.a"}}}}""", "{\"a\": 1}"));
        }
    }

    private static void awaitQuietly(Execution execution) {
        try {
            execution.await();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
