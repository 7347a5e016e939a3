package dev.pixelstep.statemachine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pixelstep.asl.AslEngine;
import dev.pixelstep.asl.StateMachine;
import dev.pixelstep.asl.task.LambdaInvokeIntegration;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Structural checks of the bulk-reprocess definition, like {@link DefinitionStructureTest}'s of the image pipeline. */
class BulkReprocessDefinitionTest {

    private static final String SUMMARISE = "Summarise";

    private final BulkReprocessDefinition definition = BulkReprocessDefinition.load();
    private final JsonNode root = parse(definition.json());

    private static JsonNode parse(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + e.getMessage(), e);
        }
    }

    @Test
    void everyTransitionTargetExistsAndEveryStateIsReachableChildWorkflowIncluded() {
        List<String> problems = new ArrayList<>();
        DefinitionStructureTest.checkScope(root, "", problems);
        assertEquals(List.of(), problems);
    }

    @Test
    void everyPathToAnEndWritesTheSummaryFirst() {
        List<String> problems = new ArrayList<>();
        walk(root.path("States"), root.path("StartAt").asText(), false, new ArrayList<>(), problems);
        assertEquals(List.of(), problems);
        JsonNode summarise = root.at("/States/" + SUMMARISE);
        assertEquals("${ProcessorFunctionArn}", summarise.at("/Parameters/FunctionName").asText());
        assertEquals("summarise", summarise.at("/Parameters/Payload/action").asText());
        assertEquals("${OutputBucket}", summarise.at("/Parameters/Payload/bucket").asText());
    }

    private void walk(JsonNode states, String name, boolean summarised, List<String> path, List<String> problems) {
        JsonNode state = states.get(name);
        List<String> here = new ArrayList<>(path);
        here.add(name);
        boolean written = summarised || name.equals(SUMMARISE);
        String type = state.path("Type").asText();
        if (type.equals("Succeed") || type.equals("Fail")) {
            if (!written) {
                problems.add("ends without a summary: " + String.join(" -> ", here));
            }
            return;
        }
        for (String target : DefinitionStructureTest.targets(state)) {
            if (!here.contains(target)) {
                walk(states, target, written, here, problems);
            }
        }
    }

    @Test
    void theMapIsDistributedOverTheListingAndEachChildStartsTheImagePipeline() {
        JsonNode map = root.at("/States/ReprocessObjects");
        assertEquals("arn:aws:states:::s3:listObjectsV2", map.at("/ItemReader/Resource").asText());
        assertEquals("DISTRIBUTED", map.at("/ItemProcessor/ProcessorConfig/Mode").asText());
        assertEquals("STANDARD", map.at("/ItemProcessor/ProcessorConfig/ExecutionType").asText(),
                ".sync child executions need a Standard child workflow");
        assertEquals("$.request.maxConcurrency", map.path("MaxConcurrencyPath").asText());
        assertEquals("$.request.toleratedFailurePercentage", map.path("ToleratedFailurePercentagePath").asText());
        assertEquals("${OutputBucket}", map.at("/ResultWriter/Parameters/Bucket").asText());
        JsonNode child = map.at("/ItemProcessor/States/ReprocessObject");
        assertEquals("arn:aws:states:::states:startExecution.sync:2", child.path("Resource").asText());
        assertEquals("${ImagePipelineStateMachineArn}", child.at("/Parameters/StateMachineArn").asText());
        assertEquals("$.operations", child.at("/Parameters/Input/operations.$").asText(), "the request's chain, not the metadata's");
        assertEquals("Fail", map.at("/ItemProcessor/States/" + child.at("/Catch/0/Next").asText() + "/Type").asText(),
                "a failed object fails its child, so that it counts against the tolerated failures");
        assertEquals("MapRunFailed", map.at("/Catch/0/Next").asText());
        assertEquals("[\"States.ALL\"]", map.at("/Catch/0/ErrorEquals").toString());
    }

    @Test
    void theImagePipelineAcceptsABulkRequestAndPassesItsChainToTheProcessor() {
        JsonNode pipeline = parse(PipelineDefinition.load().json());
        assertEquals("ReadInput", pipeline.path("StartAt").asText());
        assertEquals("$.operations", pipeline.at("/States/ExtractRequest/Parameters/operations.$").asText());
        assertTrue(pipeline.at("/States/ExtractObject/Parameters/operations").isNull(), "an upload's chain stays in its metadata");
        assertEquals("$.operations", pipeline.at("/States/ProcessAndAnalyseOriginal/Branches/0/States/Process/Parameters/Payload/operations.$").asText());
    }

    @Test
    void placeholdersUsedAreExactlyThoseDeclared() {
        assertEquals(definition.placeholders().keySet(), definition.usedPlaceholders());
        definition.placeholders().values().forEach(description -> assertFalse(description.isBlank()));
    }

    @Test
    void theVersionIsInTheComment() {
        assertEquals(System.getProperty("pixelstep.version"), definition.version());
        assertEquals(PipelineDefinition.load().version(), definition.version());
    }
}
