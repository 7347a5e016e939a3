package dev.pixelstep.cdk;

import dev.pixelstep.functions.config.FunctionConfig;
import dev.pixelstep.statemachine.PipelineDefinition;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.targets.SfnStateMachine;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.PolicyStatement;
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
import software.amazon.awscdk.services.stepfunctions.IStateMachine;
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
 * (SnapStart, invoked through an alias) on the pixelstep layer plus any plugin layers, and an
 * output bucket for every result and manifest.
 *
 * <p>The state machine is the versioned ASL definition of {@code pixelstep-state-machine} with its
 * placeholders filled by definition substitutions; the rule's pattern is the pattern file
 * published beside it. Every role gets named resources only: the functions read and write
 * objects under the key prefix of the buckets they need, and the state machine invokes exactly
 * the two function aliases and writes manifests to the output bucket.
 */
public final class PixelstepPipeline extends Construct {

    /** Handler class of the processor in the function zip. */
    public static final String PROCESSOR_HANDLER = "dev.pixelstep.functions.processor.ProcessorHandler";
    /** Handler class of the analyser in the function zip. */
    public static final String ANALYSER_HANDLER = "dev.pixelstep.functions.analyser.AnalyserHandler";

    private final PipelineDefinition definition = PipelineDefinition.load();
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
    private final Queue deadLetterQueue;

    /** Defines the pipeline; {@code props} were checked when they were built. */
    public PixelstepPipeline(Construct scope, String id, PixelstepPipelineProps props) {
        super(scope, id);
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
        allow(analyser.role(), "s3:GetObject", inputBucket.arnForObjects(objects), outputBucket.arnForObjects(objects));
        allow(analyser.role(), "s3:PutObject", outputBucket.arnForObjects(objects));
        // With s3:ListBucket a missing object reads as 404 (not found) instead of 403 (access denied).
        allow(processor.role(), "s3:ListBucket", inputBucket.getBucketArn());
        allow(analyser.role(), "s3:ListBucket", inputBucket.getBucketArn(), outputBucket.getBucketArn());

        this.stateMachine = stateMachine(props);
        processor.alias().grantInvoke(stateMachine);
        analyser.alias().grantInvoke(stateMachine);
        allow(stateMachine, "s3:PutObject", outputBucket.arnForObjects(objects));

        this.stateMachineVersion = CfnStateMachineVersion.Builder.create(this, "StateMachineVersion")
                .stateMachineArn(stateMachine.getStateMachineArn())
                .stateMachineRevisionId(stateMachine.getStateMachineRevisionId())
                .description("pixelstep image pipeline " + definition.version())
                .build();
        this.stateMachineAlias = CfnStateMachineAlias.Builder.create(this, "StateMachineAlias")
                .name(props.aliasName())
                .description("the version S3 uploads start")
                .routingConfiguration(List.of(CfnStateMachineAlias.RoutingConfigurationVersionProperty.builder()
                        .stateMachineVersionArn(stateMachineVersion.getAttrArn())
                        .weight(100)
                        .build()))
                .build();

        this.deadLetterQueue = Queue.Builder.create(this, "DeadLetterQueue")
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .retentionPeriod(Duration.days(14))
                .build();
        this.rule = Rule.Builder.create(this, "ObjectCreatedRule")
                .description("starts the pixelstep pipeline for every object created in the input bucket")
                .eventPattern(ObjectCreatedPattern.of(definition, inputBucket.getBucketName(), props.keyPrefix()))
                .build();
        IStateMachine live = StateMachine.fromStateMachineArn(this, "LiveStateMachine", stateMachineAlias.getAttrArn());
        rule.addTarget(SfnStateMachine.Builder.create(live)
                .retryAttempts(PipelineDefaults.EVENT_RETRY_ATTEMPTS)
                .maxEventAge(Duration.seconds(PipelineDefaults.EVENT_MAX_AGE.toSeconds()))
                .deadLetterQueue(deadLetterQueue)
                .build());
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
        return StateMachine.Builder.create(this, "StateMachine")
                .definitionBody(DefinitionBody.fromString(definition.json()))
                .definitionSubstitutions(substitutions)
                .stateMachineType(StateMachineType.STANDARD)
                .tracingEnabled(true)
                .logs(LogOptions.builder().destination(logs).level(LogLevel.ALL).includeExecutionData(true).build())
                .build();
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
}
