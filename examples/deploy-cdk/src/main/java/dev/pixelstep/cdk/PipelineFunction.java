package dev.pixelstep.cdk;

import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.ILayerVersion;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.Tracing;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

import java.util.List;
import java.util.Map;

/**
 * One of the two pipeline functions: the function with SnapStart on published versions, X-Ray
 * tracing and its reserved concurrency, its own role (no managed policy: only its log group, the
 * X-Ray upload and what the pipeline grants), its log group, and the alias the state machine invokes.
 *
 * <p>The role's trust policy has no {@code aws:SourceArn}/{@code aws:SourceAccount} condition:
 * Lambda documents none for execution roles, and it assumes the role when the function is
 * created, before the function exists, so a condition naming the function would risk the deploy.
 */
final class PipelineFunction extends Construct {

    private final Function function;
    private final Alias alias;
    private final Role role;
    private final LogGroup logGroup;

    /**
     * @param handler     the handler class in the function zip
     * @param description what the function does, for the console
     */
    PipelineFunction(Construct scope, String id, String handler, String description, FunctionSizing sizing,
                     PixelstepPipelineProps props, Code code, List<ILayerVersion> layers, Map<String, String> environment) {
        super(scope, id);
        this.logGroup = LogGroup.Builder.create(this, "Logs").retention(props.logRetention()).build();
        this.role = Role.Builder.create(this, "Role")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("pixelstep " + id + ": its log group and the buckets the pipeline grants")
                .build();
        logGroup.grantWrite(role);
        this.function = Function.Builder.create(this, "Function")
                .description(description)
                .runtime(runtime(props.javaRuntime()))
                .architecture(architecture(props.architecture()))
                .handler(handler)
                .code(code)
                .layers(layers)
                .memorySize(sizing.memoryMb())
                .timeout(Duration.seconds(sizing.timeout().toSeconds()))
                .environment(environment)
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                .tracing(Tracing.ACTIVE)
                .reservedConcurrentExecutions(sizing.reservedConcurrency().isPresent() ? sizing.reservedConcurrency().getAsInt() : null)
                .role(role)
                .logGroup(logGroup)
                .build();
        Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                "the current version is published and invoked through the alias");
        this.alias = Alias.Builder.create(this, "Alias")
                .aliasName(props.aliasName())
                .version(function.getCurrentVersion())
                .description("the version the pixelstep state machine invokes")
                .build();
    }

    /** The function. */
    Function function() {
        return function;
    }

    /** The alias of the current published version; the state machine invokes this. */
    Alias alias() {
        return alias;
    }

    /** The function's role. */
    Role role() {
        return role;
    }

    /** The function's timeout. */
    software.amazon.awscdk.Duration timeout() {
        return function.getTimeout();
    }

    /** The function's log group. */
    LogGroup logGroup() {
        return logGroup;
    }

    static Runtime runtime(JavaRuntime runtime) {
        return switch (runtime) {
            case JAVA_25 -> Runtime.JAVA_25;
            case JAVA_21 -> Runtime.JAVA_21;
        };
    }

    static Architecture architecture(CpuArchitecture architecture) {
        return switch (architecture) {
            case ARM_64 -> Architecture.ARM_64;
            case X86_64 -> Architecture.X86_64;
        };
    }
}
