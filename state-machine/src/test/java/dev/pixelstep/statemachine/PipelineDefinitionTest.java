package dev.pixelstep.statemachine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PipelineDefinitionTest {

    private final PipelineDefinition definition = PipelineDefinition.load();

    @Test
    void substitutionFillsEveryPlaceholderAsAJsonString() throws Exception {
        String filled = definition.substitute(Map.of(
                "ProcessorFunctionArn", "arn:aws:lambda:eu-west-1:123456789012:function:processor:live",
                "AnalyserFunctionArn", "arn:aws:lambda:eu-west-1:123456789012:function:analyser:live",
                "OutputBucket", "out\"put"));
        assertFalse(filled.contains("${"));
        JsonNode root = new ObjectMapper().readTree(filled);
        assertEquals("out\"put", root.at("/States/WriteManifest/Parameters/Bucket").asText());
        assertEquals("arn:aws:lambda:eu-west-1:123456789012:function:processor:live",
                root.at("/States/ProcessAndAnalyseOriginal/Branches/0/States/Process/Parameters/FunctionName").asText());
    }

    @Test
    void theLocalEngineAcceptsTheDefinitionWithEveryTaskHandled() {
        String filled = definition.substitute(Map.of(
                "ProcessorFunctionArn", "arn:aws:lambda:us-east-1:123456789012:function:processor",
                "AnalyserFunctionArn", "arn:aws:lambda:us-east-1:123456789012:function:analyser",
                "OutputBucket", "out"));
        dev.pixelstep.asl.StateMachine machine = dev.pixelstep.asl.StateMachine.parse("image-pipeline", filled);
        assertEquals(6, machine.taskStates().size(), "process, analyse original, analyse combined, discard, two manifest writes");
        try (dev.pixelstep.asl.AslEngine engine = dev.pixelstep.asl.AslEngine.builder()
                .lambda(dev.pixelstep.asl.task.LambdaInvokeIntegration.builder()
                        .function("processor", event -> event)
                        .function("analyser", event -> event)
                        .build())
                .task("arn:aws:states:::aws-sdk:s3:putObject", invocation -> invocation.input())
                .build()) {
            engine.check(machine);
        }
    }

    @Test
    void missingOrUnknownSubstitutionsAreRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> definition.substitute(Map.of("OutputBucket", "out", "Extra", "x")));
        assertTrue(e.getMessage().contains("missing [AnalyserFunctionArn, ProcessorFunctionArn]"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown [Extra]"), e.getMessage());
    }

    @Test
    void eventPatternMatchesObjectCreatedEventsOfTheInputBucket() throws Exception {
        JsonNode pattern = new ObjectMapper().readTree(definition.eventPattern("my-input"));
        assertEquals("[\"aws.s3\"]", pattern.path("source").toString());
        assertEquals("[\"Object Created\"]", pattern.path("detail-type").toString());
        assertEquals("[\"my-input\"]", pattern.at("/detail/bucket/name").toString());
        assertEquals("[{\"numeric\":[\">\",0]}]", pattern.at("/detail/object/size").toString(),
                "zero-byte objects (the S3 console's folders) start no run, on AWS and locally");
    }
}
