package dev.pixelstep.cdk.app;

import dev.pixelstep.cdk.CpuArchitecture;
import dev.pixelstep.cdk.JavaRuntime;
import dev.pixelstep.cdk.PipelineDefaults;
import dev.pixelstep.cdk.PixelstepPipelineProps;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.services.logs.RetentionDays;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Context keys ({@code -c key=value} or cdk.json) become pipeline settings. */
class AppContextTest {

    private static final String FUNCTION_ZIP = System.getProperty("pixelstep.function.zip");
    private static final String LAYER_ZIP = System.getProperty("pixelstep.layer.zip");
    private static final String PLUGIN_ZIP = System.getProperty("pixelstep.plugin.layer");

    private static AppContext context(Map<String, Object> values) {
        Map<String, Object> all = new HashMap<>(Map.of(AppContext.FUNCTION_ZIP, FUNCTION_ZIP, AppContext.LAYER_ZIP, LAYER_ZIP));
        all.putAll(values);
        return new AppContext(all::get);
    }

    @Test
    void withoutContextTheZipsComeFromTargetLambdaAndEverySettingIsItsDefault() {
        AppContext context = new AppContext(key -> null);
        PixelstepPipelineProps props = context.pipelineProps();
        assertEquals("Pixelstep", context.stackName());
        assertEquals(Path.of(AppContext.DEFAULT_FUNCTION_ZIP).toAbsolutePath(), props.functionZip());
        assertEquals(Path.of(AppContext.DEFAULT_LAYER_ZIP).toAbsolutePath(), props.layerZip());
        assertEquals(Path.of(FUNCTION_ZIP).toAbsolutePath().normalize(), props.functionZip(), "the same file the build copies");
        assertEquals(PipelineDefaults.PROCESSOR, props.processor());
        assertEquals(PipelineDefaults.JVM_OPTIONS, props.jvmOptions());
        assertTrue(props.pluginLayers().isEmpty() && props.inputBucketName().isEmpty() && props.outputBucketName().isEmpty());
    }

    @Test
    void commandLineStringsBecomeTypedSettings() {
        PixelstepPipelineProps props = context(Map.ofEntries(
                Map.entry(AppContext.INPUT_BUCKET, "acme-in"),
                Map.entry(AppContext.OUTPUT_BUCKET, "acme-out"),
                Map.entry(AppContext.PLUGIN_LAYERS, PLUGIN_ZIP + ", arn:aws:lambda:eu-west-1:123456789012:layer:acme:2"),
                Map.entry(AppContext.KEY_PREFIX, "uploads/"),
                Map.entry(AppContext.PROCESSOR_MEMORY, "3008"),
                Map.entry(AppContext.PROCESSOR_TIMEOUT, "600"),
                Map.entry(AppContext.ANALYSER_MEMORY, "1_536"),
                Map.entry(AppContext.JVM_OPTIONS, ""),
                Map.entry(AppContext.RUNTIME, "java21"),
                Map.entry(AppContext.ARCHITECTURE, "x86_64"),
                Map.entry(AppContext.MAX_PIXELS, "20000000"),
                Map.entry(AppContext.OUTPUT_EXPIRATION_DAYS, "7"),
                Map.entry(AppContext.LOG_RETENTION, "one_year"),
                Map.entry(AppContext.ALIAS, "prod"),
                Map.entry(AppContext.PROCESSOR_RESERVED_CONCURRENCY, "none"),
                Map.entry(AppContext.ANALYSER_RESERVED_CONCURRENCY, "20"),
                Map.entry(AppContext.ALARM_EMAIL, "ops@example.com"))).pipelineProps();
        assertEquals("acme-in", props.inputBucketName().orElseThrow());
        assertEquals("acme-out", props.outputBucketName().orElseThrow());
        assertEquals(2, props.pluginLayers().size());
        assertEquals(Path.of(PLUGIN_ZIP).toAbsolutePath(), props.pluginLayers().get(0).path());
        assertEquals("arn:aws:lambda:eu-west-1:123456789012:layer:acme:2", props.pluginLayers().get(1).arn());
        assertEquals("uploads/", props.keyPrefix());
        assertEquals(3008, props.processor().memoryMb());
        assertEquals(Duration.ofMinutes(10), props.processor().timeout());
        assertEquals(1536, props.analyser().memoryMb());
        assertEquals(PipelineDefaults.ANALYSER.timeout(), props.analyser().timeout());
        assertEquals("", props.jvmOptions(), "an empty value sets no JAVA_TOOL_OPTIONS");
        assertEquals(JavaRuntime.JAVA_21, props.javaRuntime());
        assertEquals(CpuArchitecture.X86_64, props.architecture());
        assertEquals(20_000_000, props.maxPixels());
        assertEquals(7, props.outputExpirationDays().orElseThrow());
        assertEquals(RetentionDays.ONE_YEAR, props.logRetention());
        assertEquals("prod", props.aliasName());
        assertTrue(props.processor().reservedConcurrency().isEmpty(), "'none' reserves nothing");
        assertEquals(20, props.analyser().reservedConcurrency().getAsInt());
        assertEquals("ops@example.com", props.alarmEmail().orElseThrow());
    }

    @Test
    void cdkJsonValuesMayBeNumbersAndLists() {
        PixelstepPipelineProps props = context(Map.of(
                AppContext.PROCESSOR_MEMORY, 4096,
                AppContext.INPUT_EXPIRATION_DAYS, 30.0,
                AppContext.PLUGIN_LAYERS, List.of(PLUGIN_ZIP))).pipelineProps();
        assertEquals(4096, props.processor().memoryMb());
        assertEquals(30, props.inputExpirationDays().orElseThrow());
        assertEquals(1, props.pluginLayers().size());
    }

    @Test
    void badValuesNameTheirKey() {
        assertEquals("context processorMemory must be a whole number, got 'lots'", assertThrows(IllegalArgumentException.class,
                () -> context(Map.of(AppContext.PROCESSOR_MEMORY, "lots")).pipelineProps()).getMessage());
        assertEquals("context analyserMemory: memory must be 128 to 10240 MB, got 64", assertThrows(IllegalArgumentException.class,
                () -> context(Map.of(AppContext.ANALYSER_MEMORY, "64")).pipelineProps()).getMessage());
        assertEquals("context runtime: unknown Java runtime 'java8'; expected java25 or java21", assertThrows(IllegalArgumentException.class,
                () -> context(Map.of(AppContext.RUNTIME, "java8")).pipelineProps()).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> context(Map.of(AppContext.LOG_RETENTION, "forever")).pipelineProps())
                .getMessage().startsWith("context logRetention: 'forever' is not one of [ONE_DAY"));
        assertEquals("context processorReservedConcurrency must be a whole number or 'none', got 'lots'", assertThrows(IllegalArgumentException.class,
                () -> context(Map.of(AppContext.PROCESSOR_RESERVED_CONCURRENCY, "lots")).pipelineProps()).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> context(Map.of(AppContext.ANALYSER_RESERVED_CONCURRENCY, "0")).pipelineProps())
                .getMessage().startsWith("context analyserReservedConcurrency: reserved concurrency must be at least 1, got 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> context(Map.of(AppContext.PLUGIN_LAYERS, "nowhere.zip")).pipelineProps())
                .getMessage().startsWith("context pluginLayers: plugin layer "));
    }

    @Test
    void theAppRefusesTheSameBucketForInputAndOutputBeforeDefiningAnything() {
        App app = App.Builder.create().context(Map.of(
                AppContext.FUNCTION_ZIP, FUNCTION_ZIP, AppContext.LAYER_ZIP, LAYER_ZIP,
                AppContext.INPUT_BUCKET, "acme-images", AppContext.OUTPUT_BUCKET, "acme-images")).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PixelstepApp.define(app));
        assertTrue(e.getMessage().startsWith("the input and output bucket must differ, both are 'acme-images'"), e.getMessage());
        assertTrue(app.getNode().getChildren().isEmpty(), "no stack was defined");
    }

    @Test
    void theAppDefinesOneStackNamedByTheContext() {
        App app = App.Builder.create().context(Map.of(
                AppContext.FUNCTION_ZIP, FUNCTION_ZIP, AppContext.LAYER_ZIP, LAYER_ZIP, AppContext.STACK_NAME, "PixelstepStaging")).build();
        PixelstepStack stack = PixelstepApp.define(app);
        assertEquals("PixelstepStaging", stack.getStackName());
        assertEquals(1, app.getNode().getChildren().size());
    }
}
