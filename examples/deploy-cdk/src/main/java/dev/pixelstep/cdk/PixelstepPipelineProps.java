package dev.pixelstep.cdk;

import dev.pixelstep.functions.internal.image.ImageLimits;
import software.amazon.awscdk.services.logs.RetentionDays;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The settings of a {@link PixelstepPipeline}; immutable, made with {@link #builder(Path, Path)}.
 * {@link Builder#build()} checks them all, so a bad setting fails synthesis with a message that
 * names it, before any resource exists.
 */
public final class PixelstepPipelineProps {

    /** Lambda allows five layers a function: the pixelstep layer and up to four plugin layers. */
    public static final int MAX_PLUGIN_LAYERS = 4;

    private static final Pattern ALIAS_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,127}");
    private static final Pattern TOPIC_ARN = Pattern.compile("arn:aws[a-z-]*:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_-]{1,256}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final Path functionZip;
    private final Path layerZip;
    private final Optional<String> inputBucketName;
    private final Optional<String> outputBucketName;
    private final List<PluginLayer> pluginLayers;
    private final String keyPrefix;
    private final FunctionSizing processor;
    private final FunctionSizing analyser;
    private final String jvmOptions;
    private final JavaRuntime javaRuntime;
    private final CpuArchitecture architecture;
    private final long maxBytes;
    private final long maxPixels;
    private final Optional<Integer> inputExpirationDays;
    private final Optional<Integer> outputExpirationDays;
    private final RetentionDays logRetention;
    private final String aliasName;
    private final Optional<String> alarmTopicArn;
    private final Optional<String> alarmEmail;

    private PixelstepPipelineProps(Builder b) {
        this.functionZip = b.functionZip;
        this.layerZip = b.layerZip;
        this.inputBucketName = b.inputBucketName;
        this.outputBucketName = b.outputBucketName;
        this.pluginLayers = List.copyOf(b.pluginLayers);
        this.keyPrefix = b.keyPrefix;
        this.processor = b.processor;
        this.analyser = b.analyser;
        this.jvmOptions = b.jvmOptions;
        this.javaRuntime = b.javaRuntime;
        this.architecture = b.architecture;
        this.maxBytes = b.maxBytes;
        this.maxPixels = b.maxPixels;
        this.inputExpirationDays = b.inputExpirationDays;
        this.outputExpirationDays = b.outputExpirationDays;
        this.logRetention = b.logRetention;
        this.aliasName = b.aliasName;
        this.alarmTopicArn = b.alarmTopicArn;
        this.alarmEmail = b.alarmEmail;
    }

    /**
     * A builder with every default.
     *
     * @param functionZip the built function zip ({@code dev.pixelstep:pixelstep-functions:zip})
     * @param layerZip    the built layer zip ({@code dev.pixelstep:pixelstep-layer:zip})
     */
    public static Builder builder(Path functionZip, Path layerZip) {
        return new Builder(functionZip, layerZip);
    }

    /** The function zip deployed as both functions' code. */
    public Path functionZip() {
        return functionZip;
    }

    /** The pixelstep layer zip. */
    public Path layerZip() {
        return layerZip;
    }

    /** The input bucket's name, or empty for a name CloudFormation chooses. */
    public Optional<String> inputBucketName() {
        return inputBucketName;
    }

    /** The output bucket's name, or empty for a name CloudFormation chooses. */
    public Optional<String> outputBucketName() {
        return outputBucketName;
    }

    /** Plugin layers added to both functions after the pixelstep layer, in order. */
    public List<PluginLayer> pluginLayers() {
        return pluginLayers;
    }

    /** Only input keys starting with this start the pipeline; empty for every key. */
    public String keyPrefix() {
        return keyPrefix;
    }

    /** Memory and timeout of the processor. */
    public FunctionSizing processor() {
        return processor;
    }

    /** Memory and timeout of the analyser. */
    public FunctionSizing analyser() {
        return analyser;
    }

    /** {@code JAVA_TOOL_OPTIONS} of both functions; empty for none. */
    public String jvmOptions() {
        return jvmOptions;
    }

    /** The Lambda Java runtime. */
    public JavaRuntime javaRuntime() {
        return javaRuntime;
    }

    /** The processor architecture. */
    public CpuArchitecture architecture() {
        return architecture;
    }

    /** Largest input object in bytes ({@code PIXELSTEP_MAX_BYTES}). */
    public long maxBytes() {
        return maxBytes;
    }

    /** Largest input image in pixels ({@code PIXELSTEP_MAX_PIXELS}). */
    public long maxPixels() {
        return maxPixels;
    }

    /** Days after which input objects expire; empty to keep them. */
    public Optional<Integer> inputExpirationDays() {
        return inputExpirationDays;
    }

    /** Days after which outputs expire; empty to keep them. */
    public Optional<Integer> outputExpirationDays() {
        return outputExpirationDays;
    }

    /** Retention of the functions' and the state machine's logs. */
    public RetentionDays logRetention() {
        return logRetention;
    }

    /** Name of the function aliases and the state machine alias. */
    public String aliasName() {
        return aliasName;
    }

    /** An existing SNS topic every alarm notifies; empty for none. */
    public Optional<String> alarmTopicArn() {
        return alarmTopicArn;
    }

    /** An e-mail address subscribed to a new alarm topic; empty for none. */
    public Optional<String> alarmEmail() {
        return alarmEmail;
    }

    /** Builds {@link PixelstepPipelineProps}; every setting has a default except the two zips. */
    public static final class Builder {

        private final Path functionZip;
        private final Path layerZip;
        private Optional<String> inputBucketName = Optional.empty();
        private Optional<String> outputBucketName = Optional.empty();
        private final List<PluginLayer> pluginLayers = new ArrayList<>();
        private String keyPrefix = "";
        private FunctionSizing processor = PipelineDefaults.PROCESSOR;
        private FunctionSizing analyser = PipelineDefaults.ANALYSER;
        private String jvmOptions = PipelineDefaults.JVM_OPTIONS;
        private JavaRuntime javaRuntime = JavaRuntime.JAVA_25;
        private CpuArchitecture architecture = CpuArchitecture.ARM_64;
        private long maxBytes = ImageLimits.DEFAULT_MAX_BYTES;
        private long maxPixels = ImageLimits.DEFAULT_MAX_PIXELS;
        private Optional<Integer> inputExpirationDays = Optional.empty();
        private Optional<Integer> outputExpirationDays = Optional.empty();
        private RetentionDays logRetention = RetentionDays.ONE_MONTH;
        private String aliasName = PipelineDefaults.ALIAS;
        private Optional<String> alarmTopicArn = Optional.empty();
        private Optional<String> alarmEmail = Optional.empty();

        private Builder(Path functionZip, Path layerZip) {
            this.functionZip = Objects.requireNonNull(functionZip, "functionZip").toAbsolutePath().normalize();
            this.layerZip = Objects.requireNonNull(layerZip, "layerZip").toAbsolutePath().normalize();
        }

        /** Names the input bucket; {@code null} or blank lets CloudFormation choose. */
        public Builder inputBucketName(String name) {
            this.inputBucketName = optionalName(name);
            return this;
        }

        /** Names the output bucket; {@code null} or blank lets CloudFormation choose. */
        public Builder outputBucketName(String name) {
            this.outputBucketName = optionalName(name);
            return this;
        }

        /** Adds a plugin layer to both functions. */
        public Builder pluginLayer(PluginLayer layer) {
            this.pluginLayers.add(Objects.requireNonNull(layer, "layer"));
            return this;
        }

        /** Adds plugin layers to both functions, in order. */
        public Builder pluginLayers(List<PluginLayer> layers) {
            layers.forEach(this::pluginLayer);
            return this;
        }

        /** Starts the pipeline only for keys with this prefix, e.g. {@code uploads/}; empty for all. */
        public Builder keyPrefix(String prefix) {
            this.keyPrefix = Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        /** Memory and timeout of the processor. */
        public Builder processor(FunctionSizing sizing) {
            this.processor = Objects.requireNonNull(sizing, "sizing");
            return this;
        }

        /** Memory and timeout of the analyser. */
        public Builder analyser(FunctionSizing sizing) {
            this.analyser = Objects.requireNonNull(sizing, "sizing");
            return this;
        }

        /** {@code JAVA_TOOL_OPTIONS} of both functions; empty for none. */
        public Builder jvmOptions(String options) {
            this.jvmOptions = Objects.requireNonNull(options, "options").trim();
            return this;
        }

        /** The Lambda Java runtime. */
        public Builder javaRuntime(JavaRuntime runtime) {
            this.javaRuntime = Objects.requireNonNull(runtime, "runtime");
            return this;
        }

        /** The processor architecture. */
        public Builder architecture(CpuArchitecture value) {
            this.architecture = Objects.requireNonNull(value, "architecture");
            return this;
        }

        /** Largest input object in bytes. */
        public Builder maxBytes(long value) {
            this.maxBytes = value;
            return this;
        }

        /** Largest input image in pixels. */
        public Builder maxPixels(long value) {
            this.maxPixels = value;
            return this;
        }

        /** Expires input objects after {@code days}; {@code null} keeps them (the default). */
        public Builder inputExpirationDays(Integer days) {
            this.inputExpirationDays = Optional.ofNullable(days);
            return this;
        }

        /** Expires outputs after {@code days}; {@code null} keeps them (the default). */
        public Builder outputExpirationDays(Integer days) {
            this.outputExpirationDays = Optional.ofNullable(days);
            return this;
        }

        /** Retention of every log group of the pipeline. */
        public Builder logRetention(RetentionDays retention) {
            this.logRetention = Objects.requireNonNull(retention, "retention");
            return this;
        }

        /** Name of the function aliases and the state machine alias. */
        public Builder aliasName(String name) {
            this.aliasName = Objects.requireNonNull(name, "name");
            return this;
        }

        /** Alarms notify this existing SNS topic; {@code null} or blank for none. */
        public Builder alarmTopicArn(String arn) {
            this.alarmTopicArn = optionalName(arn);
            return this;
        }

        /** Alarms notify a new SNS topic with this e-mail address subscribed; {@code null} or blank for none. */
        public Builder alarmEmail(String email) {
            this.alarmEmail = optionalName(email);
            return this;
        }

        /**
         * Checks every setting and builds the props.
         *
         * @throws IllegalArgumentException naming the first bad setting, e.g. the same bucket for input and output
         */
        public PixelstepPipelineProps build() {
            requireFile(functionZip, "function zip");
            requireFile(layerZip, "layer zip");
            if (inputBucketName.isPresent() && inputBucketName.equals(outputBucketName)) {
                throw new IllegalArgumentException("the input and output bucket must differ, both are '" + inputBucketName.get()
                        + "': every output written to the input bucket would start the pipeline again (a trigger loop)");
            }
            if (pluginLayers.size() > MAX_PLUGIN_LAYERS) {
                throw new IllegalArgumentException("at most " + MAX_PLUGIN_LAYERS + " plugin layers (Lambda allows 5 layers a function, one is pixelstep's), got "
                        + pluginLayers.size());
            }
            if (keyPrefix.contains("*") || keyPrefix.length() > 512) {
                throw new IllegalArgumentException("the key prefix must be at most 512 characters without '*', got '" + keyPrefix + "'");
            }
            if (maxBytes < 1 || maxPixels < 1) {
                throw new IllegalArgumentException("the size limits must be positive, got " + maxBytes + " bytes and " + maxPixels + " pixels");
            }
            inputExpirationDays.ifPresent(days -> requirePositiveDays(days, "input"));
            outputExpirationDays.ifPresent(days -> requirePositiveDays(days, "output"));
            if (!ALIAS_NAME.matcher(aliasName).matches() || aliasName.matches("\\d+")) {
                throw new IllegalArgumentException("alias name '" + aliasName + "' must start with a letter and hold only letters, digits, '-' and '_'");
            }
            if (alarmTopicArn.isPresent() && alarmEmail.isPresent()) {
                throw new IllegalArgumentException("give an alarm topic ARN or an alarm e-mail address, not both (subscribe the address to your topic)");
            }
            if (alarmTopicArn.isPresent() && !TOPIC_ARN.matcher(alarmTopicArn.get()).matches()) {
                throw new IllegalArgumentException("alarm topic '" + alarmTopicArn.get() + "' is not an SNS topic ARN (arn:aws:sns:REGION:ACCOUNT:NAME)");
            }
            if (alarmEmail.isPresent() && !EMAIL.matcher(alarmEmail.get()).matches()) {
                throw new IllegalArgumentException("alarm e-mail '" + alarmEmail.get() + "' is not an e-mail address");
            }
            if (jvmOptions.length() > 1024) {
                throw new IllegalArgumentException("JVM options are limited to 1024 characters (JAVA_TOOL_OPTIONS), got " + jvmOptions.length());
            }
            return new PixelstepPipelineProps(this);
        }

        private static Optional<String> optionalName(String name) {
            return name == null || name.isBlank() ? Optional.empty() : Optional.of(name.trim());
        }

        private static void requireFile(Path path, String what) {
            if (!Files.isRegularFile(path)) {
                throw new IllegalArgumentException("the " + what + " " + path + " does not exist; build it first with"
                        + " './mvnw -B install -DskipTests' from the repository root");
            }
        }

        private static void requirePositiveDays(int days, String bucket) {
            if (days < 1) {
                throw new IllegalArgumentException("the " + bucket + " expiration must be at least 1 day, got " + days);
            }
        }
    }
}
