package dev.pixelstep.cdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pixelstep.statemachine.BulkReprocessDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static dev.pixelstep.cdk.CloudFormationText.getAtt;
import static dev.pixelstep.cdk.CloudFormationText.ref;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bulk reprocessing state machine in the default stack (synthesised once, shared): the
 * published definition as it is, its substitutions, its version and alias, logs and X-Ray, its
 * role's exact grants and trust, and the stack's outputs for it.
 */
class BulkReprocessingTemplateTest {

    private static final BulkReprocessDefinition DEFINITION = BulkReprocessDefinition.load();
    private static Synthesized synth;
    private static String bulk;
    private static String bulkRole;
    private static String outputBucket;
    private static String pipeline;

    @BeforeAll
    static void synthesise() {
        synth = Synthesized.defaults();
        bulk = synth.id("AWS::StepFunctions::StateMachine", "PipelineBulk");
        bulkRole = synth.properties(bulk).at("/RoleArn/Fn::GetAtt/0").asText();
        outputBucket = synth.id("AWS::S3::Bucket", "PipelineOutputBucket");
        pipeline = synth.id("AWS::StepFunctions::StateMachine", "PipelineStateMachine");
    }

    @Test
    void theBulkStateMachineRunsThePublishedDefinitionAsItIs() throws IOException {
        String definition = CloudFormationText.text(synth.properties(bulk).path("DefinitionString"));
        assertEquals(Synthesized.JSON.readTree(DEFINITION.json()), Synthesized.JSON.readTree(definition));
        assertEquals(DEFINITION.json(), definition, "byte for byte, so that the published version is what runs");
    }

    @Test
    void substitutionsFillEveryPlaceholderWithThePipelineAliasTheProcessorAliasAndTheOutputBucket() throws IOException {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("ImagePipelineStateMachineArn", getAtt(synth.id("AWS::StepFunctions::StateMachineAlias", "PipelineStateMachine"), "Arn"));
        expected.put("ProcessorFunctionArn", ref(synth.id("AWS::Lambda::Alias", "PipelineProcessor")));
        expected.put("OutputBucket", ref(outputBucket));
        assertEquals(DEFINITION.placeholders().keySet(), expected.keySet(), "the published placeholders are the ones this test fills");
        Map<String, String> actual = new LinkedHashMap<>();
        CloudFormationText.resolve(synth.properties(bulk).path("DefinitionSubstitutions")).fields()
                .forEachRemaining(e -> actual.put(e.getKey(), e.getValue().asText()));
        assertEquals(expected, actual);

        String deployed = CloudFormationText.text(synth.properties(bulk).path("DefinitionString"));
        for (Map.Entry<String, String> e : actual.entrySet()) {
            deployed = deployed.replace("${" + e.getKey() + "}", e.getValue());
        }
        assertFalse(deployed.contains("${"), "no placeholder is left: " + deployed);
        JsonNode map = Synthesized.JSON.readTree(deployed).at("/States/ReprocessObjects");
        assertEquals(expected.get("ImagePipelineStateMachineArn"),
                map.at("/ItemProcessor/States/ReprocessObject/Parameters/StateMachineArn").asText(), "each child starts the pipeline's alias");
        assertEquals(ref(outputBucket), map.at("/ResultWriter/Parameters/Bucket").asText());
        assertEquals(expected.get("ProcessorFunctionArn"),
                Synthesized.JSON.readTree(deployed).at("/States/Summarise/Parameters/FunctionName").asText());
    }

    @Test
    void itIsANamedStandardStateMachineThatLogsEverythingAndTracesWithXRay() {
        JsonNode properties = synth.properties(bulk);
        assertEquals("STANDARD", properties.path("StateMachineType").asText());
        assertEquals(synth.stack.pipeline().getBulkReprocessing().getStateMachineName(), properties.path("StateMachineName").asText());
        assertTrue(properties.path("StateMachineName").asText().length() <= 80, "Step Functions' limit on names");
        assertTrue(properties.at("/TracingConfiguration/Enabled").asBoolean());
        assertEquals("ALL", properties.at("/LoggingConfiguration/Level").asText());
        assertTrue(properties.at("/LoggingConfiguration/IncludeExecutionData").asBoolean());
        String logGroup = properties.at("/LoggingConfiguration/Destinations/0/CloudWatchLogsLogGroup/LogGroupArn/Fn::GetAtt/0").asText();
        assertTrue(logGroup.startsWith("PipelineBulk"), logGroup);
        assertEquals(30, synth.properties(logGroup).path("RetentionInDays").asInt());
    }

    @Test
    void aVersionOfTheCurrentRevisionIsPublishedAndTheLiveAliasRoutesEveryExecutionToIt() {
        String version = synth.id("AWS::StepFunctions::StateMachineVersion", "PipelineBulk");
        JsonNode versionProperties = CloudFormationText.resolve(synth.properties(version));
        assertEquals(ref(bulk), versionProperties.path("StateMachineArn").asText());
        assertEquals(getAtt(bulk, "StateMachineRevisionId"), versionProperties.path("StateMachineRevisionId").asText());
        JsonNode alias = CloudFormationText.resolve(synth.properties(synth.id("AWS::StepFunctions::StateMachineAlias", "PipelineBulk")));
        assertEquals(PipelineDefaults.ALIAS, alias.path("Name").asText());
        assertEquals(1, alias.path("RoutingConfiguration").size());
        assertEquals(getAtt(version, "Arn"), alias.at("/RoutingConfiguration/0/StateMachineVersionArn").asText());
        assertEquals(100, alias.at("/RoutingConfiguration/0/Weight").asInt());
    }

    /** Every action of the role on the resources its integrations touch, and nothing else. */
    @Test
    void theRoleGrantsExactlyWhatTheDefinitionsIntegrationsNeed() {
        String arn = "arn:" + ref("AWS::Partition") + ":";
        String region = ref("AWS::Region") + ":" + ref("AWS::AccountId");
        String name = synth.properties(bulk).path("StateMachineName").asText();
        String results = getAtt(outputBucket, "Arn") + "/bulk-runs/*";
        Map<String, Set<String>> grants = IamGrants.of(synth, bulkRole);
        Map<String, Set<String>> expected = new LinkedHashMap<>();
        expected.put("s3:ListBucket", Set.of(getAtt(synth.id("AWS::S3::Bucket", "PipelineInputBucket"), "Arn")));
        expected.put("states:StartExecution", Set.of(ref(pipeline), arn + "states:" + region + ":stateMachine:" + name));
        expected.put("states:DescribeExecution", Set.of(arn + "states:" + region + ":execution:" + getAtt(pipeline, "Name") + ":*",
                arn + "states:" + region + ":execution:" + name + "/*", arn + "states:" + region + ":execution:" + name + ":*"));
        expected.put("states:StopExecution", Set.of(arn + "states:" + region + ":execution:" + getAtt(pipeline, "Name") + ":*",
                arn + "states:" + region + ":execution:" + name + "/*"));
        for (String action : List.of("events:PutTargets", "events:PutRule", "events:DescribeRule")) {
            expected.put(action, Set.of(arn + "events:" + region + ":rule/StepFunctionsGetEventsForStepFunctionsExecutionRule"));
        }
        for (String action : List.of("s3:PutObject", "s3:GetObject", "s3:ListMultipartUploadParts", "s3:AbortMultipartUpload")) {
            expected.put(action, Set.of(results));
        }
        expected.put("lambda:InvokeFunction", Set.of(ref(synth.id("AWS::Lambda::Alias", "PipelineProcessor"))));
        for (Map.Entry<String, Set<String>> e : expected.entrySet()) {
            assertEquals(e.getValue(), grants.remove(e.getKey()), e.getKey());
        }
        grants.forEach((action, resources) -> {
            assertTrue(IamGrants.UNSCOPABLE_ACTIONS.contains(action), "unexpected grant " + action + " on " + resources);
            assertEquals(Set.of("*"), resources);
        });
    }

    /**
     * Starting the image pipeline is authorised on its unqualified ARN (as for the rule, issue 12
     * finding 1): the grant holds only with the alias as qualifier, so a child can start neither
     * $LATEST nor a version; the grant on the bulk state machine itself (its Distributed Map's
     * children) needs no condition.
     */
    @Test
    void startingTheImagePipelineIsNarrowedToItsAliasAndTheListingIsNotNarrowedWithoutAKeyPrefix() {
        List<JsonNode> statements = IamGrants.statementsOf(synth, bulkRole);
        JsonNode startPipeline = statements.stream()
                .filter(s -> IamGrants.strings(s.path("Action")).equals(List.of("states:StartExecution"))
                        && IamGrants.strings(s.path("Resource")).equals(List.of(ref(pipeline))))
                .findFirst().orElseThrow();
        assertEquals("[\"" + PipelineDefaults.ALIAS + "\"]",
                startPipeline.at("/Condition/ForAnyValue:StringEquals/states:StateMachineQualifier").toString());
        Set<String> conditioned = new TreeSet<>();
        statements.forEach(s -> {
            if (!s.path("Condition").isMissingNode()) {
                conditioned.addAll(IamGrants.strings(s.path("Action")));
            }
        });
        assertEquals(Set.of("states:StartExecution"), conditioned, "only the pipeline's StartExecution is conditioned by default");
    }

    @Test
    void theRoleTrustsStepFunctionsForThisAccountOnly() {
        JsonNode statements = CloudFormationText.resolve(synth.properties(bulkRole).at("/AssumeRolePolicyDocument/Statement"));
        assertEquals(1, statements.size(), statements.toString());
        JsonNode trust = statements.get(0);
        assertEquals("states.amazonaws.com", trust.at("/Principal/Service").asText());
        assertEquals(ref("AWS::AccountId"), trust.at("/Condition/StringEquals/aws:SourceAccount").asText());
        assertEquals("arn:" + ref("AWS::Partition") + ":states:" + ref("AWS::Region") + ":" + ref("AWS::AccountId") + ":stateMachine:*",
                trust.at("/Condition/ArnLike/aws:SourceArn").asText());
    }

    @Test
    void theStackOutputsTheBulkStateMachineItsAliasAndItsVersion() {
        JsonNode outputs = CloudFormationText.resolve(synth.json.path("Outputs"));
        assertEquals(ref(bulk), outputs.at("/BulkStateMachineArn/Value").asText());
        assertEquals(getAtt(synth.id("AWS::StepFunctions::StateMachineAlias", "PipelineBulk"), "Arn"),
                outputs.at("/BulkStateMachineAliasArn/Value").asText());
        assertEquals(getAtt(synth.id("AWS::StepFunctions::StateMachineVersion", "PipelineBulk"), "Arn"),
                outputs.at("/BulkStateMachineVersionArn/Value").asText());
    }

    /** The operator's policy starts the bulk alias and reads runs, Map Runs and summaries: nothing else. */
    @Test
    void theOperatorPolicyStartsTheBulkAliasAndReadsRunsOnly() {
        String arn = "arn:" + ref("AWS::Partition") + ":states:" + ref("AWS::Region") + ":" + ref("AWS::AccountId") + ":";
        String name = synth.properties(bulk).path("StateMachineName").asText();
        String policy = synth.id("AWS::IAM::ManagedPolicy", "PipelineBulkOperatorPolicy");
        List<JsonNode> statements = IamGrants.allowStatements(CloudFormationText.resolve(synth.properties(policy).path("PolicyDocument")));
        Map<String, Set<String>> grants = new LinkedHashMap<>();
        statements.forEach(statement -> IamGrants.strings(statement.path("Action")).forEach(action ->
                grants.computeIfAbsent(action, a -> new TreeSet<>()).addAll(IamGrants.strings(statement.path("Resource")))));
        assertEquals(Map.of(
                "states:StartExecution", Set.of(arn + "stateMachine:" + name),
                "states:ListExecutions", Set.of(arn + "stateMachine:" + name),
                "states:DescribeExecution", Set.of(arn + "execution:" + name + ":*"),
                "states:ListMapRuns", Set.of(arn + "execution:" + name + ":*"),
                "states:DescribeMapRun", Set.of(arn + "mapRun:" + name + "/*"),
                "s3:GetObject", Set.of(getAtt(outputBucket, "Arn") + "/bulk-runs/*")), grants);
        JsonNode start = statements.stream().filter(s -> IamGrants.strings(s.path("Action")).contains("states:StartExecution")).findFirst().orElseThrow();
        assertEquals("[\"" + PipelineDefaults.ALIAS + "\"]", start.at("/Condition/ForAnyValue:StringEquals/states:StateMachineQualifier").toString());
        assertEquals(ref(policy), CloudFormationText.resolve(synth.json.path("Outputs")).at("/BulkOperatorPolicyArn/Value").asText());
    }

    /** The grants are for the published definition's integrations: the same set, no more, no fewer. */
    @Test
    void thePublishedDefinitionUsesExactlyTheIntegrationsTheRoleIsGrantedFor() {
        assertEquals(new TreeSet<>(BulkReprocessing.INTEGRATIONS), BulkReprocessing.integrationsOf(DEFINITION.json()));
    }

    /**
     * A definition that reads a manifest object (ItemReader {@code s3:getObject}) needs a grant this
     * construct does not give: it is found, so that the construct stops synthesis instead of
     * deploying a state machine whose listing fails at run time.
     */
    @Test
    void anIntegrationTheRoleIsNotGrantedForIsFound() throws IOException {
        ObjectNode changed = (ObjectNode) Synthesized.JSON.readTree(DEFINITION.json());
        ((ObjectNode) changed.at("/States/ReprocessObjects/ItemReader")).put("Resource", "arn:aws:states:::s3:getObject");
        Set<String> found = BulkReprocessing.integrationsOf(changed.toString());
        assertTrue(found.contains("arn:aws:states:::s3:getObject"), found.toString());
        assertFalse(found.equals(BulkReprocessing.INTEGRATIONS));

        ObjectNode inline = (ObjectNode) Synthesized.JSON.readTree(DEFINITION.json());
        ((ObjectNode) inline.at("/States/ReprocessObjects/ItemProcessor/ProcessorConfig")).put("Mode", "INLINE");
        assertFalse(BulkReprocessing.integrationsOf(inline.toString()).contains(BulkReprocessing.DISTRIBUTED_MAP),
                "an inline Map starts no executions of its own state machine");
    }
}
