package dev.pixelstep.cdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pixelstep.statemachine.PipelineDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.services.logs.RetentionDays;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

import static dev.pixelstep.cdk.CloudFormationText.getAtt;
import static dev.pixelstep.cdk.CloudFormationText.ref;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pipeline with every option changed, synthesised once: names, prefix, plugin layers, lifecycle, sizes, runtime. */
class PixelstepPipelineOptionsTest {

    private static final String PLUGIN_ARN = "arn:aws:lambda:eu-west-1:123456789012:layer:acme-filters:7";
    private static Synthesized synth;
    private static String inputBucket;
    private static String outputBucket;
    private static String processor;
    private static String analyser;

    @BeforeAll
    static void synthesise() {
        synth = Synthesized.pipeline(Synthesized.propsBuilder()
                .inputBucketName("acme-pixelstep-in")
                .outputBucketName("acme-pixelstep-out")
                .keyPrefix("uploads/")
                .pluginLayer(PluginLayer.ofPath(Synthesized.pluginLayerZip()))
                .pluginLayer(PluginLayer.of(PLUGIN_ARN))
                .inputExpirationDays(30)
                .outputExpirationDays(7)
                .processor(new FunctionSizing(3008, Duration.ofMinutes(10)))
                .analyser(new FunctionSizing(1536, Duration.ofSeconds(90), OptionalInt.of(7)))
                .alarmEmail("ops@example.com")
                .jvmOptions("-XX:+UseSerialGC -XX:TieredStopAtLevel=4")
                .javaRuntime(JavaRuntime.JAVA_21)
                .architecture(CpuArchitecture.X86_64)
                .maxBytes(10_000_000)
                .maxPixels(20_000_000)
                .logRetention(RetentionDays.ONE_YEAR)
                .aliasName("prod")
                .build());
        inputBucket = synth.id("AWS::S3::Bucket", "PipelineInputBucket");
        outputBucket = synth.id("AWS::S3::Bucket", "PipelineOutputBucket");
        processor = synth.id("AWS::Lambda::Function", "PipelineProcessor");
        analyser = synth.id("AWS::Lambda::Function", "PipelineAnalyser");
    }

    @Test
    void bucketsGetTheirNamesAndExpireObjectsAfterTheGivenDays() {
        assertEquals("acme-pixelstep-in", synth.properties(inputBucket).path("BucketName").asText());
        assertEquals("acme-pixelstep-out", synth.properties(outputBucket).path("BucketName").asText());
        assertEquals(30, synth.properties(inputBucket).at("/LifecycleConfiguration/Rules/0/ExpirationInDays").asInt());
        assertEquals(7, synth.properties(outputBucket).at("/LifecycleConfiguration/Rules/0/ExpirationInDays").asInt());
        assertEquals("Enabled", synth.properties(outputBucket).at("/LifecycleConfiguration/Rules/0/Status").asText());
    }

    @Test
    void theRulePatternIsThePublishedPatternForTheInputBucketNarrowedToThePrefix() throws IOException {
        ObjectNode expected = (ObjectNode) Synthesized.JSON.readTree(PipelineDefinition.load().eventPattern(ref(inputBucket)));
        ArrayNode prefix = ((ObjectNode) expected.path("detail")).putObject("object").putArray("key");
        prefix.addObject().put("prefix", "uploads/");
        ((ObjectNode) expected.at("/detail/object")).putArray("size").addObject().putArray("numeric").add(">").add(0);
        JsonNode rule = synth.properties(synth.onlyId("AWS::Events::Rule"));
        assertEquals(expected, CloudFormationText.resolve(rule.path("EventPattern")));
    }

    @Test
    void objectPermissionsStopAtTheKeyPrefix() {
        String processorRole = synth.properties(processor).at("/Role/Fn::GetAtt/0").asText();
        Map<String, Set<String>> processorGrants = IamGrants.of(synth, processorRole);
        assertEquals(Set.of(getAtt(inputBucket, "Arn") + "/uploads/*", getAtt(outputBucket, "Arn") + "/bulk-runs/*"),
                processorGrants.get("s3:GetObject"), "inputs, and a bulk run's result files for its summary");
        assertEquals(Set.of(getAtt(outputBucket, "Arn") + "/uploads/*", getAtt(outputBucket, "Arn") + "/bulk-runs/*/summary.json"),
                processorGrants.get("s3:PutObject"));
        String analyserRole = synth.properties(analyser).at("/Role/Fn::GetAtt/0").asText();
        assertEquals(Set.of(getAtt(inputBucket, "Arn") + "/uploads/*", getAtt(outputBucket, "Arn") + "/uploads/*"),
                IamGrants.of(synth, analyserRole).get("s3:GetObject"));
        String stateMachineRole = synth.properties(synth.id("AWS::StepFunctions::StateMachine", "PipelineStateMachine")).at("/RoleArn/Fn::GetAtt/0").asText();
        assertEquals(Set.of(getAtt(outputBucket, "Arn") + "/uploads/*/manifest.json"), IamGrants.of(synth, stateMachineRole).get("s3:PutObject"));
    }

    /** The bulk run lists the request's prefix, known only at run time: IAM narrows the listing to the key prefix. */
    @Test
    void theBulkListingStopsAtTheKeyPrefix() {
        String bulkRole = synth.properties(synth.id("AWS::StepFunctions::StateMachine", "PipelineBulk")).at("/RoleArn/Fn::GetAtt/0").asText();
        List<JsonNode> listings = IamGrants.statementsOf(synth, bulkRole).stream()
                .filter(statement -> IamGrants.strings(statement.path("Action")).contains("s3:ListBucket")).toList();
        assertEquals(1, listings.size(), listings.toString());
        assertEquals(List.of(getAtt(inputBucket, "Arn")), IamGrants.strings(listings.get(0).path("Resource")));
        assertEquals("uploads/*", listings.get(0).at("/Condition/StringLike/s3:prefix").asText());
    }

    @Test
    void pluginLayersFollowThePixelstepLayerInOrderOnBothFunctions() {
        String pixelstepLayer = synth.id("AWS::Lambda::LayerVersion", "PipelineLayer");
        String pluginLayer = synth.id("AWS::Lambda::LayerVersion", "PipelinePluginLayer1");
        List<String> expected = List.of(ref(pixelstepLayer), ref(pluginLayer), PLUGIN_ARN);
        for (String function : List.of(processor, analyser)) {
            assertEquals(expected, IamGrants.strings(CloudFormationText.resolve(synth.properties(function).path("Layers"))));
        }
        assertTrue(synth.properties(pluginLayer).path("Description").asText().contains(Synthesized.pluginLayerZip().getFileName().toString()));
    }

    @Test
    void functionsAndLayersUseTheChosenRuntimeArchitectureAndSizes() {
        for (String function : List.of(processor, analyser)) {
            assertEquals("java21", synth.properties(function).path("Runtime").asText());
            assertEquals("[\"x86_64\"]", synth.properties(function).path("Architectures").toString());
            assertEquals("PublishedVersions", synth.properties(function).at("/SnapStart/ApplyOn").asText());
        }
        for (String layer : synth.ids("AWS::Lambda::LayerVersion")) {
            assertEquals("[\"java21\"]", synth.properties(layer).path("CompatibleRuntimes").toString());
            assertEquals("[\"x86_64\"]", synth.properties(layer).path("CompatibleArchitectures").toString());
        }
        assertEquals(3008, synth.properties(processor).path("MemorySize").asInt());
        assertEquals(600, synth.properties(processor).path("Timeout").asInt());
        assertEquals(1536, synth.properties(analyser).path("MemorySize").asInt());
        assertEquals(90, synth.properties(analyser).path("Timeout").asInt());
    }

    @Test
    void functionsGetTheGivenLimitsAndJvmOptions() {
        for (String function : List.of(processor, analyser)) {
            JsonNode variables = CloudFormationText.resolve(synth.properties(function).at("/Environment/Variables"));
            assertEquals("10000000", variables.path("PIXELSTEP_MAX_BYTES").asText());
            assertEquals("20000000", variables.path("PIXELSTEP_MAX_PIXELS").asText());
            assertEquals("-XX:+UseSerialGC -XX:TieredStopAtLevel=4", variables.path("JAVA_TOOL_OPTIONS").asText());
            assertEquals(ref(outputBucket), variables.path("PIXELSTEP_OUTPUT_BUCKET").asText(), "the named bucket, by reference");
        }
    }

    @Test
    void logsAndAliasesFollowTheSettings() {
        synth.template.allResourcesProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", 365));
        synth.template.allResourcesProperties("AWS::Lambda::Alias", Map.of("Name", "prod"));
        synth.template.allResourcesProperties("AWS::StepFunctions::StateMachineAlias", Map.of("Name", "prod"));
    }

    @Test
    void reservedConcurrencyIsTheGivenOneOrNone() {
        assertTrue(synth.properties(processor).path("ReservedConcurrentExecutions").isMissingNode(), "none reserved");
        assertEquals(7, synth.properties(analyser).path("ReservedConcurrentExecutions").asInt());
    }

    @Test
    void anAlarmEmailGetsATopicThatEveryAlarmNotifies() {
        String topic = synth.onlyId("AWS::SNS::Topic");
        synth.template.hasResourceProperties("AWS::SNS::Subscription", Map.of("Protocol", "email", "Endpoint", "ops@example.com",
                "TopicArn", Map.of("Ref", topic)));
        for (String alarm : synth.ids("AWS::CloudWatch::Alarm")) {
            assertEquals("[{\"Ref\":\"" + topic + "\"}]", synth.properties(alarm).path("AlarmActions").toString(), alarm);
            assertEquals("[{\"Ref\":\"" + topic + "\"}]", synth.properties(alarm).path("OKActions").toString(), alarm);
        }
        JsonNode ssl = synth.properties(synth.onlyId("AWS::SNS::TopicPolicy")).at("/PolicyDocument/Statement/0");
        assertEquals("Deny", ssl.path("Effect").asText());
        assertEquals("false", ssl.at("/Condition/Bool/aws:SecureTransport").asText(), "the topic refuses requests without TLS");
        assertEquals(ref(topic), CloudFormationText.text(synth.json.at("/Outputs/AlarmTopicArn/Value")));
    }

    @Test
    void theKeyPrefixIsAnOutputWhenSet() {
        assertEquals("uploads/", synth.json.at("/Outputs/KeyPrefix/Value").asText());
    }
}
