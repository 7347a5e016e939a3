package dev.pixelstep.cdk.app;

import dev.pixelstep.cdk.CpuArchitecture;
import dev.pixelstep.cdk.FunctionSizing;
import dev.pixelstep.cdk.JavaRuntime;
import dev.pixelstep.cdk.PipelineDefaults;
import dev.pixelstep.cdk.PixelstepPipelineProps;
import dev.pixelstep.cdk.PluginLayer;
import software.amazon.awscdk.services.logs.RetentionDays;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * The app's settings from CDK context ({@code -c key=value} on the command line or the
 * {@code "context"} of {@code cdk.json}); every key is optional. Relative paths are resolved
 * against the working directory, which {@code cdk} sets to the directory of {@code cdk.json}.
 */
public final class AppContext {

    /** Name of the stack. */
    public static final String STACK_NAME = "stackName";
    /** The function zip; default {@value #DEFAULT_FUNCTION_ZIP}. */
    public static final String FUNCTION_ZIP = "functionZip";
    /** The layer zip; default {@value #DEFAULT_LAYER_ZIP}. */
    public static final String LAYER_ZIP = "layerZip";
    /** Name of the input bucket; CloudFormation chooses one when absent. */
    public static final String INPUT_BUCKET = "inputBucket";
    /** Name of the output bucket; CloudFormation chooses one when absent. */
    public static final String OUTPUT_BUCKET = "outputBucket";
    /** Plugin layers, comma-separated zips, directories or layer version ARNs (or a JSON list in cdk.json). */
    public static final String PLUGIN_LAYERS = "pluginLayers";
    /** Only keys with this prefix start the pipeline. */
    public static final String KEY_PREFIX = "keyPrefix";
    /** Processor memory in MB. */
    public static final String PROCESSOR_MEMORY = "processorMemory";
    /** Processor timeout in seconds. */
    public static final String PROCESSOR_TIMEOUT = "processorTimeoutSeconds";
    /** Analyser memory in MB. */
    public static final String ANALYSER_MEMORY = "analyserMemory";
    /** Analyser timeout in seconds. */
    public static final String ANALYSER_TIMEOUT = "analyserTimeoutSeconds";
    /** {@code JAVA_TOOL_OPTIONS} of both functions; an empty value sets none. */
    public static final String JVM_OPTIONS = "jvmOptions";
    /** {@code java25} or {@code java21}. */
    public static final String RUNTIME = "runtime";
    /** {@code arm64} or {@code x86_64}. */
    public static final String ARCHITECTURE = "architecture";
    /** Largest input object in bytes. */
    public static final String MAX_BYTES = "maxBytes";
    /** Largest input image in pixels. */
    public static final String MAX_PIXELS = "maxPixels";
    /** Days until input objects expire. */
    public static final String INPUT_EXPIRATION_DAYS = "inputExpirationDays";
    /** Days until outputs expire. */
    public static final String OUTPUT_EXPIRATION_DAYS = "outputExpirationDays";
    /** Log retention, a CDK RetentionDays name such as {@code ONE_MONTH} or {@code ONE_YEAR}. */
    public static final String LOG_RETENTION = "logRetention";
    /** Name of the Lambda and state machine aliases. */
    public static final String ALIAS = "alias";
    /** Reserved concurrency of the processor: a number, or {@value #NONE} to reserve none. */
    public static final String PROCESSOR_RESERVED_CONCURRENCY = "processorReservedConcurrency";
    /** Reserved concurrency of the analyser: a number, or {@value #NONE} to reserve none. */
    public static final String ANALYSER_RESERVED_CONCURRENCY = "analyserReservedConcurrency";
    /** An existing SNS topic ARN the alarms notify. */
    public static final String ALARM_TOPIC_ARN = "alarmTopicArn";
    /** An e-mail address subscribed to a new alarm topic. */
    public static final String ALARM_EMAIL = "alarmEmail";
    /** The value of a reserved concurrency key that reserves none. */
    public static final String NONE = "none";

    /** Where {@code ./mvnw install} puts the function zip, relative to this module. */
    public static final String DEFAULT_FUNCTION_ZIP = "target/lambda/pixelstep-functions.zip";
    /** Where {@code ./mvnw install} puts the layer zip, relative to this module. */
    public static final String DEFAULT_LAYER_ZIP = "target/lambda/pixelstep-layer.zip";
    /** The stack's name unless {@value #STACK_NAME} says otherwise. */
    public static final String DEFAULT_STACK_NAME = "Pixelstep";

    private final Function<String, Object> context;

    /** @param context looks a key up, {@code null} when absent (e.g. {@code app.getNode()::tryGetContext}) */
    public AppContext(Function<String, Object> context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    /** The stack's name. */
    public String stackName() {
        return text(STACK_NAME).orElse(DEFAULT_STACK_NAME);
    }

    /**
     * The pipeline's settings.
     *
     * @throws IllegalArgumentException naming the context key with a bad value
     */
    public PixelstepPipelineProps pipelineProps() {
        PixelstepPipelineProps.Builder builder = PixelstepPipelineProps.builder(
                Path.of(text(FUNCTION_ZIP).orElse(DEFAULT_FUNCTION_ZIP)),
                Path.of(text(LAYER_ZIP).orElse(DEFAULT_LAYER_ZIP)));
        text(INPUT_BUCKET).ifPresent(builder::inputBucketName);
        text(OUTPUT_BUCKET).ifPresent(builder::outputBucketName);
        pluginLayers().forEach(builder::pluginLayer);
        text(KEY_PREFIX).ifPresent(builder::keyPrefix);
        builder.processor(sizing(PipelineDefaults.PROCESSOR, PROCESSOR_MEMORY, PROCESSOR_TIMEOUT, PROCESSOR_RESERVED_CONCURRENCY));
        builder.analyser(sizing(PipelineDefaults.ANALYSER, ANALYSER_MEMORY, ANALYSER_TIMEOUT, ANALYSER_RESERVED_CONCURRENCY));
        raw(JVM_OPTIONS).ifPresent(options -> builder.jvmOptions(options.toString()));
        text(RUNTIME).ifPresent(value -> builder.javaRuntime(checked(RUNTIME, () -> JavaRuntime.of(value))));
        text(ARCHITECTURE).ifPresent(value -> builder.architecture(checked(ARCHITECTURE, () -> CpuArchitecture.of(value))));
        number(MAX_BYTES).ifPresent(builder::maxBytes);
        number(MAX_PIXELS).ifPresent(builder::maxPixels);
        number(INPUT_EXPIRATION_DAYS).ifPresent(days -> builder.inputExpirationDays(Math.toIntExact(days)));
        number(OUTPUT_EXPIRATION_DAYS).ifPresent(days -> builder.outputExpirationDays(Math.toIntExact(days)));
        text(LOG_RETENTION).ifPresent(value -> builder.logRetention(retention(value)));
        text(ALIAS).ifPresent(builder::aliasName);
        text(ALARM_TOPIC_ARN).ifPresent(builder::alarmTopicArn);
        text(ALARM_EMAIL).ifPresent(builder::alarmEmail);
        return builder.build();
    }

    private List<PluginLayer> pluginLayers() {
        Optional<Object> value = raw(PLUGIN_LAYERS);
        if (value.isEmpty()) {
            return List.of();
        }
        List<String> specs = value.get() instanceof List<?> list
                ? list.stream().map(String::valueOf).toList()
                : Arrays.asList(value.get().toString().split(","));
        return specs.stream().map(String::trim).filter(s -> !s.isEmpty())
                .map(spec -> checked(PLUGIN_LAYERS, () -> PluginLayer.of(spec))).toList();
    }

    private FunctionSizing sizing(FunctionSizing defaults, String memoryKey, String timeoutKey, String concurrencyKey) {
        FunctionSizing sizing = defaults;
        Optional<String> concurrency = text(concurrencyKey);
        if (concurrency.isPresent()) {
            OptionalInt reserved;
            try {
                reserved = concurrency.get().equalsIgnoreCase(NONE)
                        ? OptionalInt.empty()
                        : OptionalInt.of(Math.toIntExact(number(concurrencyKey).orElseThrow()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("context " + concurrencyKey + " must be a whole number or '" + NONE + "', got '"
                        + concurrency.get() + "'", e);
            }
            FunctionSizing base = sizing;
            sizing = checked(concurrencyKey, () -> base.withReservedConcurrency(reserved));
        }
        Optional<Long> memory = number(memoryKey);
        if (memory.isPresent()) {
            FunctionSizing base = sizing;
            sizing = checked(memoryKey, () -> base.withMemoryMb(Math.toIntExact(memory.get())));
        }
        Optional<Long> timeout = number(timeoutKey);
        if (timeout.isPresent()) {
            FunctionSizing base = sizing;
            sizing = checked(timeoutKey, () -> base.withTimeout(Duration.ofSeconds(timeout.get())));
        }
        return sizing;
    }

    private static RetentionDays retention(String value) {
        try {
            return RetentionDays.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("context " + LOG_RETENTION + ": '" + value + "' is not one of " + Arrays.toString(RetentionDays.values()), e);
        }
    }

    private Optional<Object> raw(String key) {
        return Optional.ofNullable(context.apply(key));
    }

    private Optional<String> text(String key) {
        return raw(key).map(Object::toString).map(String::trim).filter(s -> !s.isEmpty());
    }

    private Optional<Long> number(String key) {
        return text(key).map(value -> {
            try {
                return Long.parseLong(value.replace("_", "").replaceFirst("\\.0+$", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("context " + key + " must be a whole number, got '" + value + "'", e);
            }
        });
    }

    private static <T> T checked(String key, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("context " + key + ": " + e.getMessage(), e);
        }
    }
}
