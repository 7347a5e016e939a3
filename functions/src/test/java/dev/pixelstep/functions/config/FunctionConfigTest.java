package dev.pixelstep.functions.config;

import dev.pixelstep.functions.error.ConfigurationException;
import dev.pixelstep.functions.internal.image.ImageLimits;
import dev.pixelstep.functions.internal.plan.ChainLimits;
import dev.pixelstep.functions.support.SystemProperties;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FunctionConfigTest {

    @Test
    void defaults() {
        FunctionConfig config = FunctionConfig.from(SettingSource.of(Map.of("PIXELSTEP_OUTPUT_BUCKET", "out")));
        assertEquals("out", config.outputBucket());
        assertEquals(ImageLimits.defaults(), config.limits());
        assertEquals(52_428_800L, config.limits().maxBytes());
        assertEquals(50_000_000L, config.limits().maxPixels());
        assertEquals(new ChainLimits(50_000_000L, 100_000_000_000L), config.chainLimits(), "outputs as large as inputs; 100 G work units");
        assertEquals(Optional.empty(), config.s3Endpoint());
        assertFalse(config.s3PathStyle());
    }

    @Test
    void everySetting() {
        FunctionConfig config = FunctionConfig.from(SettingSource.of(Map.of(
                "PIXELSTEP_OUTPUT_BUCKET", " out ", "PIXELSTEP_MAX_BYTES", "1_000", "PIXELSTEP_MAX_PIXELS", "2000",
                "PIXELSTEP_S3_ENDPOINT", "http://127.0.0.1:9000", "PIXELSTEP_S3_PATH_STYLE", "TRUE")));
        assertEquals("out", config.outputBucket());
        assertEquals(new ImageLimits(1000, 2000), config.limits());
        assertEquals(new ChainLimits(2000, 100_000_000_000L), config.chainLimits(), "the output limit follows the input limit");
        assertEquals(Optional.of(URI.create("http://127.0.0.1:9000")), config.s3Endpoint());
        FunctionConfig chain = FunctionConfig.from(SettingSource.of(Map.of("PIXELSTEP_OUTPUT_BUCKET", "out",
                "PIXELSTEP_MAX_OUTPUT_PIXELS", "1_000_000", "PIXELSTEP_MAX_WORK", "5000000000")));
        assertEquals(new ChainLimits(1_000_000, 5_000_000_000L), chain.chainLimits());
        assertTrue(config.s3PathStyle());
    }

    @Test
    void systemPropertiesAreReadLikeEnvironmentVariables() {
        SystemProperties properties = SystemProperties.set(Map.of(FunctionConfig.MAX_PIXELS, "1234"));
        try {
            assertEquals(Optional.of("1234"), SettingSource.system().get(FunctionConfig.MAX_PIXELS));
        } finally {
            properties.close();
        }
    }

    @Test
    void missingOutputBucket() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> FunctionConfig.from(SettingSource.of(Map.of())));
        assertTrue(e.getMessage().contains("PIXELSTEP_OUTPUT_BUCKET is not set"), e.getMessage());
    }

    @Test
    void invalidValuesNameTheSettingAndWhatItAccepts() {
        assertMessage("PIXELSTEP_MAX_BYTES must be a positive whole number, got 'lots'", Map.of("PIXELSTEP_MAX_BYTES", "lots"));
        assertMessage("PIXELSTEP_MAX_PIXELS must be a positive whole number, got '0'", Map.of("PIXELSTEP_MAX_PIXELS", "0"));
        assertMessage("PIXELSTEP_S3_ENDPOINT must be an http(s) URL", Map.of("PIXELSTEP_S3_ENDPOINT", "localhost:9000"));
        assertMessage("PIXELSTEP_S3_PATH_STYLE must be true or false, got 'maybe'", Map.of("PIXELSTEP_S3_PATH_STYLE", "maybe"));
        assertMessage("PIXELSTEP_MAX_WORK must be a positive whole number, got '-5'", Map.of("PIXELSTEP_MAX_WORK", "-5"));
        assertMessage("PIXELSTEP_MAX_OUTPUT_PIXELS (60000000) must not be above PIXELSTEP_MAX_PIXELS (50000000): the analyser reads the "
                + "combined output under the input limit", Map.of("PIXELSTEP_MAX_OUTPUT_PIXELS", "60000000"));
    }

    private static void assertMessage(String expected, Map<String, String> settings) {
        Map<String, String> all = new java.util.HashMap<>(settings);
        all.put("PIXELSTEP_OUTPUT_BUCKET", "out");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> FunctionConfig.from(SettingSource.of(all)));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
