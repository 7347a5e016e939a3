package dev.pixelstep.asl.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pixelstep.asl.StateMachine;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Everything the engine cannot or must not run is rejected when the definition is loaded, naming where. */
class DefinitionValidationTest {

    private static List<DefinitionProblem> problems(String definition) {
        return assertThrows(InvalidDefinitionException.class, () -> StateMachine.parse(definition)).problems();
    }

    private static void assertProblem(String definition, String pointer, String messagePart) {
        List<DefinitionProblem> problems = problems(definition);
        assertTrue(problems.stream().anyMatch(p -> p.pointer().equals(pointer) && p.message().contains(messagePart)),
                () -> "expected a problem at " + pointer + " containing '" + messagePart + "' but got:\n"
                        + problems.stream().map(Object::toString).collect(Collectors.joining("\n")));
    }

    private static String single(String stateBody) {
        return "{\"StartAt\": \"S\", \"States\": {\"S\": " + stateBody + "}}";
    }

    @Test
    void aValidDefinitionParsesIntoTheModel() {
        StateMachine machine = StateMachine.parse("""
                {"Comment": "c", "StartAt": "T", "TimeoutSeconds": 60, "States": {
                  "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Next": "Done",
                        "Parameters": {"FunctionName": "f", "Payload.$": "$"}, "TimeoutSeconds": 30,
                        "Retry": [{"ErrorEquals": ["States.ALL"]}]},
                  "Done": {"Type": "Succeed"}}}""");
        assertEquals("T", machine.definition().graph().startAt());
        assertEquals(60, machine.definition().timeoutSeconds());
        TaskState task = (TaskState) machine.definition().graph().state("T");
        assertEquals("Done", task.transition().next());
        assertEquals(1, task.errorHandling().retriers().size());
        assertEquals(3, task.errorHandling().retriers().get(0).maxAttempts());
        assertEquals(List.of(task), machine.taskStates());
    }

    @Test
    void notJsonIsReported() {
        assertProblem("{\"StartAt\": ", "", "not valid JSON");
    }

    @Test
    void unknownStateTypeIsNamed() {
        assertProblem(single("{\"Type\": \"Sleep\", \"End\": true}"), "/States/S/Type", "unknown state type 'Sleep'");
    }

    @Test
    void unknownFieldsAreNamed() {
        assertProblem(single("{\"Type\": \"Pass\", \"End\": true, \"Resulte\": 1}"), "/States/S/Resulte",
                "unknown field 'Resulte'");
        assertProblem("{\"StartAt\": \"S\", \"Extra\": 1, \"States\": {\"S\": {\"Type\": \"Succeed\"}}}", "/Extra",
                "unknown field");
    }

    @Test
    void fieldsOfAnotherStateTypeAreUnknown() {
        assertProblem(single("{\"Type\": \"Pass\", \"End\": true, \"ResultSelector\": {}}"),
                "/States/S/ResultSelector", "unknown field");
        assertProblem(single("{\"Type\": \"Succeed\", \"Parameters\": {}}"), "/States/S/Parameters", "unknown field");
    }

    @Test
    void jsonataIsNotSupported() {
        assertProblem("{\"QueryLanguage\": \"JSONata\", \"StartAt\": \"S\", \"States\": {\"S\": {\"Type\": \"Succeed\"}}}",
                "/QueryLanguage", "JSONata is not supported");
        assertProblem(single("{\"Type\": \"Pass\", \"QueryLanguage\": \"JSONata\", \"End\": true}"),
                "/States/S/QueryLanguage", "JSONata is not supported");
        assertProblem(single("{\"Type\": \"Pass\", \"Output\": \"{% $states.input %}\", \"End\": true}"),
                "/States/S/Output", "JSONata");
    }

    @Test
    void explicitJsonPathQueryLanguageIsAccepted() {
        StateMachine.parse("{\"QueryLanguage\": \"JSONPath\", \"StartAt\": \"S\", \"States\": {\"S\": {\"Type\": \"Succeed\"}}}");
    }

    @Test
    void variablesAreNotSupported() {
        assertProblem(single("{\"Type\": \"Pass\", \"Assign\": {\"x\": 1}, \"End\": true}"), "/States/S/Assign",
                "Assign (workflow variables) is not supported");
    }

    @ParameterizedTest
    @CsvSource({"ItemReader, {}", "ItemBatcher, {}", "ResultWriter, {}", "ToleratedFailurePercentage, 5",
        "ToleratedFailureCount, 1", "Label, x"})
    void distributedMapFieldsNeedADistributedProcessor(String field, String value) {
        String json = value.equals("{}") ? "{}" : value.matches("\\d+") ? value : "\"" + value + "\"";
        assertProblem(single("{\"Type\": \"Map\", \"End\": true, \"" + field + "\": " + json + ", \"ItemProcessor\": "
                + "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Succeed\"}}}}"), "/States/S/" + field,
                "needs ItemProcessor.ProcessorConfig.Mode DISTRIBUTED");
    }

    private static String distributed(String mapFields, String executionType) {
        return single("""
                {"Type": "Map", "End": true, %s "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED",
                  "ExecutionType": "%s"}, "StartAt": "P", "States": {"P": {"Type": "Succeed"}}}}""".formatted(mapFields, executionType));
    }

    @Test
    void aDistributedMapOverS3IsAccepted() {
        StateMachine machine = StateMachine.parse(distributed("""
                "ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "Parameters": {"Bucket": "b", "Key": "k.csv"},
                  "ReaderConfig": {"InputType": "CSV", "CSVHeaderLocation": "GIVEN", "CSVHeaders": ["a", "b"], "MaxItems": 10}},
                "ItemBatcher": {"MaxItemsPerBatch": 5, "MaxInputBytesPerBatch": 1024, "BatchInput": {"x": 1}},
                "ResultWriter": {"Resource": "arn:aws:states:::s3:putObject", "Parameters": {"Bucket": "b", "Prefix": "p"}},
                "ToleratedFailurePercentage": 5, "ToleratedFailureCount": 2, "Label": "Run", "MaxConcurrency": 100,""", "EXPRESS"));
        assertEquals(1, machine.distributedMapsByPointer().size());
        assertEquals("EXPRESS", machine.distributedMapsByPointer().get("/States/S").distributed().executionType());
    }

    @Test
    void aDistributedProcessorNeedsAnExecutionType() {
        assertProblem(single("""
                {"Type": "Map", "End": true, "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED"},
                  "StartAt": "P", "States": {"P": {"Type": "Succeed"}}}}"""),
                "/States/S/ItemProcessor/ProcessorConfig", "needs ExecutionType STANDARD or EXPRESS");
        assertProblem(distributed("", "BATCH"), "/States/S/ItemProcessor/ProcessorConfig/ExecutionType", "must be STANDARD or EXPRESS");
        assertProblem(single("""
                {"Type": "Map", "End": true, "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE", "ExecutionType": "STANDARD"},
                  "StartAt": "P", "States": {"P": {"Type": "Succeed"}}}}"""),
                "/States/S/ItemProcessor/ProcessorConfig/ExecutionType", "only for Mode DISTRIBUTED");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"ItemReader\": {\"Resource\": \"arn:aws:states:::s3:listObjectVersions\", \"Parameters\": {}}, | /States/S/ItemReader/Resource | is not supported",
        "\"ItemReader\": {\"Resource\": \"arn:aws:states:::s3:getObject\", \"Parameters\": {}}, | /States/S/ItemReader | needs ReaderConfig.InputType JSON or CSV",
        "\"ItemReader\": {\"Resource\": \"arn:aws:states:::s3:getObject\", \"Parameters\": {}, \"ReaderConfig\": {\"InputType\": \"MANIFEST\"}}, | /States/S/ItemReader/ReaderConfig/InputType | not supported; supported: JSON, CSV",
        "\"ItemReader\": {\"Resource\": \"arn:aws:states:::s3:getObject\", \"Parameters\": {}, \"ReaderConfig\": {\"InputType\": \"CSV\", \"CSVDelimiter\": \"SEMICOLON\"}}, | /States/S/ItemReader/ReaderConfig/CSVDelimiter | CSVDelimiter",
        "\"ItemReader\": {\"Resource\": \"arn:aws:states:::s3:getObject\", \"Parameters\": {}, \"ReaderConfig\": {\"InputType\": \"CSV\", \"CSVHeaderLocation\": \"GIVEN\"}}, | /States/S/ItemReader/ReaderConfig | GIVEN needs CSVHeaders",
        "\"ItemReader\": {\"Resource\": \"arn:aws:states:::s3:listObjectsV2\", \"Parameters\": {}}, \"ItemsPath\": \"$.x\", | /States/S/ItemsPath | cannot be used with an ItemReader",
        "\"ItemBatcher\": {\"BatchInput\": {}}, | /States/S/ItemBatcher | needs MaxItemsPerBatch(Path) or MaxInputBytesPerBatch(Path)",
        "\"ItemBatcher\": {\"MaxInputBytesPerBatch\": 300000}, | /States/S/ItemBatcher/MaxInputBytesPerBatch | from 1 to 262144",
        "\"ResultWriter\": {\"Resource\": \"arn:aws:states:::s3:putObject\", \"Parameters\": {}, \"WriterConfig\": {}}, | /States/S/ResultWriter/WriterConfig | WriterConfig (Transformation, OutputType) is not supported",
        "\"ResultWriter\": {\"Resource\": \"arn:aws:states:::s3:getObject\", \"Parameters\": {}}, | /States/S/ResultWriter/Resource | must be arn:aws:states:::s3:putObject",
        "\"ToleratedFailurePercentage\": 101, | /States/S/ToleratedFailurePercentage | from 0 to 100",
        "\"ToleratedFailureCount\": 1\\, \"ToleratedFailureCountPath\": \"$.n\", | /States/S/ToleratedFailureCountPath | cannot be used together",
        "\"MaxConcurrency\": 10001, | /States/S/MaxConcurrency | from 0 to 10000"})
    void unsupportedOrMalformedDistributedMapFieldsAreNamed(String fields, String pointer, String message) {
        assertProblem(distributed(fields.replace("\\,", ","), "STANDARD"), pointer, message.strip());
    }

    @Test
    void anExpressChildCannotWaitForAJob() {
        assertProblem(single("""
                {"Type": "Map", "End": true, "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"},
                  "StartAt": "P", "States": {"P": {"Type": "Task", "Resource": "arn:aws:states:::states:startExecution.sync:2",
                  "End": true}}}}"""), "/States/S/ItemProcessor/States/P/Resource", "use ExecutionType STANDARD");
    }

    @ParameterizedTest
    @CsvSource({
        "arn:aws:states:::lambda:invoke.waitForTaskToken, .waitForTaskToken",
        "arn:aws:states:::sqs:sendMessage.waitForTaskToken, .waitForTaskToken",
        "arn:aws:states:::batch:submitJob.sync, .sync) are not supported, except a child state machine's",
        "arn:aws:states:::glue:startJobRun.sync:2, .sync",
        "arn:aws:states:us-east-1:123456789012:activity:Review, activities",
        "not-an-arn, must be an ARN"})
    void unsupportedResourcesAreNamed(String resource, String message) {
        assertProblem(single("{\"Type\": \"Task\", \"Resource\": \"" + resource + "\", \"End\": true}"),
                "/States/S/Resource", message);
    }

    @Test
    void statesAllMustBeTheLastRetrierAndCatcherAndAlone() {
        assertProblem(single("""
                {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true, "Retry": [
                  {"ErrorEquals": ["States.ALL"]}, {"ErrorEquals": ["E"]}]}"""),
                "/States/S/Retry/0/ErrorEquals/0", "must be the last one");
        assertProblem("""
                {"StartAt": "S", "States": {"S": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                  "End": true, "Catch": [{"ErrorEquals": ["States.ALL", "E"], "Next": "R"}]},
                  "R": {"Type": "Succeed"}}}""", "/States/S/Catch/0/ErrorEquals/0", "must appear alone");
    }

    @Test
    void unknownReservedErrorNamesAreRejected() {
        assertProblem(single("""
                {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true, "Retry": [
                  {"ErrorEquals": ["States.Timout"]}]}"""), "/States/S/Retry/0/ErrorEquals/0", "not a predefined");
    }

    @Test
    void retrierFieldsAreRangeChecked() {
        List<DefinitionProblem> problems = problems(single("""
                {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true, "Retry": [
                  {"ErrorEquals": ["E"], "IntervalSeconds": 0, "MaxAttempts": -1, "BackoffRate": 0.5,
                   "MaxDelaySeconds": 0, "JitterStrategy": "HALF"}]}"""));
        assertEquals(List.of("/States/S/Retry/0/IntervalSeconds", "/States/S/Retry/0/MaxAttempts",
                "/States/S/Retry/0/BackoffRate", "/States/S/Retry/0/MaxDelaySeconds", "/States/S/Retry/0/JitterStrategy"),
                problems.stream().map(DefinitionProblem::pointer).toList());
    }

    @Test
    void aStateWithoutNextOrEndIsRejected() {
        assertProblem(single("{\"Type\": \"Pass\"}"), "/States/S", "needs 'Next' or 'End'");
        assertProblem("{\"StartAt\": \"S\", \"States\": {\"S\": {\"Type\": \"Pass\", \"Next\": \"T\", \"End\": true},"
                + " \"T\": {\"Type\": \"Succeed\"}}}", "/States/S", "both 'Next' and 'End'");
    }

    @Test
    void nextToAMissingStateIsNamed() {
        assertProblem(single("{\"Type\": \"Pass\", \"Next\": \"Nowhere\"}"), "/States/S/Next", "'Nowhere' is not a state");
        assertProblem(single("{\"Type\": \"Choice\", \"Choices\": [{\"Variable\": \"$.a\", \"IsNull\": true, "
                + "\"Next\": \"Gone\"}]}"), "/States/S/Choices/0/Next", "'Gone' is not a state");
    }

    @Test
    void nextCannotLeaveItsBranch() {
        assertProblem("""
                {"StartAt": "P", "States": {"P": {"Type": "Parallel", "Next": "After", "Branches": [
                  {"StartAt": "B", "States": {"B": {"Type": "Pass", "Next": "After"}}}]},
                  "After": {"Type": "Succeed"}}}""", "/States/P/Branches/0/States/B/Next", "not a state in the same scope");
    }

    @Test
    void unreachableStatesAreNamed() {
        assertProblem("{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Succeed\"}, \"Orphan\": {\"Type\": \"Succeed\"}}}",
                "/States/Orphan", "unreachable");
    }

    @Test
    void startAtMustNameAState() {
        assertProblem("{\"StartAt\": \"X\", \"States\": {\"A\": {\"Type\": \"Succeed\"}}}", "/StartAt", "not a state");
    }

    @Test
    void malformedPathsAndIntrinsicsAreNamed() {
        assertProblem(single("{\"Type\": \"Pass\", \"End\": true, \"InputPath\": \"a.b\"}"), "/States/S/InputPath",
                "paths start with '$'");
        assertProblem(single("{\"Type\": \"Pass\", \"End\": true, \"ResultPath\": \"$.a[*]\"}"), "/States/S/ResultPath",
                "not a reference path");
        assertProblem(single("{\"Type\": \"Pass\", \"End\": true, \"Parameters\": {\"x.$\": \"States.Nope($.a)\"}}"),
                "/States/S/Parameters/x.$", "unknown intrinsic function States.Nope");
        assertProblem(single("{\"Type\": \"Pass\", \"End\": true, \"Parameters\": {\"x.$\": \"States.ArrayLength()\"}}"),
                "/States/S/Parameters/x.$", "takes 1 argument(s) but was given 0");
        assertProblem(single("{\"Type\": \"Pass\", \"End\": true, \"Parameters\": {\"x.$\": 5}}"),
                "/States/S/Parameters/x.$", "must hold a path or an intrinsic function call");
    }

    @Test
    void choiceRulesAreChecked() {
        assertProblem(single("{\"Type\": \"Choice\", \"Choices\": [{\"Variable\": \"$.a\", \"NumericEquals\": \"1\","
                + " \"Next\": \"S\"}]}"), "/States/S/Choices/0/NumericEquals", "needs a number");
        assertProblem(single("{\"Type\": \"Choice\", \"Choices\": [{\"Variable\": \"$.a\", \"Next\": \"S\"}]}"),
                "/States/S/Choices/0", "exactly one comparison operator");
        assertProblem(single("{\"Type\": \"Choice\", \"Choices\": [{\"Not\": {\"Variable\": \"$.a\", \"IsNull\": true,"
                + " \"Next\": \"S\"}, \"Next\": \"S\"}]}"), "/States/S/Choices/0/Not/Next", "only top-level");
        assertProblem(single("{\"Type\": \"Choice\", \"Choices\": [{\"Variable\": \"$.a\", \"StringMatches\": \"a\\\\b\","
                + " \"Next\": \"S\"}]}"), "/States/S/Choices/0/StringMatches", "backslash");
        assertProblem(single("{\"Type\": \"Choice\", \"Choices\": [{\"Variable\": \"$.a\", \"TimestampEquals\": "
                + "\"yesterday\", \"Next\": \"S\"}]}"), "/States/S/Choices/0/TimestampEquals", "RFC 3339");
        assertProblem(single("{\"Type\": \"Choice\", \"Choices\": []}"), "/States/S/Choices", "non-empty");
    }

    @Test
    void waitNeedsExactlyOneDuration() {
        assertProblem(single("{\"Type\": \"Wait\", \"End\": true}"), "/States/S", "exactly one of Seconds");
        assertProblem(single("{\"Type\": \"Wait\", \"Seconds\": 1, \"SecondsPath\": \"$.s\", \"End\": true}"),
                "/States/S", "exactly one of Seconds");
    }

    @Test
    void taskTimeoutsAreChecked() {
        assertProblem(single("{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\", \"End\": true,"
                + " \"TimeoutSeconds\": 5, \"HeartbeatSeconds\": 5}"), "/States/S/HeartbeatSeconds", "smaller than");
        assertProblem(single("{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\", \"End\": true,"
                + " \"TimeoutSeconds\": 5, \"TimeoutSecondsPath\": \"$.t\"}"), "/States/S/TimeoutSecondsPath",
                "cannot be used together");
    }

    @Test
    void aStateNameUsedInTwoParallelBranchesIsRejected() {
        String definition = """
                {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
                  {"StartAt": "Work", "States": {"Work": {"Type": "Pass", "End": true}}},
                  {"StartAt": "Work", "States": {"Work": {"Type": "Pass", "End": true}}}]}}}""";
        assertProblem(definition, "/States/P/Branches/1/States/Work", "unique in the whole state machine");
        assertProblem("""
                {"StartAt": "P", "States": {"P": {"Type": "Parallel", "Next": "P2", "Branches": [
                  {"StartAt": "P2", "States": {"P2": {"Type": "Pass", "End": true}}}]},
                  "P2": {"Type": "Pass", "End": true}}}""", "/States/P2", "defined at /States/P/Branches/0/States/P2 too");
    }

    @Test
    void everyProblemIsListedAtOnce() {
        InvalidDefinitionException e = assertThrows(InvalidDefinitionException.class, () -> StateMachine.parse("""
                {"StartAt": "A", "States": {
                  "A": {"Type": "Pass", "Next": "Missing"},
                  "B": {"Type": "Teleport"},
                  "C": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken", "End": true}}}"""));
        assertEquals(3, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("/States/A/Next"));
        assertTrue(e.getMessage().contains("/States/B/Type"));
        assertTrue(e.getMessage().contains("/States/C/Resource"));
    }

    @Test
    void stateMachineNamesFollowStepFunctionsRules() {
        assertThrows(IllegalArgumentException.class, () -> StateMachine.parse("has space",
                "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Succeed\"}}}"));
    }
}
