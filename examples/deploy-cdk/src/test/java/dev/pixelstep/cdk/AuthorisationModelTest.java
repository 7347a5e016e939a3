package dev.pixelstep.cdk;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static dev.pixelstep.cdk.CloudFormationText.getAtt;
import static dev.pixelstep.cdk.CloudFormationText.ref;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The authorisation model: every AWS call the pipeline makes at run time, written as AWS
 * authorises it (the IAM action, the resource ARN the action is checked against, and the request
 * context its conditions read), evaluated against the policies of the synthesised template. Every
 * call must be allowed, every probe that must fail must be denied, and every action and resource
 * the policies grant must be used by some call: the policies grant what the pipeline does and
 * nothing else.
 *
 * <p>How AWS authorises the calls that are easy to get wrong:
 * <ul>
 *   <li>StartExecution of a state machine alias is authorised on the <em>unqualified</em> state
 *       machine ARN, with the alias name in {@code states:StateMachineQualifier} (Step Functions
 *       developer guide, "Authorization for versions and aliases"); a grant on the alias ARN never
 *       matches (issue 12, finding 1).</li>
 *   <li>Invoking a Lambda alias is authorised on the alias ARN ({@code Ref} of the alias).</li>
 *   <li>HeadObject and GetObject of a missing key answer 404 only to a caller with
 *       {@code s3:ListBucket} on the bucket ARN, 403 otherwise; ListObjectsV2 is s3:ListBucket.</li>
 *   <li>A presigned GET is authorised as the signer's s3:GetObject.</li>
 *   <li>Service principals (EventBridge to the dead-letter queue, S3 log delivery) are authorised by
 *       resource policies with {@code aws:SourceArn}/{@code aws:SourceAccount} in the context.</li>
 * </ul>
 * Deny statements in the template only refuse requests without TLS (or below TLS 1.2), which the
 * AWS SDKs and services never send; they are not modelled.
 */
class AuthorisationModelTest {

    private static Synthesized synth;
    private static Map<String, List<JsonNode>> policies;
    private static List<Call> calls;

    /** One request: who makes it, the IAM action, the resource as AWS authorises it, the request context. */
    record Call(String caller, String what, String action, String resource, Map<String, String> context, boolean allowed) {
        @Override
        public String toString() {
            return caller + ": " + what + " (" + action + " on " + resource + (context.isEmpty() ? "" : " " + context) + ")";
        }
    }

    @BeforeAll
    static void model() {
        synth = Synthesized.defaults();
        String in = getAtt(synth.id("AWS::S3::Bucket", "PipelineInputBucket"), "Arn");
        String out = getAtt(synth.id("AWS::S3::Bucket", "PipelineOutputBucket"), "Arn");
        String logs = getAtt(synth.id("AWS::S3::Bucket", "PipelineAccessLogBucket"), "Arn");
        String stateMachineId = synth.id("AWS::StepFunctions::StateMachine", "PipelineStateMachine");
        String stateMachine = ref(stateMachineId);
        String processorFunction = synth.id("AWS::Lambda::Function", "PipelineProcessor");
        String analyserFunction = synth.id("AWS::Lambda::Function", "PipelineAnalyser");
        String processorAlias = ref(synth.id("AWS::Lambda::Alias", "PipelineProcessor"));
        String analyserAlias = ref(synth.id("AWS::Lambda::Alias", "PipelineAnalyser"));
        String processorLogs = getAtt(synth.properties(processorFunction).at("/LoggingConfig/LogGroup/Ref").asText(), "Arn");
        String analyserLogs = getAtt(synth.properties(analyserFunction).at("/LoggingConfig/LogGroup/Ref").asText(), "Arn");
        String queue = getAtt(synth.onlyId("AWS::SQS::Queue"), "Arn");
        String account = ref("AWS::AccountId");
        String arnPrefix = "arn:" + ref("AWS::Partition") + ":";
        String ruleArn = arnPrefix + "events:" + ref("AWS::Region") + ":" + account + ":rule/"
                + synth.properties(synth.onlyId("AWS::Events::Rule")).path("Name").asText();
        String execution = arnPrefix + "states:" + ref("AWS::Region") + ":" + account + ":execution:" + getAtt(stateMachineId, "Name")
                + ":5c1f8e0e-9a0b-4f35-a3f4-1d2c3b4a5e6f";
        String webKey = "web/20260101-120000-k3j9.jpg";
        String bulkId = synth.id("AWS::StepFunctions::StateMachine", "PipelineBulk");
        String bulkName = synth.properties(bulkId).path("StateMachineName").asText();
        String bulkStateMachine = arnPrefix + "states:" + ref("AWS::Region") + ":" + account + ":stateMachine:" + bulkName;
        String childExecution = arnPrefix + "states:" + ref("AWS::Region") + ":" + account + ":execution:" + bulkName
                + "/ReprocessObjects:0f8e6d4c-2b1a-4c3d-9e8f-7a6b5c4d3e2f";
        String bulkRun = arnPrefix + "states:" + ref("AWS::Region") + ":" + account + ":execution:" + bulkName + ":reprocess-2026-01-01";
        String syncRule = arnPrefix + "events:" + ref("AWS::Region") + ":" + account + ":rule/" + BulkReprocessing.SYNC_EVENTS_RULE;
        String runResults = out + "/bulk-runs/reprocess-2026-01-01/4a3b2c1d-0e9f-4a8b-b7c6-d5e4f3a2b1c0/SUCCEEDED_0.json";

        policies = new LinkedHashMap<>();
        policies.put("rule", IamGrants.statementsOf(synth, synth.properties(synth.onlyId("AWS::Events::Rule")).at("/Targets/0/RoleArn/Fn::GetAtt/0").asText()));
        policies.put("state machine", IamGrants.statementsOf(synth, synth.properties(stateMachineId).at("/RoleArn/Fn::GetAtt/0").asText()));
        policies.put("processor", IamGrants.statementsOf(synth, synth.properties(processorFunction).at("/Role/Fn::GetAtt/0").asText()));
        policies.put("analyser", IamGrants.statementsOf(synth, synth.properties(analyserFunction).at("/Role/Fn::GetAtt/0").asText()));
        policies.put("bulk", IamGrants.statementsOf(synth, synth.properties(bulkId).at("/RoleArn/Fn::GetAtt/0").asText()));
        policies.put("operator", IamGrants.allowStatements(CloudFormationText.resolve(
                synth.properties(synth.id("AWS::IAM::ManagedPolicy", "PipelineBulkOperatorPolicy")).path("PolicyDocument"))));
        policies.put("client", IamGrants.allowStatements(CloudFormationText.resolve(synth.properties(synth.id("AWS::IAM::ManagedPolicy", "PipelineClientPolicy")).path("PolicyDocument"))));
        policies.put("events.amazonaws.com", servicePrincipalStatements("AWS::SQS::QueuePolicy", "events.amazonaws.com"));
        policies.put("logging.s3.amazonaws.com", servicePrincipalStatements("AWS::S3::BucketPolicy", "logging.s3.amazonaws.com"));

        Map<String, String> none = Map.of();
        calls = new ArrayList<>(List.of(
                // An upload: EventBridge starts the alias with the rule's role; what it cannot start goes to the dead-letter queue.
                allowed("rule", "StartExecution of the alias", "states:StartExecution", stateMachine, Map.of("states:StateMachineQualifier", "live")),
                allowed("events.amazonaws.com", "dead-letter an event", "sqs:SendMessage", queue, Map.of("aws:SourceArn", ruleArn)),
                // The state machine: both aliases (Process, AnalyseOriginal, AnalyseCombined, the discard step), then the manifest.
                allowed("state machine", "Process / discard", "lambda:InvokeFunction", processorAlias, none),
                allowed("state machine", "AnalyseOriginal / AnalyseCombined", "lambda:InvokeFunction", analyserAlias, none),
                allowed("state machine", "WriteManifest", "s3:PutObject", out + "/photo.jpg/manifest.json", none),
                allowed("state machine", "WriteFailedManifest, nested key", "s3:PutObject", out + "/albums/2026/photo.jpg/manifest.json", none),
                // The processor: read the input (HeadObject, GetObject; 404 for a missing key), write the outputs, discard them.
                allowed("processor", "GetObject / HeadObject of the input", "s3:GetObject", in + "/photo.jpg", none),
                allowed("processor", "HeadObject of a missing input answers 404", "s3:ListBucket", in, none),
                allowed("processor", "PutObject combined", "s3:PutObject", out + "/photo.jpg/combined.jpg", none),
                allowed("processor", "PutObject independent", "s3:PutObject", out + "/photo.jpg/independent/01-grayscale.jpg", none),
                allowed("processor", "discard: ListObjectsV2 prefix photo.jpg/", "s3:ListBucket", out, none),
                allowed("processor", "discard: DeleteObject", "s3:DeleteObject", out + "/photo.jpg/combined.jpg", none),
                // The analyser: the original and the combined image, its histograms.
                allowed("analyser", "GetObject of the original", "s3:GetObject", in + "/photo.jpg", none),
                allowed("analyser", "GetObject of the combined image", "s3:GetObject", out + "/photo.jpg/combined.jpg", none),
                allowed("analyser", "PutObject histogram", "s3:PutObject", out + "/photo.jpg/histogram-original.json", none),
                allowed("analyser", "HeadObject of a missing input answers 404", "s3:ListBucket", in, none),
                allowed("analyser", "HeadObject of a missing output answers 404", "s3:ListBucket", out, none),
                // S3 server access logs of both buckets.
                allowed("logging.s3.amazonaws.com", "input access log", "s3:PutObject", logs + "/input/2026-01-01-12-00-00-ABCDEF",
                        Map.of("aws:SourceArn", in, "aws:SourceAccount", account)),
                allowed("logging.s3.amazonaws.com", "output access log", "s3:PutObject", logs + "/output/2026-01-01-12-00-00-ABCDEF",
                        Map.of("aws:SourceArn", out, "aws:SourceAccount", account)),
                // The web page's AWS mode, with the user's own credentials and the client policy.
                allowed("client", "upload", "s3:PutObject", in + "/" + webKey, none),
                allowed("client", "HeadObject and the original image", "s3:GetObject", in + "/" + webKey, none),
                allowed("client", "recent runs: ListObjectsV2 prefix web/; 404 for a missing input", "s3:ListBucket", in, none),
                allowed("client", "404 for a manifest not written yet", "s3:ListBucket", out, none),
                allowed("client", "manifest and presigned image URLs", "s3:GetObject", out + "/" + webKey + "/manifest.json", none),
                allowed("client", "find the run's execution", "states:ListExecutions", stateMachine, none),
                allowed("client", "the execution's input (its key)", "states:DescribeExecution", execution, none),
                allowed("client", "per-state progress", "states:GetExecutionHistory", execution, none),

                // A bulk run: the Distributed Map lists the request's prefix, runs one child execution of itself per
                // object, each child starts the image pipeline's alias (.sync:2), the ResultWriter writes the Map Run's
                // files, the processor summarises them.
                allowed("bulk", "ItemReader: ListObjectsV2 of the request's prefix", "s3:ListBucket", in, Map.of("s3:prefix", "albums/2026/")),
                allowed("bulk", "Distributed Map: start a child execution", "states:StartExecution", bulkStateMachine, none),
                allowed("bulk", "Distributed Map: follow a child execution", "states:DescribeExecution", childExecution, none),
                allowed("bulk", "Distributed Map: stop children when the Map Run fails", "states:StopExecution", childExecution, none),
                allowed("bulk", "Distributed Map: DescribeExecution as the guide's current edition writes it", "states:DescribeExecution",
                        arnPrefix + "states:" + ref("AWS::Region") + ":" + account + ":execution:" + bulkName + ":reprocess-2026-01-01", none),
                allowed("bulk", "child: startExecution.sync:2 of the pipeline's alias", "states:StartExecution", stateMachine,
                        Map.of("states:StateMachineQualifier", "live")),
                allowed("bulk", ".sync:2: poll the pipeline's execution", "states:DescribeExecution", execution, none),
                allowed("bulk", ".sync:2: stop it with its child", "states:StopExecution", execution, none),
                allowed("bulk", ".sync:2: managed rule, create", "events:PutRule", syncRule, none),
                allowed("bulk", ".sync:2: managed rule, target", "events:PutTargets", syncRule, none),
                allowed("bulk", ".sync:2: managed rule, check", "events:DescribeRule", syncRule, none),
                allowed("bulk", "ResultWriter: result file", "s3:PutObject", runResults, none),
                allowed("bulk", "ResultWriter: read back", "s3:GetObject", runResults, none),
                allowed("bulk", "ResultWriter: multipart parts", "s3:ListMultipartUploadParts", runResults, none),
                allowed("bulk", "ResultWriter: abort a multipart upload", "s3:AbortMultipartUpload", runResults, none),
                allowed("bulk", "Summarise", "lambda:InvokeFunction", processorAlias, none),
                allowed("processor", "summary: list the run's result prefix", "s3:ListBucket", out, Map.of("s3:prefix", "bulk-runs/reprocess-2026-01-01/")),
                allowed("processor", "summary: read the Map Run's result files", "s3:GetObject", runResults, none),
                allowed("processor", "summary: write it", "s3:PutObject", out + "/bulk-runs/reprocess-2026-01-01/summary.json", none),

                // Whoever starts and follows bulk runs, with the operator policy (the README's AWS CLI commands).
                allowed("operator", "start-execution of the bulk alias", "states:StartExecution", bulkStateMachine,
                        Map.of("states:StateMachineQualifier", "live")),
                allowed("operator", "list the bulk runs", "states:ListExecutions", bulkStateMachine, none),
                allowed("operator", "describe-execution of a run", "states:DescribeExecution", bulkRun, none),
                allowed("operator", "list-map-runs of a run", "states:ListMapRuns", bulkRun, none),
                allowed("operator", "describe-map-run: the item counts", "states:DescribeMapRun",
                        arnPrefix + "states:" + ref("AWS::Region") + ":" + account + ":mapRun:" + bulkName
                                + "/5e0c1f2a-3b4d-4e5f-8a9b-0c1d2e3f4a5b:6f7e8d9c-0b1a-4c2d-9e3f-4a5b6c7d8e9f", none),
                allowed("operator", "the summary", "s3:GetObject", out + "/bulk-runs/reprocess-2026-01-01/summary.json", none),

                // Probes that must be refused.
                denied("operator", "start the bulk state machine's $LATEST", "states:StartExecution", bulkStateMachine, none),
                denied("operator", "start the image pipeline", "states:StartExecution", stateMachine, Map.of("states:StateMachineQualifier", "live")),
                denied("operator", "stop a run", "states:StopExecution", bulkRun, none),
                denied("operator", "write a summary", "s3:PutObject", out + "/bulk-runs/reprocess-2026-01-01/summary.json", none),
                denied("operator", "read an output", "s3:GetObject", out + "/photo.jpg/combined.jpg", none),
                denied("bulk", "list the output bucket", "s3:ListBucket", out, Map.of("s3:prefix", "")),
                denied("bulk", "start the image pipeline's $LATEST", "states:StartExecution", stateMachine, none),
                denied("bulk", "start a version of the image pipeline", "states:StartExecution", stateMachine, Map.of("states:StateMachineQualifier", "1")),
                denied("bulk", "start another state machine", "states:StartExecution", bulkStateMachine + "-other", none),
                denied("bulk", "stop another state machine's execution", "states:StopExecution",
                        arnPrefix + "states:" + ref("AWS::Region") + ":" + account + ":execution:other:1", none),
                denied("bulk", "stop its own run (the operator's call)", "states:StopExecution",
                        arnPrefix + "states:" + ref("AWS::Region") + ":" + account + ":execution:" + bulkName + ":reprocess-2026-01-01", none),
                denied("bulk", "change another EventBridge rule", "events:PutTargets", syncRule + "-other", none),
                denied("bulk", "read an input", "s3:GetObject", in + "/photo.jpg", none),
                denied("bulk", "write an output or a manifest", "s3:PutObject", out + "/photo.jpg/manifest.json", none),
                denied("bulk", "invoke the analyser", "lambda:InvokeFunction", analyserAlias, none),
                denied("bulk", "invoke the processor's $LATEST", "lambda:InvokeFunction", getAtt(processorFunction, "Arn"), none),
                denied("rule", "StartExecution of $LATEST (unqualified)", "states:StartExecution", stateMachine, none),
                denied("rule", "StartExecution of a version", "states:StartExecution", stateMachine, Map.of("states:StateMachineQualifier", "1")),
                denied("events.amazonaws.com", "another rule dead-letters", "sqs:SendMessage", queue, Map.of("aws:SourceArn", ruleArn + "-other")),
                denied("state machine", "invoke $LATEST of the processor", "lambda:InvokeFunction", getAtt(processorFunction, "Arn"), none),
                denied("state machine", "write an output that is no manifest", "s3:PutObject", out + "/photo.jpg/combined.jpg", none),
                denied("state machine", "write to the input bucket", "s3:PutObject", in + "/photo.jpg/manifest.json", none),
                denied("processor", "write to the input bucket (a trigger loop)", "s3:PutObject", in + "/photo.jpg", none),
                denied("processor", "delete an input", "s3:DeleteObject", in + "/photo.jpg", none),
                denied("analyser", "write to the input bucket", "s3:PutObject", in + "/photo.jpg", none),
                denied("analyser", "delete an output", "s3:DeleteObject", out + "/photo.jpg/combined.jpg", none),
                denied("client", "forge an output", "s3:PutObject", out + "/" + webKey + "/manifest.json", none),
                denied("client", "delete an input", "s3:DeleteObject", in + "/" + webKey, none),
                denied("client", "start an execution", "states:StartExecution", stateMachine, Map.of("states:StateMachineQualifier", "live")),
                denied("logging.s3.amazonaws.com", "another bucket's logs", "s3:PutObject", logs + "/input/x",
                        Map.of("aws:SourceArn", "arn:aws:s3:::someone-else", "aws:SourceAccount", account))));
        // Lambda's log streams and X-Ray segments for both functions; the state machine's log delivery and X-Ray:
        // IAM accepts only "*" for the latter.
        for (String[] function : List.of(new String[] {"processor", processorLogs}, new String[] {"analyser", analyserLogs})) {
            calls.add(allowed(function[0], "log stream", "logs:CreateLogStream", function[1], none));
            calls.add(allowed(function[0], "log events", "logs:PutLogEvents", function[1], none));
            for (String action : List.of("xray:PutTraceSegments", "xray:PutTelemetryRecords")) {
                calls.add(allowed(function[0], "active tracing", action, "*", none));
            }
        }
        for (String action : IamGrants.UNSCOPABLE_ACTIONS) {
            calls.add(allowed("state machine", "log delivery and X-Ray (no resource-level permissions)", action, "*", none));
            calls.add(allowed("bulk", "log delivery and X-Ray (no resource-level permissions)", action, "*", none));
        }
    }

    @Test
    void everyCallThePipelineMakesIsAllowed() {
        List<String> refused = calls.stream().filter(Call::allowed).filter(call -> !isAllowed(call)).map(Call::toString).toList();
        assertEquals("", String.join("\n", refused));
    }

    @Test
    void everyProbeOutsideThePipelinesWorkIsDenied() {
        List<String> allowed = calls.stream().filter(call -> !call.allowed()).filter(AuthorisationModelTest::isAllowed).map(Call::toString).toList();
        assertEquals("", String.join("\n", allowed));
    }

    @Test
    void everyGrantIsUsedByACall() {
        List<String> unused = new ArrayList<>();
        policies.forEach((caller, statements) -> {
            for (JsonNode statement : statements) {
                for (String action : IamGrants.strings(statement.path("Action"))) {
                    for (String resource : IamGrants.strings(statement.path("Resource"))) {
                        boolean used = calls.stream().anyMatch(call -> call.allowed() && call.caller().equals(caller)
                                && glob(action).matcher(call.action()).matches() && glob(resource).matcher(call.resource()).matches()
                                && conditionsHold(statement.path("Condition"), call.context()));
                        if (!used) {
                            unused.add(caller + ": " + action + " on " + resource);
                        }
                    }
                }
            }
        });
        assertEquals("", String.join("\n", unused), "granted, but no call of the pipeline needs it");
    }

    @Test
    void everyPrincipalOfTheModelHasPolicies() {
        policies.forEach((caller, statements) -> assertFalse(statements.isEmpty(), caller + " has no Allow statement in the template"));
    }

    private static Call allowed(String caller, String what, String action, String resource, Map<String, String> context) {
        return new Call(caller, what, action, resource, context, true);
    }

    private static Call denied(String caller, String what, String action, String resource, Map<String, String> context) {
        return new Call(caller, what, action, resource, context, false);
    }

    private static boolean isAllowed(Call call) {
        List<JsonNode> statements = policies.get(call.caller());
        if (statements == null) {
            throw new AssertionError("no policies for " + call.caller());
        }
        return statements.stream().anyMatch(statement ->
                IamGrants.strings(statement.path("Action")).stream().anyMatch(action -> glob(action).matcher(call.action()).matches())
                        && IamGrants.strings(statement.path("Resource")).stream().anyMatch(resource -> glob(resource).matcher(call.resource()).matches())
                        && conditionsHold(statement.path("Condition"), call.context()));
    }

    /** IAM's condition operators this template uses; a key missing from the context fails its condition, as in IAM. */
    private static boolean conditionsHold(JsonNode conditions, Map<String, String> context) {
        for (var operators = conditions.fields(); operators.hasNext(); ) {
            var operator = operators.next();
            for (var keys = operator.getValue().fields(); keys.hasNext(); ) {
                var key = keys.next();
                String actual = context.get(key.getKey());
                List<String> expected = IamGrants.strings(key.getValue());
                boolean holds = actual != null && switch (operator.getKey()) {
                    case "StringEquals", "ArnEquals", "ForAnyValue:StringEquals" -> expected.contains(actual);
                    case "StringLike", "ArnLike" -> expected.stream().anyMatch(pattern -> glob(pattern).matcher(actual).matches());
                    default -> throw new AssertionError("the model does not evaluate condition operator " + operator.getKey());
                };
                if (!holds) {
                    return false;
                }
            }
        }
        return true;
    }

    /** IAM's wildcard matching of actions and ARNs: {@code *} any characters, {@code ?} one; action names ignore case. */
    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '*' || c == '?') {
                regex.append(Pattern.quote(literal.toString())).append(c == '*' ? ".*" : ".");
                literal.setLength(0);
            } else {
                literal.append(c);
            }
        }
        regex.append(Pattern.quote(literal.toString()));
        boolean action = pattern.matches("[a-z0-9-]+:[A-Za-z*?]+");
        return Pattern.compile(regex.toString(), action ? Pattern.CASE_INSENSITIVE : 0);
    }

    private static List<JsonNode> servicePrincipalStatements(String policyType, String service) {
        List<JsonNode> statements = new ArrayList<>();
        for (String id : synth.ids(policyType)) {
            for (JsonNode statement : IamGrants.allowStatements(CloudFormationText.resolve(synth.properties(id).path("PolicyDocument")))) {
                if (statement.at("/Principal/Service").asText().equals(service)) {
                    statements.add(statement);
                }
            }
        }
        return statements;
    }
}
