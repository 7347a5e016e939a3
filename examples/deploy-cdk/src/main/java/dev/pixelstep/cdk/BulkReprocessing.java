package dev.pixelstep.cdk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pixelstep.statemachine.BulkReprocessDefinition;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Names;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.UniqueResourceNameOptions;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.stepfunctions.CfnStateMachineAlias;
import software.amazon.awscdk.services.stepfunctions.CfnStateMachineVersion;
import software.amazon.awscdk.services.stepfunctions.DefinitionBody;
import software.amazon.awscdk.services.stepfunctions.LogLevel;
import software.amazon.awscdk.services.stepfunctions.LogOptions;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.amazon.awscdk.services.stepfunctions.StateMachineType;
import software.constructs.Construct;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The bulk reprocessing state machine of issue 18, beside the image pipeline: the published
 * {@code bulk-reprocess.asl.json} (a Distributed Map over an S3 listing of the input bucket whose
 * children start the image pipeline's alias with {@code startExecution.sync:2}, a ResultWriter to
 * the output bucket, and a summary the processor writes), with its placeholders filled by
 * definition substitutions, a version, an alias, logging and X-Ray like the pipeline's.
 *
 * <p>Its role gets exactly what the definition's integrations need, on named resources:
 * ListBucket of the input bucket (narrowed to the key prefix with {@code s3:prefix} when one is
 * set), StartExecution of the image pipeline's alias (on the unqualified ARN with the alias as
 * {@code states:StateMachineQualifier}) with DescribeExecution and StopExecution of its
 * executions and the managed EventBridge rule of {@code .sync} integrations, StartExecution of
 * itself for the Distributed Map's child executions with DescribeExecution and StopExecution of
 * those, the ResultWriter's object actions under {@value #RESULT_PREFIX} of the output bucket,
 * and invoking the processor's alias (the summary). The state machine is named, so that the grants
 * on itself need no reference to it (which would be a dependency cycle). A definition that uses
 * any other integration stops synthesis: its grants would be missing or too wide.
 */
public final class BulkReprocessing extends Construct {

    /** Where a bulk run writes the Distributed Map's result files and its summary, in the output bucket. */
    public static final String RESULT_PREFIX = BulkReprocessDefinition.RESULTS_ROOT;
    /** The EventBridge rule Step Functions manages to learn when a {@code .sync} child execution ends. */
    public static final String SYNC_EVENTS_RULE = "StepFunctionsGetEventsForStepFunctionsExecutionRule";

    /** What a Map state in distributed mode counts as among the integrations: it starts executions of this state machine. */
    static final String DISTRIBUTED_MAP = "Map:DISTRIBUTED";

    /**
     * What the definition may use, and this construct grants for: its task and reader/writer
     * resources, and a Map state in distributed mode (which starts executions of this state machine).
     */
    static final Set<String> INTEGRATIONS = Set.of(
            "arn:aws:states:::s3:listObjectsV2",
            "arn:aws:states:::s3:putObject",
            "arn:aws:states:::states:startExecution.sync:2",
            "arn:aws:states:::lambda:invoke",
            DISTRIBUTED_MAP);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String stateMachineName;
    private final Role role;
    private final StateMachine stateMachine;
    private final StateMachineRelease release;
    private final ManagedPolicy operatorPolicy;

    /** Defines the bulk state machine of {@code pipeline}, whose buckets, functions and image pipeline alias it uses. */
    BulkReprocessing(Construct scope, String id, PixelstepPipeline pipeline, PixelstepPipelineProps props, BulkReprocessDefinition definition) {
        super(scope, id);
        Set<String> used = integrationsOf(definition.json());
        if (!used.equals(INTEGRATIONS)) {
            throw new IllegalStateException("the published bulk definition uses " + new TreeSet<>(used) + "; this construct grants"
                    + " exactly what " + new TreeSet<>(INTEGRATIONS) + " need: change its grants with the definition");
        }
        Map<String, String> values = Map.of(
                "ImagePipelineStateMachineArn", pipeline.getStateMachineAlias().getAttrArn(),
                "ProcessorFunctionArn", pipeline.getProcessorAlias().getFunctionArn(),
                "OutputBucket", pipeline.getOutputBucket().getBucketName());
        Set<String> declared = definition.placeholders().keySet();
        if (!declared.equals(values.keySet()) || !declared.containsAll(definition.usedPlaceholders())) {
            throw new IllegalStateException("the published bulk definition needs the placeholders " + new TreeSet<>(declared)
                    + " (used: " + definition.usedPlaceholders() + "); this construct fills " + new TreeSet<>(values.keySet()));
        }
        Map<String, String> substitutions = new LinkedHashMap<>();
        declared.forEach(name -> substitutions.put(name, values.get(name)));

        Stack stack = Stack.of(this);
        this.stateMachineName = Names.uniqueResourceName(this, UniqueResourceNameOptions.builder().maxLength(80).separator("-").build());
        this.role = StateMachineRoles.trustingStepFunctions(this, "Role",
                "pixelstep bulk reprocessing: lists the input bucket, starts the image pipeline per object, writes results and summary");

        // ItemReader (ListObjectsV2 of the request's bucket and prefix): the input bucket only. The
        // request's prefix is known only at run time; IAM can narrow the listing to the deployment's
        // key prefix, which every request's prefix must then start with.
        PolicyStatement.Builder list = PolicyStatement.Builder.create()
                .actions(List.of("s3:ListBucket"))
                .resources(List.of(pipeline.getInputBucket().getBucketArn()));
        if (!props.keyPrefix().isEmpty()) {
            list.conditions(Map.of("StringLike", Map.of("s3:prefix", props.keyPrefix() + "*")));
        }
        role.addToPrincipalPolicy(list.build());

        // Each child: startExecution.sync:2 of the image pipeline's alias. Step Functions authorises
        // the alias's StartExecution on the unqualified ARN (the qualifier condition keeps $LATEST and
        // versions out), polls and stops the execution, and learns of its end through a managed rule.
        role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                .actions(List.of("states:StartExecution"))
                .resources(List.of(pipeline.getStateMachine().getStateMachineArn()))
                .conditions(Map.of("ForAnyValue:StringEquals", Map.of("states:StateMachineQualifier", List.of(props.aliasName()))))
                .build());
        role.addToPrincipalPolicy(statement(List.of("states:DescribeExecution", "states:StopExecution"),
                stack.formatArn(ArnComponents.builder().service("states").resource("execution")
                        .resourceName(pipeline.getStateMachine().getStateMachineName() + ":*")
                        .arnFormat(ArnFormat.COLON_RESOURCE_NAME).build())));
        role.addToPrincipalPolicy(statement(List.of("events:PutTargets", "events:PutRule", "events:DescribeRule"),
                stack.formatArn(ArnComponents.builder().service("events").resource("rule").resourceName(SYNC_EVENTS_RULE)
                        .arnFormat(ArnFormat.SLASH_RESOURCE_NAME).build())));

        // The Distributed Map runs each child as an execution of this state machine
        // (execution:<name>/<map run label>:<id>): start them, follow them, stop them. AWS's guide
        // ("IAM policies for using Distributed Map states") has written DescribeExecution and
        // StopExecution on execution:<name>/* (the children) and, in its current edition,
        // DescribeExecution on execution:<name>:*; both are granted, StopExecution on the children only.
        role.addToPrincipalPolicy(statement(List.of("states:StartExecution"), stack.formatArn(ArnComponents.builder()
                .service("states").resource("stateMachine").resourceName(stateMachineName)
                .arnFormat(ArnFormat.COLON_RESOURCE_NAME).build())));
        String children = stack.formatArn(ArnComponents.builder()
                .service("states").resource("execution").resourceName(stateMachineName + "/*")
                .arnFormat(ArnFormat.COLON_RESOURCE_NAME).build());
        role.addToPrincipalPolicy(statement(List.of("states:DescribeExecution", "states:StopExecution"), children));
        role.addToPrincipalPolicy(statement(List.of("states:DescribeExecution"), stack.formatArn(ArnComponents.builder()
                .service("states").resource("execution").resourceName(stateMachineName + ":*")
                .arnFormat(ArnFormat.COLON_RESOURCE_NAME).build())));

        // ResultWriter: the Map Run's result files under bulk-runs/ (multipart uploads for large ones).
        role.addToPrincipalPolicy(statement(List.of("s3:PutObject", "s3:GetObject", "s3:ListMultipartUploadParts", "s3:AbortMultipartUpload"),
                pipeline.getOutputBucket().arnForObjects(RESULT_PREFIX + "*")));

        // Summarise: the processor's alias reads the result files and writes the summary.
        pipeline.getProcessorAlias().grantInvoke(role);
        pipeline.processor().role().addToPrincipalPolicy(statement(List.of("s3:GetObject"),
                pipeline.getOutputBucket().arnForObjects(RESULT_PREFIX + "*")));
        pipeline.processor().role().addToPrincipalPolicy(statement(List.of("s3:PutObject"),
                pipeline.getOutputBucket().arnForObjects(RESULT_PREFIX + "*/" + BulkReprocessDefinition.SUMMARY_FILE)));

        LogGroup logs = LogGroup.Builder.create(this, "Logs").retention(props.logRetention()).build();
        this.stateMachine = StateMachine.Builder.create(this, "StateMachine")
                .stateMachineName(stateMachineName)
                .role(role)
                .definitionBody(DefinitionBody.fromString(definition.json()))
                .definitionSubstitutions(substitutions)
                .stateMachineType(StateMachineType.STANDARD)
                .tracingEnabled(true)
                .logs(LogOptions.builder().destination(logs).level(LogLevel.ALL).includeExecutionData(true).build())
                .build();
        this.release = StateMachineRelease.of(this, "StateMachine", stateMachine, props.aliasName(),
                "pixelstep bulk reprocess " + definition.version(), "the version bulk runs start");
        this.operatorPolicy = operatorPolicy(stack, pipeline, props);
    }

    /**
     * What whoever starts and follows bulk runs needs (the README's AWS CLI commands, {@code pixelstep
     * reprocess --aws}): start the alias (on the unqualified ARN with the qualifier condition, as for
     * the rule), list and describe the runs and their Map Runs, read the result files and summaries.
     */
    private ManagedPolicy operatorPolicy(Stack stack, PixelstepPipeline pipeline, PixelstepPipelineProps props) {
        String executions = stack.formatArn(ArnComponents.builder().service("states").resource("execution")
                .resourceName(stateMachineName + ":*").arnFormat(ArnFormat.COLON_RESOURCE_NAME).build());
        String mapRuns = stack.formatArn(ArnComponents.builder().service("states").resource("mapRun")
                .resourceName(stateMachineName + "/*").arnFormat(ArnFormat.COLON_RESOURCE_NAME).build());
        String unqualified = stack.formatArn(ArnComponents.builder().service("states").resource("stateMachine")
                .resourceName(stateMachineName).arnFormat(ArnFormat.COLON_RESOURCE_NAME).build());
        return ManagedPolicy.Builder.create(this, "OperatorPolicy")
                .description("pixelstep bulk runs: start the bulk state machine's alias, follow its runs, read their summaries")
                .statements(List.of(
                        PolicyStatement.Builder.create()
                                .actions(List.of("states:StartExecution"))
                                .resources(List.of(unqualified))
                                .conditions(Map.of("ForAnyValue:StringEquals", Map.of("states:StateMachineQualifier", List.of(props.aliasName()))))
                                .build(),
                        statement(List.of("states:ListExecutions"), unqualified),
                        PolicyStatement.Builder.create()
                                .actions(List.of("states:DescribeExecution", "states:ListMapRuns"))
                                .resources(List.of(executions))
                                .build(),
                        statement(List.of("states:DescribeMapRun"), mapRuns),
                        statement(List.of("s3:GetObject"), pipeline.getOutputBucket().arnForObjects(RESULT_PREFIX + "*"))))
                .build();
    }

    /**
     * Every service integration {@code definitionJson} uses: the {@code Resource} of each Task,
     * ItemReader and ResultWriter at any depth, and {@code Map:DISTRIBUTED} for a distributed Map.
     */
    static Set<String> integrationsOf(String definitionJson) {
        try {
            Set<String> found = new TreeSet<>();
            collect(JSON.readTree(definitionJson), found);
            return found;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the bulk definition is not valid JSON", e);
        }
    }

    private static void collect(JsonNode node, Set<String> found) {
        if (node.isObject()) {
            if (node.path("Resource").isTextual()) {
                found.add(node.path("Resource").asText());
            }
            if ("DISTRIBUTED".equals(node.path("ProcessorConfig").path("Mode").asText())) {
                found.add(DISTRIBUTED_MAP);
            }
        }
        node.forEach(child -> collect(child, found));
    }

    private static PolicyStatement statement(List<String> actions, String resource) {
        return PolicyStatement.Builder.create().actions(actions).resources(List.of(resource)).build();
    }

    /** The bulk state machine's name, fixed at synthesis (its grants on itself name it). */
    public String getStateMachineName() {
        return stateMachineName;
    }

    /** The bulk reprocessing state machine. */
    public StateMachine getStateMachine() {
        return stateMachine;
    }

    /** The published version of its current definition. */
    public CfnStateMachineVersion getStateMachineVersion() {
        return release.version();
    }

    /** The alias bulk runs start; it routes every execution to {@link #getStateMachineVersion()}. */
    public CfnStateMachineAlias getStateMachineAlias() {
        return release.alias();
    }

    /** A managed policy with what starting and following bulk runs needs, for the operator's user or role. */
    public ManagedPolicy getOperatorPolicy() {
        return operatorPolicy;
    }

    /** The role the bulk state machine runs with. */
    public Role getRole() {
        return role;
    }
}
