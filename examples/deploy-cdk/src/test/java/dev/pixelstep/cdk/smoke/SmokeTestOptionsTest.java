package dev.pixelstep.cdk.smoke;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The smoke test's command line and the stack outputs file it reads. */
class SmokeTestOptionsTest {

    private static Path outputs() throws IOException {
        Path file = Files.createDirectories(Path.of("target", "smoke")).resolve("outputs.json");
        Files.writeString(file, """
                {"PixelstepSmoke-1": {"InputBucketName": "in-1", "OutputBucketName": "out-1", "AccessLogBucketName": "logs-1",
                  "Region": "eu-west-1", "StateMachineArn": "arn:aws:states:eu-west-1:123456789012:stateMachine:sm",
                  "StateMachineAliasArn": "arn:aws:states:eu-west-1:123456789012:stateMachine:sm:live"}}
                """);
        return file;
    }

    @Test
    void checkTakesTheOutputsTheStackAndOptionalSettings() throws IOException {
        SmokeTestOptions options = SmokeTestOptions.parse("check", "--outputs", outputs().toString(), "--stack", "PixelstepSmoke-1",
                "--ops", "invert", "--timeout", "90");
        assertEquals("check", options.command());
        assertEquals("invert", options.operations());
        assertEquals(Duration.ofSeconds(90), options.timeout());
        assertTrue(options.photo().isEmpty(), "a generated photo");
        SmokeTestOptions defaults = SmokeTestOptions.parse("cleanup", "--outputs", outputs().toString(), "--stack", "PixelstepSmoke-1");
        assertEquals(SmokeTestOptions.DEFAULT_OPERATIONS, defaults.operations());
        assertEquals(SmokeTestOptions.DEFAULT_TIMEOUT, defaults.timeout());
    }

    @Test
    void badArgumentsSayWhatIsWrongAndShowTheUsage() throws IOException {
        String file = outputs().toString();
        for (String[] args : new String[][] {
                {},
                {"deploy"},
                {"check", "--stack", "S"},
                {"check", "--outputs", "target/none.json", "--stack", "S"},
                {"check", "--outputs", file, "--stack", "S", "--timeout", "soon"},
                {"check", "--outputs", file, "--stack", "S", "--timeout", "0"},
                {"check", "--outputs", file, "--stack", "S", "--photo", "target/none.jpg"},
                {"check", "--outputs", file, "--stack"},
                {"check", "--outputs", file, "--stack", "S", "--colour", "red"},
                {"cleanup", "--outputs", file, "--stack", "S", "--ops", "invert"}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SmokeTestOptions.parse(args), String.join(" ", args));
            assertTrue(e.getMessage().endsWith(SmokeTestOptions.USAGE), e.getMessage());
        }
    }

    @Test
    void theStackOutputsAreReadByStackName() throws IOException {
        StackOutputs stack = StackOutputs.read(outputs(), "PixelstepSmoke-1");
        assertEquals(new StackOutputs("in-1", "out-1", "logs-1", "eu-west-1", "arn:aws:states:eu-west-1:123456789012:stateMachine:sm", ""), stack);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StackOutputs.read(outputs(), "Other"));
        assertTrue(e.getMessage().endsWith("has no outputs of stack 'Other'; it has PixelstepSmoke-1"), e.getMessage());
    }
}
