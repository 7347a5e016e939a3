package dev.pixelstep.cdk;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Settings are checked before any resource exists, with messages that name the setting. */
class PixelstepPipelinePropsTest {

    @Test
    void theSameBucketForInputAndOutputIsRefusedAsATriggerLoop() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Synthesized.propsBuilder()
                .inputBucketName("acme-images").outputBucketName("acme-images").build());
        assertEquals("the input and output bucket must differ, both are 'acme-images': every output written to the input bucket"
                + " would start the pipeline again (a trigger loop)", e.getMessage());
    }

    @Test
    void differentOrAutomaticBucketNamesAreAccepted() {
        PixelstepPipelineProps props = Synthesized.propsBuilder().inputBucketName("acme-in").outputBucketName(" ").build();
        assertEquals("acme-in", props.inputBucketName().orElseThrow());
        assertTrue(props.outputBucketName().isEmpty(), "a blank name means CloudFormation chooses");
    }

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        PixelstepPipelineProps props = Synthesized.propsBuilder().build();
        assertEquals(PipelineDefaults.PROCESSOR, props.processor());
        assertEquals(PipelineDefaults.ANALYSER, props.analyser());
        assertEquals(PipelineDefaults.JVM_OPTIONS, props.jvmOptions());
        assertEquals(JavaRuntime.JAVA_25, props.javaRuntime());
        assertEquals(CpuArchitecture.ARM_64, props.architecture());
        assertEquals("", props.keyPrefix());
        assertTrue(props.outputExpirationDays().isEmpty() && props.inputExpirationDays().isEmpty());
        assertEquals("live", props.aliasName());
    }

    @Test
    void missingZipsPointAtTheBuild() {
        Path missing = Path.of("target/no-such.zip");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PixelstepPipelineProps.builder(missing, Synthesized.layerZip()).build());
        assertTrue(e.getMessage().contains("function zip") && e.getMessage().contains("./mvnw -B install -DskipTests"), e.getMessage());
    }

    @Test
    void atMostFourPluginLayersFitBesideThePixelstepLayer() {
        PixelstepPipelineProps.Builder builder = Synthesized.propsBuilder();
        for (int i = 1; i <= 5; i++) {
            builder.pluginLayer(PluginLayer.of("arn:aws:lambda:eu-west-1:123456789012:layer:plugin" + i + ":1"));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
        assertTrue(e.getMessage().startsWith("at most 4 plugin layers"), e.getMessage());
    }

    @Test
    void pluginLayersAreArnsOrExistingPaths() {
        assertTrue(PluginLayer.of(" arn:aws:lambda:us-east-1:123456789012:layer:x:3 ").isArn());
        assertFalse(PluginLayer.of(Synthesized.pluginLayerZip().toString()).isArn());
        assertThrows(IllegalArgumentException.class, () -> PluginLayer.of("arn:aws:lambda:us-east-1:123456789012:function:x"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PluginLayer.of("target/missing-layer.zip"));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void sizesMustFitLambda() {
        assertThrows(IllegalArgumentException.class, () -> new FunctionSizing(64, Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> new FunctionSizing(20_000, Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> new FunctionSizing(1024, Duration.ofMinutes(16)));
        assertThrows(IllegalArgumentException.class, () -> new FunctionSizing(1024, Duration.ZERO));
        assertEquals(900, new FunctionSizing(10_240, Duration.ofMinutes(15)).timeout().toSeconds());
    }

    @Test
    void otherSettingsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> Synthesized.propsBuilder().keyPrefix("uploads/*").build());
        assertThrows(IllegalArgumentException.class, () -> Synthesized.propsBuilder().outputExpirationDays(0).build());
        assertThrows(IllegalArgumentException.class, () -> Synthesized.propsBuilder().maxPixels(0).build());
        assertThrows(IllegalArgumentException.class, () -> Synthesized.propsBuilder().aliasName("1").build());
        assertThrows(IllegalArgumentException.class, () -> Synthesized.propsBuilder().aliasName("live alias").build());
    }

    @Test
    void reservedConcurrencyIsAtLeastOneOrNone() {
        assertEquals(100, PipelineDefaults.PROCESSOR.reservedConcurrency().getAsInt());
        assertEquals(100, PipelineDefaults.ANALYSER.reservedConcurrency().getAsInt());
        assertTrue(new FunctionSizing(1024, Duration.ofMinutes(1)).reservedConcurrency().isEmpty(), "none unless given");
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> PipelineDefaults.PROCESSOR.withReservedConcurrency(java.util.OptionalInt.of(0)));
        assertTrue(zero.getMessage().contains("throttles every invocation"), zero.getMessage());
    }

    @Test
    void alarmsGoToATopicOrAnAddressNotBoth() {
        assertEquals("ops@example.com", Synthesized.propsBuilder().alarmEmail(" ops@example.com ").build().alarmEmail().orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> Synthesized.propsBuilder().alarmEmail("ops").build());
        assertThrows(IllegalArgumentException.class, () -> Synthesized.propsBuilder().alarmTopicArn("arn:aws:sqs:eu-west-1:123456789012:q").build());
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class, () -> Synthesized.propsBuilder()
                .alarmEmail("ops@example.com").alarmTopicArn("arn:aws:sns:eu-west-1:123456789012:ops").build());
        assertTrue(both.getMessage().startsWith("give an alarm topic ARN or an alarm e-mail address, not both"), both.getMessage());
    }
}
