package dev.pixelstep.cdk;

import dev.pixelstep.functions.config.FunctionConfig;
import dev.pixelstep.statemachine.BulkReprocessDefinition;
import dev.pixelstep.statemachine.PipelineDefinition;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Names;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.UniqueResourceNameOptions;
import software.amazon.awscdk.services.events.CfnRule;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.iam.ServicePrincipalOpts;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.ILayerVersion;
import software.amazon.awscdk.services.lambda.LayerVersion;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.CfnBucket;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.amazon.awscdk.services.stepfunctions.CfnStateMachineAlias;
import software.amazon.awscdk.services.stepfunctions.CfnStateMachineVersion;
import software.amazon.awscdk.services.stepfunctions.DefinitionBody;
import software.amazon.awscdk.services.stepfunctions.LogLevel;
import software.amazon.awscdk.services.stepfunctions.LogOptions;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.amazon.awscdk.services.stepfunctions.StateMachineType;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The pixelstep pipeline on AWS: an input bucket whose 'Object Created' events start the
 * published state machine through an EventBridge rule, the processor and analyser functions
 * (SnapStart, X-Ray, reserved concurrency, invoked through an alias) on the pixelstep layer plus any
 * plugin layers, an output bucket for every result and manifest, S3 server access logs of both
 * buckets, alarms and a dashboard ({@link PipelineMonitoring}), and a managed policy for clients.
 *
 * <p>The state machine is the versioned ASL definition of {@code pixelstep-state-machine} with its
 * placeholders filled by definition substitutions; the rule's pattern is the pattern file
 * published beside it, for non-empty objects. Every role gets named resources only: the functions
 * read and write objects under the key prefix of the buckets they need (the processor also deletes
 * the partial outputs of a failed run), the state machine invokes exactly the two function aliases
 * and writes only {@code K/manifest.json}, and the rule's role starts only the state machine alias
 * (StartExecution authorised on the unqualified state machine ARN with the alias as
 * {@code states:StateMachineQualifier}). The rule's and the state machine's roles trust their
 * service only for this account and their source ({@code aws:SourceAccount}, {@code aws:SourceArn}).
 */
public final class PixelstepPipeline extends Construct {

    /** Handler class of the processor in the function zip. */
    public static final String PROCESSOR_HANDLER = "dev.pixelstep.functions.processor.ProcessorHandler";
    /** Handler class of the analyser in the function zip. */
    public static final String ANALYSER_HANDLER = "dev.pixelstep.functions.analyser.AnalyserHandler";

    /** The only key suffix the state machine writes: every run's {@code K/manifest.json}. */
    public static final String MANIFEST_SUFFIX = "/manifest.json";

    private final PipelineDefinition definition = PipelineDefinition.load();
    private final Bucket accessLogBucket;
    private final Bucket inputBucket;
    private final Bucket outputBucket;
    private final LayerVersion layer;
    private final List<ILayerVersion> pluginLayers;
    private final PipelineFunction processor;
    private final PipelineFunction analyser;
    private final StateMachine stateMachine;
    private final CfnStateMachineVersion stateMachineVersion;
    private final CfnStateMachineAlias stateMachineAlias;
    private final Rule rule;
    private final Role ruleRole;
    private final Queue deadLetterQueue;
    private final BulkReprocessing bulk;
    private final ManagedPolicy clientPolicy;
    private final PipelineMonitoring monitoring;

    /** Defines the pipeline; {@code props} were checked when they were built. */
    public PixelstepPipeline(Construct scope, String id, PixelstepPipelineProps props) {
        super(scope, id);
        this.accessLogBucket = accessLogBucket();
        this.inputBucket = bucket("InputBucket", props.inputBucketName(), props.inputExpirationDays(), true);
        this.outputBucket = bucket("OutputBucket", props.outputBucketName(), props.outputExpirationDays(), false);

        this.layer = LayerVersion.Builder.create(this, "Layer")
                .code(Code.fromAsset(props.layerZip().toString()))
                .compatibleRuntimes(List.of(PipelineFunction.runtime(props.javaRuntime())))
                .compatibleArchitectures(List.of(PipelineFunction.architecture(props.architecture())))
                .description("pixelstep " + definition.version() + ": SPI, built-in operations and the functions' libraries (java/lib)")
                .build();
        this.pluginLayers = pluginLayers(props);
        List<ILayerVersion> layers = new ArrayList<>();
        layers.add(layer);
        layers.addAll(pluginLayers);

        Code code = Code.fromAsset(props.functionZip().toString());
        Map<String, String> environment = environment(props);
        this.processor = new PipelineFunction(this, "Processor", PROCESSOR_HANDLER,
                "pixelstep " + definition.version() + " processor: applies the object's operation chain (combined and independent images)",
                props.processor(), props, code, layers, environment);
        this.analyser = new PipelineFunction(this, "Analyser", ANALYSER_HANDLER,
                "pixelstep " + definition.version() + " analyser: colour histogram (JSON and PNG chart) of an image",
                props.analyser(), props, code, layers, environment);

        String objects = props.keyPrefix() + "*";
        allow(processor.role(), "s3:GetObject", inputBucket.arnForObjects(objects));
        allow(processor.role(), "s3:PutObject", outputBucket.arnForObjects(objects));
        // A failed run asks the processor to discard the partial outputs of its key: list them, delete them.
        allow(processor.role(), "s3:DeleteObject", outputBucket.arnForObjects(objects));
        allow(analyser.role(), "s3:GetObject", inputBucket.arnForObjects(objects), outputBucket.arnForObjects(objects));
        allow(analyser.role(), "s3:PutObject", outputBucket.arnForObjects(objects));
        // With s3:ListBucket a missing object reads as 404 (not found) instead of 403 (access denied).
        allow(processor.role(), "s3:ListBucket", inputBucket.getBucketArn(), outputBucket.getBucketArn());
        allow(analyser.role(), "s3:ListBucket", inputBucket.getBucketArn(), outputBucket.getBucketArn());

        this.stateMachine = stateMachine(props);
        processor.alias().grantInvoke(stateMachine);
        analyser.alias().grantInvoke(stateMachine);
        allow(stateMachine, "s3:PutObject", outputBucket.arnForObjects(props.keyPrefix() + "*" + MANIFEST_SUFFIX));

        StateMachineRelease release = StateMachineRelease.of(this, "StateMachine", stateMachine, props.aliasName(),
                "pixelstep image pipeline " + definition.version(), "the version S3 uploads start");
        this.stateMachineVersion = release.version();
        this.stateMachineAlias = release.alias();

        this.deadLetterQueue = Queue.Builder.create(this, "DeadLetterQueue")
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .retentionPeriod(Duration.days(14))
                .build();
        // The rule is named, so that its ARN is known before it exists: the role it uses and the
        // dead-letter queue trust exactly this rule (aws:SourceArn) without a dependency cycle.
        String ruleName = Names.uniqueResourceName(this, UniqueResourceNameOptions.builder().maxLength(50).separator("-").build()) + "-created";
        String ruleArn = Stack.of(this).formatArn(ArnComponents.builder()
                .service("events").resource("rule").resourceName(ruleName).arnFormat(ArnFormat.SLASH_RESOURCE_NAME).build());
        this.ruleRole = Role.Builder.create(this, "RuleRole")
                .assumedBy(new ServicePrincipal("events.amazonaws.com", ServicePrincipalOpts.builder()
                        .conditions(Map.of(
                                "StringEquals", Map.of("aws:SourceAccount", Aws.ACCOUNT_ID),
                                "ArnEquals", Map.of("aws:SourceArn", ruleArn)))
                        .build()))
                .description("pixelstep: lets the ObjectCreated rule start executions of the state machine alias '" + props.aliasName() + "'")
                .build();
        // Step Functions authorises StartExecution of an alias against the unqualified state machine
        // ARN; the qualifier condition narrows the grant to this alias (and refuses $LATEST and versions).
        ruleRole.addToPrincipalPolicy(PolicyStatement.Builder.create()
                .actions(List.of("states:StartExecution"))
                .resources(List.of(stateMachine.getStateMachineArn()))
                .conditions(Map.of("ForAnyValue:StringEquals", Map.of("states:StateMachineQualifier", List.of(props.aliasName()))))
                .build());
        deadLetterQueue.addToResourcePolicy(PolicyStatement.Builder.create()
                .principals(List.of(new ServicePrincipal("events.amazonaws.com")))
                .actions(List.of("sqs:SendMessage"))
                .resources(List.of(deadLetterQueue.getQueueArn()))
                .conditions(Map.of("ArnEquals", Map.of("aws:SourceArn", ruleArn)))
                .build());
        this.rule = Rule.Builder.create(this, "ObjectCreatedRule")
                .ruleName(ruleName)
                .description("starts the pixelstep pipeline for every non-empty object created in the input bucket")
                .eventPattern(ObjectCreatedPattern.of(definition, inputBucket.getBucketName(), props.keyPrefix()))
                .build();
        CfnRule cfnRule = (CfnRule) rule.getNode().getDefaultChild();
        cfnRule.setTargets(List.of(CfnRule.TargetProperty.builder()
                .id("StateMachineAlias")
                .arn(stateMachineAlias.getAttrArn())
                .roleArn(ruleRole.getRoleArn())
                .retryPolicy(CfnRule.RetryPolicyProperty.builder()
                        .maximumRetryAttempts(PipelineDefaults.EVENT_RETRY_ATTEMPTS)
                        .maximumEventAgeInSeconds((int) PipelineDefaults.EVENT_MAX_AGE.toSeconds())
                        .build())
                .deadLetterConfig(CfnRule.DeadLetterConfigProperty.builder().arn(deadLetterQueue.getQueueArn()).build())
                .build()));
        cfnRule.getNode().addDependency(ruleRole);

        this.bulk = new BulkReprocessing(this, "Bulk", this, props, BulkReprocessDefinition.load());
        this.clientPolicy = clientPolicy(props);
        this.monitoring = new PipelineMonitoring(this, "Monitoring", this, props);
        NagDecisions.apply(this);
    }

    private Bucket accessLogBucket() {
        return Bucket.Builder.create(this, "AccessLogBucket")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .encryption(BucketEncryption.S3_MANAGED) // S3 server access logging cannot write to SSE-KMS buckets
                .enforceSsl(true)
                .minimumTlsVersion(1.2)
                .lifecycleRules(List.of(LifecycleRule.builder()
                        .id("expire-after-" + PipelineDefaults.ACCESS_LOG_EXPIRATION_DAYS + "-days")
                        .expiration(Duration.days(PipelineDefaults.ACCESS_LOG_EXPIRATION_DAYS))
                        .build()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
    }

    private Bucket bucket(String id, Optional<String> name, Optional<Integer> expirationDays, boolean eventBridge) {
        List<LifecycleRule> lifecycle = expirationDays
                .map(days -> List.of(LifecycleRule.builder().id("expire-after-" + days + "-days").expiration(Duration.days(days)).build()))
                .orElse(List.of());
        Bucket bucket = Bucket.Builder.create(this, id)
                .bucketName(name.orElse(null))
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .minimumTlsVersion(1.2)
                .lifecycleRules(lifecycle)
                .serverAccessLogsBucket(accessLogBucket)
                .serverAccessLogsPrefix(eventBridge ? "input/" : "output/")
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        if (eventBridge) {
            // Set on the bucket resource itself: the L2 'eventBridgeEnabled' adds a custom-resource
            // function whose role may call s3:PutBucketNotification on any bucket.
            ((CfnBucket) bucket.getNode().getDefaultChild()).setNotificationConfiguration(
                    CfnBucket.NotificationConfigurationProperty.builder()
                            .eventBridgeConfiguration(CfnBucket.EventBridgeConfigurationProperty.builder().eventBridgeEnabled(true).build())
                            .build());
        }
        return bucket;
    }

    private List<ILayerVersion> pluginLayers(PixelstepPipelineProps props) {
        List<ILayerVersion> layers = new ArrayList<>();
        int n = 1;
        for (PluginLayer plugin : props.pluginLayers()) {
            String id = "PluginLayer" + n++;
            layers.add(plugin.isArn()
                    ? LayerVersion.fromLayerVersionArn(this, id, plugin.arn())
                    : LayerVersion.Builder.create(this, id)
                            .code(Code.fromAsset(plugin.path().toString()))
                            .compatibleRuntimes(List.of(PipelineFunction.runtime(props.javaRuntime())))
                            .compatibleArchitectures(List.of(PipelineFunction.architecture(props.architecture())))
                            .description("pixelstep operation plugin " + plugin.path().getFileName())
                            .build());
        }
        return layers;
    }

    private Map<String, String> environment(PixelstepPipelineProps props) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put(FunctionConfig.OUTPUT_BUCKET, outputBucket.getBucketName());
        environment.put(FunctionConfig.MAX_BYTES, Long.toString(props.maxBytes()));
        environment.put(FunctionConfig.MAX_PIXELS, Long.toString(props.maxPixels()));
        if (!props.jvmOptions().isEmpty()) {
            environment.put("JAVA_TOOL_OPTIONS", props.jvmOptions());
        }
        return environment;
    }

    private StateMachine stateMachine(PixelstepPipelineProps props) {
        Map<String, String> values = Map.of(
                "ProcessorFunctionArn", processor.alias().getFunctionArn(),
                "AnalyserFunctionArn", analyser.alias().getFunctionArn(),
                "OutputBucket", outputBucket.getBucketName());
        Set<String> declared = definition.placeholders().keySet();
        if (!declared.equals(values.keySet()) || !declared.containsAll(definition.usedPlaceholders())) {
            throw new IllegalStateException("the published definition needs the placeholders " + new TreeSet<>(declared)
                    + " (used: " + definition.usedPlaceholders() + "); this construct fills " + new TreeSet<>(values.keySet()));
        }
        Map<String, String> substitutions = new LinkedHashMap<>();
        declared.forEach(name -> substitutions.put(name, values.get(name)));
        LogGroup logs = LogGroup.Builder.create(this, "StateMachineLogs").retention(props.logRetention()).build();
        Role role = StateMachineRoles.trustingStepFunctions(this, "StateMachineRole",
                "pixelstep state machine: invokes the function aliases, writes manifests, logs and traces");
        return StateMachine.Builder.create(this, "StateMachine")
                .role(role)
                .definitionBody(DefinitionBody.fromString(definition.json()))
                .definitionSubstitutions(substitutions)
                .stateMachineType(StateMachineType.STANDARD)
                .tracingEnabled(true)
                .logs(LogOptions.builder().destination(logs).level(LogLevel.ALL).includeExecutionData(true).build())
                .build();
    }

    /**
     * What a client such as the web page ({@code pixelstep serve --aws}) needs, to attach to the
     * user or role it runs as: upload and read inputs, read outputs (also through presigned URLs,
     * which S3 authorises as the signer's GetObject), list both buckets (so a missing manifest reads
     * as 404), and follow executions (ListExecutions on the state machine, DescribeExecution and
     * GetExecutionHistory on its executions).
     */
    private ManagedPolicy clientPolicy(PixelstepPipelineProps props) {
        String objects = props.keyPrefix() + "*";
        String executions = Stack.of(this).formatArn(ArnComponents.builder()
                .service("states").resource("execution").resourceName(stateMachine.getStateMachineName() + ":*")
                .arnFormat(ArnFormat.COLON_RESOURCE_NAME).build());
        return ManagedPolicy.Builder.create(this, "ClientPolicy")
                .description("pixelstep client (web page): upload to and read the input bucket, read the output bucket, follow executions")
                .statements(List.of(
                        statement("s3:PutObject", inputBucket.arnForObjects(objects)),
                        statement("s3:GetObject", inputBucket.arnForObjects(objects), outputBucket.arnForObjects(objects)),
                        statement("s3:ListBucket", inputBucket.getBucketArn(), outputBucket.getBucketArn()),
                        statement("states:ListExecutions", stateMachine.getStateMachineArn()),
                        PolicyStatement.Builder.create()
                                .actions(List.of("states:DescribeExecution", "states:GetExecutionHistory"))
                                .resources(List.of(executions))
                                .build()))
                .build();
    }

    private static PolicyStatement statement(String action, String... resources) {
        return PolicyStatement.Builder.create().actions(List.of(action)).resources(List.of(resources)).build();
    }

    private static void allow(IGrantable grantee, String action, String... resources) {
        grantee.getGrantPrincipal().addToPrincipalPolicy(PolicyStatement.Builder.create()
                .actions(List.of(action))
                .resources(List.of(resources))
                .build());
    }

    /** The bucket uploads go to; it sends its events to EventBridge. */
    public Bucket getInputBucket() {
        return inputBucket;
    }

    /** The bucket every output and manifest is written to. */
    public Bucket getOutputBucket() {
        return outputBucket;
    }

    /** The pixelstep layer built from the layer zip. */
    public LayerVersion getLayer() {
        return layer;
    }

    /** The plugin layers, in the order the functions load them after the pixelstep layer. */
    public List<ILayerVersion> getPluginLayers() {
        return List.copyOf(pluginLayers);
    }

    /** The processor function. */
    public Function getProcessor() {
        return processor.function();
    }

    /** The alias of the processor's current version, which the state machine invokes. */
    public Alias getProcessorAlias() {
        return processor.alias();
    }

    /** The analyser function. */
    public Function getAnalyser() {
        return analyser.function();
    }

    /** The alias of the analyser's current version, which the state machine invokes. */
    public Alias getAnalyserAlias() {
        return analyser.alias();
    }

    /** The state machine running the published definition. */
    public StateMachine getStateMachine() {
        return stateMachine;
    }

    /** The published version of the state machine's current definition. */
    public CfnStateMachineVersion getStateMachineVersion() {
        return stateMachineVersion;
    }

    /** The state machine alias the rule starts; it routes every execution to {@link #getStateMachineVersion()}. */
    public CfnStateMachineAlias getStateMachineAlias() {
        return stateMachineAlias;
    }

    /** The rule that starts the pipeline for 'Object Created' events of the input bucket. */
    public Rule getRule() {
        return rule;
    }

    /** Where events go that the rule could not deliver to the state machine. */
    public Queue getDeadLetterQueue() {
        return deadLetterQueue;
    }

    /** The role the rule starts executions with. */
    public Role getRuleRole() {
        return ruleRole;
    }

    /** The bucket both buckets' S3 server access logs go to ({@code input/} and {@code output/}). */
    public Bucket getAccessLogBucket() {
        return accessLogBucket;
    }

    /** The bulk reprocessing state machine (issue 18), with its version and alias. */
    public BulkReprocessing getBulkReprocessing() {
        return bulk;
    }

    /** A managed policy with what a client of the pipeline, such as the web page, needs. */
    public ManagedPolicy getClientPolicy() {
        return clientPolicy;
    }

    /** The alarms and the dashboard. */
    public PipelineMonitoring getMonitoring() {
        return monitoring;
    }

    /** The processor's function construct, for monitoring. */
    PipelineFunction processor() {
        return processor;
    }

    /** The analyser's function construct, for monitoring. */
    PipelineFunction analyser() {
        return analyser;
    }
}
