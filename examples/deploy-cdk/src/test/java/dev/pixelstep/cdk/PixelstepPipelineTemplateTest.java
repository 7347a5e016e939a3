package dev.pixelstep.cdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pixelstep.functions.config.FunctionConfig;
import dev.pixelstep.functions.internal.image.ImageLimits;
import dev.pixelstep.statemachine.PipelineDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipFile;

import static dev.pixelstep.cdk.CloudFormationText.getAtt;
import static dev.pixelstep.cdk.CloudFormationText.ref;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pipeline with every default, synthesised once: each resource, its settings and its permissions. */
class PixelstepPipelineTemplateTest {

    private static final PipelineDefinition DEFINITION = PipelineDefinition.load();
    private static Synthesized synth;
    private static String inputBucket;
    private static String outputBucket;
    private static String processor;
    private static String analyser;
    private static String processorAlias;
    private static String analyserAlias;
    private static String stateMachine;
    private static String stateMachineAlias;

    @BeforeAll
    static void synthesise() {
        synth = Synthesized.defaults();
        inputBucket = synth.id("AWS::S3::Bucket", "PipelineInputBucket");
        outputBucket = synth.id("AWS::S3::Bucket", "PipelineOutputBucket");
        processor = synth.id("AWS::Lambda::Function", "PipelineProcessor");
        analyser = synth.id("AWS::Lambda::Function", "PipelineAnalyser");
        processorAlias = synth.id("AWS::Lambda::Alias", "PipelineProcessor");
        analyserAlias = synth.id("AWS::Lambda::Alias", "PipelineAnalyser");
        stateMachine = synth.id("AWS::StepFunctions::StateMachine", "PipelineStateMachine");
        stateMachineAlias = synth.id("AWS::StepFunctions::StateMachineAlias", "PipelineStateMachine");
    }

    @Test
    void bothBucketsAreEncryptedPrivateRetainedAndWithoutLifecycleByDefault() {
        synth.template.resourceCountIs("AWS::S3::Bucket", 3);
        for (String bucket : List.of(inputBucket, outputBucket)) {
            JsonNode properties = synth.properties(bucket);
            assertEquals("AES256", properties.at("/BucketEncryption/ServerSideEncryptionConfiguration/0/ServerSideEncryptionByDefault/SSEAlgorithm").asText());
            for (String setting : List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")) {
                assertTrue(properties.path("PublicAccessBlockConfiguration").path(setting).asBoolean(), bucket + " " + setting);
            }
            assertTrue(properties.path("LifecycleConfiguration").isMissingNode(), bucket + " expires nothing by default");
            assertTrue(properties.path("BucketName").isMissingNode(), "CloudFormation names " + bucket);
            assertEquals("Retain", synth.json.path("Resources").path(bucket).path("DeletionPolicy").asText());
        }
    }

    @Test
    void bothBucketsWriteServerAccessLogsToALogBucketThatKeepsThemFor90Days() {
        String logs = synth.id("AWS::S3::Bucket", "PipelineAccessLogBucket");
        assertEquals(ref(logs), CloudFormationText.text(synth.properties(inputBucket).at("/LoggingConfiguration/DestinationBucketName")));
        assertEquals("input/", synth.properties(inputBucket).at("/LoggingConfiguration/LogFilePrefix").asText());
        assertEquals(ref(logs), CloudFormationText.text(synth.properties(outputBucket).at("/LoggingConfiguration/DestinationBucketName")));
        assertEquals("output/", synth.properties(outputBucket).at("/LoggingConfiguration/LogFilePrefix").asText());
        JsonNode properties = synth.properties(logs);
        assertEquals("AES256", properties.at("/BucketEncryption/ServerSideEncryptionConfiguration/0/ServerSideEncryptionByDefault/SSEAlgorithm").asText(),
                "S3 server access logging delivers only to SSE-S3 buckets");
        assertTrue(properties.path("AccessControl").isMissingNode(), "log delivery through the bucket policy, not the LogDeliveryWrite ACL");
        assertEquals(PipelineDefaults.ACCESS_LOG_EXPIRATION_DAYS, properties.at("/LifecycleConfiguration/Rules/0/ExpirationInDays").asInt());
        assertEquals("Retain", synth.json.path("Resources").path(logs).path("DeletionPolicy").asText());
        synth.template.hasResourceProperties("AWS::S3::BucketPolicy", Map.of(
                "Bucket", Map.of("Ref", logs),
                "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Action", "s3:PutObject", "Effect", "Allow",
                        "Principal", Map.of("Service", "logging.s3.amazonaws.com"),
                        "Condition", Match.objectLike(Map.of(
                                "ArnLike", Map.of("aws:SourceArn", Match.anyValue()),
                                "StringEquals", Map.of("aws:SourceAccount", Map.of("Ref", "AWS::AccountId")))))))))));
    }

    @Test
    void bothBucketsRefuseRequestsWithoutTls() {
        for (String bucket : List.of(inputBucket, outputBucket, synth.id("AWS::S3::Bucket", "PipelineAccessLogBucket"))) {
            synth.template.hasResourceProperties("AWS::S3::BucketPolicy", Map.of(
                    "Bucket", Map.of("Ref", bucket),
                    "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                            "Action", "s3:*", "Effect", "Deny",
                            "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")),
                            "Resource", List.of(Map.of("Fn::GetAtt", List.of(bucket, "Arn")),
                                    Map.of("Fn::Join", List.of("", List.of(Map.of("Fn::GetAtt", List.of(bucket, "Arn")), "/*")))))))))));
        }
    }

    @Test
    void onlyTheInputBucketSendsEventsToEventBridgeWithoutACustomResource() {
        assertTrue(synth.properties(inputBucket).at("/NotificationConfiguration/EventBridgeConfiguration/EventBridgeEnabled").asBoolean());
        assertTrue(synth.properties(outputBucket).path("NotificationConfiguration").isMissingNode());
        synth.template.resourceCountIs("Custom::S3BucketNotifications", 0);
        synth.template.resourceCountIs("AWS::Lambda::Function", 2);
    }

    @Test
    void theLayerIsOneVersionForTheRuntimeAndArchitectureOfTheFunctions() {
        String layer = synth.onlyId("AWS::Lambda::LayerVersion");
        JsonNode properties = synth.properties(layer);
        assertEquals("[\"java25\"]", properties.path("CompatibleRuntimes").toString());
        assertEquals("[\"arm64\"]", properties.path("CompatibleArchitectures").toString());
        String layerKey = properties.at("/Content/S3Key").asText();
        String codeKey = synth.properties(processor).at("/Code/S3Key").asText();
        assertTrue(layerKey.endsWith(".zip") && codeKey.endsWith(".zip"), layerKey + " " + codeKey);
        assertNotEquals(layerKey, codeKey);
        assertEquals(codeKey, synth.properties(analyser).at("/Code/S3Key").asText(), "one function zip for both functions");
        for (String function : List.of(processor, analyser)) {
            assertEquals(List.of(ref(layer)), IamGrants.strings(CloudFormationText.resolve(synth.properties(function).path("Layers"))));
        }
    }

    @Test
    void functionsRunJava25OnArm64WithSnapStartOnPublishedVersions() {
        for (String function : List.of(processor, analyser)) {
            JsonNode properties = synth.properties(function);
            assertEquals("java25", properties.path("Runtime").asText());
            assertEquals("[\"arm64\"]", properties.path("Architectures").toString());
            assertEquals("PublishedVersions", properties.at("/SnapStart/ApplyOn").asText());
        }
        assertEquals(PixelstepPipeline.PROCESSOR_HANDLER, synth.properties(processor).path("Handler").asText());
        assertEquals(PixelstepPipeline.ANALYSER_HANDLER, synth.properties(analyser).path("Handler").asText());
    }

    @Test
    void handlersAreClassesOfTheFunctionZip() throws IOException {
        try (ZipFile zip = new ZipFile(Synthesized.functionZip().toFile())) {
            for (String handler : List.of(PixelstepPipeline.PROCESSOR_HANDLER, PixelstepPipeline.ANALYSER_HANDLER)) {
                assertNotNull(zip.getEntry(handler.replace('.', '/') + ".class"), handler + " in " + zip.getName());
            }
        }
    }

    @Test
    void functionsAreSizedFromTheBenchmarks() {
        assertEquals(2048, synth.properties(processor).path("MemorySize").asInt());
        assertEquals(300, synth.properties(processor).path("Timeout").asInt());
        assertEquals(1024, synth.properties(analyser).path("MemorySize").asInt());
        assertEquals(120, synth.properties(analyser).path("Timeout").asInt());
    }

    @Test
    void functionsGetTheOutputBucketLimitsAndJvmOptionsFromTheStack() {
        for (String function : List.of(processor, analyser)) {
            JsonNode variables = CloudFormationText.resolve(synth.properties(function).at("/Environment/Variables"));
            assertEquals(ref(outputBucket), variables.path(FunctionConfig.OUTPUT_BUCKET).asText());
            assertEquals(Long.toString(ImageLimits.DEFAULT_MAX_BYTES), variables.path(FunctionConfig.MAX_BYTES).asText());
            assertEquals(Long.toString(ImageLimits.DEFAULT_MAX_PIXELS), variables.path(FunctionConfig.MAX_PIXELS).asText());
            assertEquals(PipelineDefaults.JVM_OPTIONS, variables.path("JAVA_TOOL_OPTIONS").asText());
            assertEquals(4, variables.size(), variables.toString());
        }
    }

    @Test
    void eachAliasPointsAtAPublishedVersionOfItsFunction() {
        for (String[] pair : List.of(new String[] {processorAlias, processor}, new String[] {analyserAlias, analyser})) {
            JsonNode alias = synth.properties(pair[0]);
            assertEquals(PipelineDefaults.ALIAS, alias.path("Name").asText());
            assertEquals(ref(pair[1]), CloudFormationText.text(alias.path("FunctionName")));
            String version = alias.at("/FunctionVersion/Fn::GetAtt/0").asText();
            assertEquals("AWS::Lambda::Version", synth.json.at("/Resources/" + version + "/Type").asText());
            assertEquals(ref(pair[1]), CloudFormationText.text(synth.properties(version).path("FunctionName")));
        }
    }

    @Test
    void everyLogGroupKeepsLogsForAMonth() {
        synth.template.resourceCountIs("AWS::Logs::LogGroup", 4);
        synth.template.allResourcesProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", 30));
        for (String function : List.of(processor, analyser)) {
            String logGroup = synth.properties(function).at("/LoggingConfig/LogGroup/Ref").asText();
            assertEquals("AWS::Logs::LogGroup", synth.json.at("/Resources/" + logGroup + "/Type").asText());
        }
    }

    @Test
    void theStateMachineRunsThePublishedDefinitionAsItIs() throws IOException {
        JsonNode properties = synth.properties(stateMachine);
        String definition = CloudFormationText.text(properties.path("DefinitionString"));
        assertEquals(Synthesized.JSON.readTree(DEFINITION.json()), Synthesized.JSON.readTree(definition));
        assertEquals(DEFINITION.json(), definition, "byte for byte, so that the published version is what runs");
    }

    @Test
    void definitionSubstitutionsFillEveryPlaceholderWithTheAliasesAndTheOutputBucket() throws IOException {
        JsonNode substitutions = CloudFormationText.resolve(synth.properties(stateMachine).path("DefinitionSubstitutions"));
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("ProcessorFunctionArn", ref(processorAlias));
        expected.put("AnalyserFunctionArn", ref(analyserAlias));
        expected.put("OutputBucket", ref(outputBucket));
        assertEquals(DEFINITION.placeholders().keySet(), expected.keySet());
        Map<String, String> actual = new LinkedHashMap<>();
        substitutions.fields().forEachRemaining(e -> actual.put(e.getKey(), e.getValue().asText()));
        assertEquals(expected, actual);

        String deployed = stepFunctionsSubstitution(CloudFormationText.text(synth.properties(stateMachine).path("DefinitionString")), actual);
        assertEquals(Synthesized.JSON.readTree(DEFINITION.substitute(expected)), Synthesized.JSON.readTree(deployed));
        assertFalse(deployed.contains("${"), "no placeholder is left");
        JsonNode states = Synthesized.JSON.readTree(deployed).path("States");
        assertEquals(ref(processorAlias), states.at("/ProcessAndAnalyseOriginal/Branches/0/States/Process/Parameters/FunctionName").asText());
        assertEquals(ref(analyserAlias), states.at("/AnalyseCombined/Parameters/FunctionName").asText());
        assertEquals(ref(outputBucket), states.at("/WriteManifest/Parameters/Bucket").asText());
    }

    @Test
    void theStateMachineLogsEverythingAndTracesWithXRay() {
        JsonNode properties = synth.properties(stateMachine);
        assertEquals("STANDARD", properties.path("StateMachineType").asText());
        assertTrue(properties.at("/TracingConfiguration/Enabled").asBoolean());
        assertEquals("ALL", properties.at("/LoggingConfiguration/Level").asText());
        String logGroup = properties.at("/LoggingConfiguration/Destinations/0/CloudWatchLogsLogGroup/LogGroupArn/Fn::GetAtt/0").asText();
        assertEquals("AWS::Logs::LogGroup", synth.json.at("/Resources/" + logGroup + "/Type").asText());
    }

    @Test
    void aVersionOfTheCurrentRevisionIsPublishedAndTheAliasRoutesEveryExecutionToIt() {
        String version = synth.id("AWS::StepFunctions::StateMachineVersion", "PipelineStateMachine");
        JsonNode versionProperties = CloudFormationText.resolve(synth.properties(version));
        assertEquals(ref(stateMachine), versionProperties.path("StateMachineArn").asText());
        assertEquals(getAtt(stateMachine, "StateMachineRevisionId"), versionProperties.path("StateMachineRevisionId").asText());
        JsonNode alias = CloudFormationText.resolve(synth.properties(stateMachineAlias));
        assertEquals(PipelineDefaults.ALIAS, alias.path("Name").asText());
        assertEquals(1, alias.path("RoutingConfiguration").size());
        assertEquals(getAtt(version, "Arn"), alias.at("/RoutingConfiguration/0/StateMachineVersionArn").asText());
        assertEquals(100, alias.at("/RoutingConfiguration/0/Weight").asInt());
    }

    @Test
    void theRulePatternIsThePublishedPatternForTheInputBucketForNonEmptyObjects() throws IOException {
        JsonNode rule = synth.properties(synth.onlyId("AWS::Events::Rule"));
        ObjectNode expected = (ObjectNode) Synthesized.JSON.readTree(DEFINITION.eventPattern(ref(inputBucket)));
        ((ObjectNode) expected.path("detail")).putObject("object").putArray("size").addObject().putArray("numeric").add(">").add(0);
        assertEquals(expected, CloudFormationText.resolve(rule.path("EventPattern")));
        assertEquals("ENABLED", rule.path("State").asText());
    }

    @Test
    void theRuleStartsTheStateMachineAliasWithRetriesAndAnEncryptedDeadLetterQueue() {
        JsonNode targets = CloudFormationText.resolve(synth.properties(synth.onlyId("AWS::Events::Rule")).path("Targets"));
        assertEquals(1, targets.size());
        JsonNode target = targets.get(0);
        assertEquals(getAtt(stateMachineAlias, "Arn"), target.path("Arn").asText());
        assertEquals(PipelineDefaults.EVENT_RETRY_ATTEMPTS, target.at("/RetryPolicy/MaximumRetryAttempts").asInt());
        assertEquals(PipelineDefaults.EVENT_MAX_AGE.toSeconds(), target.at("/RetryPolicy/MaximumEventAgeInSeconds").asLong());
        String queue = synth.onlyId("AWS::SQS::Queue");
        assertEquals(getAtt(queue, "Arn"), target.at("/DeadLetterConfig/Arn").asText());
        assertTrue(synth.properties(queue).path("SqsManagedSseEnabled").asBoolean(), "the dead-letter queue is encrypted");
        JsonNode queuePolicy = CloudFormationText.resolve(synth.properties(synth.onlyId("AWS::SQS::QueuePolicy")).path("PolicyDocument"));
        JsonNode send = IamGrants.allowStatements(queuePolicy).get(0);
        assertEquals("sqs:SendMessage", send.path("Action").asText());
        assertEquals("events.amazonaws.com", send.at("/Principal/Service").asText());
        assertEquals(ruleArn(), send.at("/Condition/ArnEquals/aws:SourceArn").asText(), "only this rule may dead-letter into the queue");
        assertEquals("Deny", queuePolicy.at("/Statement/0/Effect").asText());
        assertEquals("false", queuePolicy.at("/Statement/0/Condition/Bool/aws:SecureTransport").asText());
    }

    /** The rule's ARN as the template writes it (the rule is named, so that its ARN needs no reference to it). */
    private static String ruleArn() {
        JsonNode rule = synth.properties(synth.onlyId("AWS::Events::Rule"));
        return "arn:" + ref("AWS::Partition") + ":events:" + ref("AWS::Region") + ":" + ref("AWS::AccountId") + ":rule/" + rule.path("Name").asText();
    }

    /**
     * Regression (issue 12, finding 1): the rule's role was granted states:StartExecution on the
     * alias ARN, which Step Functions never authorises: it authorises an alias's StartExecution on
     * the unqualified state machine ARN, so every upload's event went to the dead-letter queue.
     */
    @Test
    void startExecutionOfTheAliasIsGrantedOnTheUnqualifiedStateMachineArnNarrowedToTheAlias() {
        String role = synth.properties(synth.onlyId("AWS::Events::Rule")).at("/Targets/0/RoleArn/Fn::GetAtt/0").asText();
        assertEquals(Map.of("states:StartExecution", Set.of(ref(stateMachine))), IamGrants.of(synth, role));
        List<JsonNode> statements = IamGrants.statementsOf(synth, role);
        assertEquals(1, statements.size());
        assertEquals("[\"" + PipelineDefaults.ALIAS + "\"]",
                statements.get(0).at("/Condition/ForAnyValue:StringEquals/states:StateMachineQualifier").toString());
    }

    @Test
    void theServiceRolesTrustOnlyTheirServiceForThisAccountAndTheirSource() {
        JsonNode ruleTrust = trust(synth.properties(synth.onlyId("AWS::Events::Rule")).at("/Targets/0/RoleArn/Fn::GetAtt/0").asText());
        assertEquals("events.amazonaws.com", ruleTrust.at("/Principal/Service").asText());
        assertEquals(ref("AWS::AccountId"), ruleTrust.at("/Condition/StringEquals/aws:SourceAccount").asText());
        assertEquals(ruleArn(), ruleTrust.at("/Condition/ArnEquals/aws:SourceArn").asText());

        JsonNode stateMachineTrust = trust(synth.properties(stateMachine).at("/RoleArn/Fn::GetAtt/0").asText());
        assertEquals("states.amazonaws.com", stateMachineTrust.at("/Principal/Service").asText());
        assertEquals(ref("AWS::AccountId"), stateMachineTrust.at("/Condition/StringEquals/aws:SourceAccount").asText());
        assertEquals("arn:" + ref("AWS::Partition") + ":states:" + ref("AWS::Region") + ":" + ref("AWS::AccountId") + ":stateMachine:*",
                stateMachineTrust.at("/Condition/ArnLike/aws:SourceArn").asText());

        for (String function : List.of(processor, analyser)) {
            JsonNode functionTrust = trust(synth.properties(function).at("/Role/Fn::GetAtt/0").asText());
            assertEquals("lambda.amazonaws.com", functionTrust.at("/Principal/Service").asText());
            assertTrue(functionTrust.path("Condition").isMissingNode(), "Lambda documents no source keys for execution roles");
        }
    }

    private static JsonNode trust(String role) {
        JsonNode statements = CloudFormationText.resolve(synth.properties(role).at("/AssumeRolePolicyDocument/Statement"));
        assertEquals(1, statements.size(), statements.toString());
        assertEquals("sts:AssumeRole", statements.get(0).path("Action").asText());
        return statements.get(0);
    }

    @Test
    void theProcessorReadsInputsAndBulkResultsAndWritesOutputsOnly() {
        String role = synth.properties(processor).at("/Role/Fn::GetAtt/0").asText();
        assertEquals(Map.of(
                "s3:GetObject", Set.of(getAtt(inputBucket, "Arn") + "/*", getAtt(outputBucket, "Arn") + "/bulk-runs/*"),
                "s3:ListBucket", Set.of(getAtt(inputBucket, "Arn"), getAtt(outputBucket, "Arn")),
                "s3:PutObject", Set.of(getAtt(outputBucket, "Arn") + "/*", getAtt(outputBucket, "Arn") + "/bulk-runs/*/summary.json"),
                "s3:DeleteObject", Set.of(getAtt(outputBucket, "Arn") + "/*"),
                "xray:PutTraceSegments", Set.of("*"),
                "xray:PutTelemetryRecords", Set.of("*"),
                "logs:CreateLogStream", Set.of(getAtt(synth.properties(processor).at("/LoggingConfig/LogGroup/Ref").asText(), "Arn")),
                "logs:PutLogEvents", Set.of(getAtt(synth.properties(processor).at("/LoggingConfig/LogGroup/Ref").asText(), "Arn"))),
                IamGrants.of(synth, role));
    }

    @Test
    void theAnalyserReadsBothBucketsAndWritesOutputsOnly() {
        String role = synth.properties(analyser).at("/Role/Fn::GetAtt/0").asText();
        String logGroup = getAtt(synth.properties(analyser).at("/LoggingConfig/LogGroup/Ref").asText(), "Arn");
        assertEquals(Map.of(
                "s3:GetObject", Set.of(getAtt(inputBucket, "Arn") + "/*", getAtt(outputBucket, "Arn") + "/*"),
                "s3:ListBucket", Set.of(getAtt(inputBucket, "Arn"), getAtt(outputBucket, "Arn")),
                "s3:PutObject", Set.of(getAtt(outputBucket, "Arn") + "/*"),
                "xray:PutTraceSegments", Set.of("*"),
                "xray:PutTelemetryRecords", Set.of("*"),
                "logs:CreateLogStream", Set.of(logGroup),
                "logs:PutLogEvents", Set.of(logGroup)),
                IamGrants.of(synth, role));
    }

    @Test
    void theStateMachineInvokesExactlyTheTwoAliasesAndWritesManifestsToTheOutputBucket() {
        String role = synth.properties(stateMachine).at("/RoleArn/Fn::GetAtt/0").asText();
        Map<String, Set<String>> grants = IamGrants.of(synth, role);
        assertEquals(Set.of(ref(processorAlias), ref(analyserAlias)), grants.remove("lambda:InvokeFunction"));
        assertEquals(Set.of(getAtt(outputBucket, "Arn") + "/*/manifest.json"), grants.remove("s3:PutObject"), "manifests only");
        grants.forEach((action, resources) -> {
            assertTrue(IamGrants.UNSCOPABLE_ACTIONS.contains(action), "unexpected grant " + action + " on " + resources);
            assertEquals(Set.of("*"), resources);
        });
    }

    @Test
    void noPolicyGrantsAWildcardActionOrAWildcardResourceThatCouldBeNamed() {
        List<JsonNode> statements = IamGrants.allAllowStatements(synth);
        assertTrue(statements.size() > 5, "found the policies: " + statements.size());
        for (JsonNode statement : statements) {
            List<String> actions = IamGrants.strings(statement.path("Action"));
            actions.forEach(action -> assertFalse(action.contains("*"), "wildcard action in " + statement));
            if (IamGrants.strings(statement.path("Resource")).contains("*")) {
                assertTrue(IamGrants.UNSCOPABLE_ACTIONS.containsAll(actions), "'*' resource for scopable actions in " + statement);
            }
        }
        synth.template.allResourcesProperties("AWS::IAM::Role", Map.of("ManagedPolicyArns", Match.absent()));
    }

    @Test
    void eachFunctionReservesItsDefaultConcurrency() {
        for (String function : List.of(processor, analyser)) {
            assertEquals(PipelineDefaults.RESERVED_CONCURRENCY, synth.properties(function).path("ReservedConcurrentExecutions").asInt(), function);
        }
    }

    @Test
    void bothFunctionsTraceWithXRay() {
        for (String function : List.of(processor, analyser)) {
            assertEquals("Active", synth.properties(function).at("/TracingConfig/Mode").asText(), function);
        }
    }

    /** CloudFormation refuses an output whose value is empty (issue 12): the empty default key prefix has no output. */
    @Test
    void noStackOutputIsEmpty() {
        synth.json.path("Outputs").fields().forEachRemaining(output ->
                assertFalse(CloudFormationText.text(output.getValue().path("Value")).isBlank(), output.getKey() + " is empty"));
        assertTrue(synth.json.at("/Outputs/KeyPrefix").isMissingNode());
    }

    @Test
    void theStackOutputsWhatAClientNeeds() {
        JsonNode outputs = CloudFormationText.resolve(synth.json.path("Outputs"));
        assertEquals(ref(inputBucket), outputs.at("/InputBucketName/Value").asText());
        assertEquals(ref(outputBucket), outputs.at("/OutputBucketName/Value").asText());
        assertEquals(ref("AWS::Region"), outputs.at("/Region/Value").asText());
        assertEquals(ref(stateMachine), outputs.at("/StateMachineArn/Value").asText());
        assertEquals(getAtt(stateMachineAlias, "Arn"), outputs.at("/StateMachineAliasArn/Value").asText());
        assertEquals(ref(synth.onlyId("AWS::Lambda::LayerVersion")), outputs.at("/LayerVersionArn/Value").asText());
        assertEquals(ref(processorAlias), outputs.at("/ProcessorAliasArn/Value").asText());
        assertEquals(ref(analyserAlias), outputs.at("/AnalyserAliasArn/Value").asText());
        assertEquals(ref(synth.id("AWS::IAM::ManagedPolicy", "PipelineClientPolicy")), outputs.at("/ClientPolicyArn/Value").asText());
        assertEquals(ref(synth.id("AWS::S3::Bucket", "PipelineAccessLogBucket")), outputs.at("/AccessLogBucketName/Value").asText());
    }

    /** Fills {@code ${Name}} the way Step Functions' definition substitutions do. */
    private static String stepFunctionsSubstitution(String definition, Map<String, String> substitutions) {
        String result = definition;
        for (Map.Entry<String, String> e : substitutions.entrySet()) {
            result = result.replace("${" + e.getKey() + "}", e.getValue());
        }
        return result;
    }
}
