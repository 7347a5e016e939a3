package dev.pixelstep.asl;

import static dev.pixelstep.asl.Fixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.pixelstep.asl.error.ErrorNames;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Wait, Pass, Succeed and Fail states; waits are observed on simulated time. */
class StateTypesTest {

    private static String waitWith(String field) {
        return """
                {"StartAt": "W", "States": {"W": {"Type": "Wait", %s, "End": true}}}""".formatted(field);
    }

    @Test
    void waitSecondsSleepsThatLong() {
        try (Fixture f = new Fixture()) {
            assertEquals(json("{'a': 1}"), f.output(waitWith("\"Seconds\": 10"), "{\"a\": 1}"));
            assertEquals(List.of(Duration.ofSeconds(10)), f.time.sleeps());
        }
    }

    @Test
    void waitSecondsPathReadsTheInput() {
        try (Fixture f = new Fixture()) {
            f.output(waitWith("\"SecondsPath\": \"$.delay\""), "{\"delay\": 7}");
            assertEquals(List.of(Duration.ofSeconds(7)), f.time.sleeps());
        }
    }

    @Test
    void waitTimestampSleepsUntilThatInstantByTheEngineClock() {
        try (Fixture f = new Fixture()) {
            f.output(waitWith("\"Timestamp\": \"2026-01-01T12:01:30Z\""), "{}");
            assertEquals(List.of(Duration.ofSeconds(90)), f.time.sleeps());
        }
    }

    @Test
    void waitTimestampPathReadsTheInputAndAPastInstantDoesNotWait() {
        try (Fixture f = new Fixture()) {
            f.output(waitWith("\"TimestampPath\": \"$.until\""), "{\"until\": \"2026-01-01T13:00:00+01:00\"}");
            f.output(waitWith("\"TimestampPath\": \"$.until\""), "{\"until\": \"2020-01-01T00:00:00Z\"}");
            assertEquals(List.of(Duration.ZERO, Duration.ZERO), f.time.sleeps());
        }
    }

    @Test
    void waitSecondsPathThatIsNotANonNegativeIntegerFailsWithStatesRuntime() {
        try (Fixture f = new Fixture()) {
            assertEquals(ErrorNames.RUNTIME, f.run(waitWith("\"SecondsPath\": \"$.delay\""), "{\"delay\": \"soon\"}").error());
            assertEquals(ErrorNames.RUNTIME, f.run(waitWith("\"SecondsPath\": \"$.delay\""), "{\"delay\": -1}").error());
        }
    }

    @Test
    void failStateEndsTheExecutionWithItsErrorAndCause() {
        try (Fixture f = new Fixture()) {
            Execution execution = f.run("""
                    {"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "Order.Invalid", "Cause": "no items"}}}""",
                    "{}");
            assertEquals(ExecutionStatus.FAILED, execution.status());
            assertEquals("Order.Invalid", execution.error());
            assertEquals("no items", execution.cause());
            assertNull(execution.output());
        }
    }

    @Test
    void failStateErrorPathAndCausePathTakePathsAndIntrinsicFunctions() {
        try (Fixture f = new Fixture()) {
            Execution execution = f.run("""
                    {"StartAt": "F", "States": {"F": {"Type": "Fail", "ErrorPath": "$.error",
                      "CausePath": "States.Format('Item {} failed: {}', $.id, $.reason)"}}}""",
                    "{\"error\": \"Item.Failed\", \"id\": 7, \"reason\": \"too big\"}");
            assertEquals("Item.Failed", execution.error());
            assertEquals("Item 7 failed: too big", execution.cause());
        }
    }

    @Test
    void failStateErrorPathThatIsNotAStringFailsWithStatesRuntime() {
        try (Fixture f = new Fixture()) {
            assertEquals(ErrorNames.RUNTIME, f.run("""
                    {"StartAt": "F", "States": {"F": {"Type": "Fail", "ErrorPath": "$.error"}}}""",
                    "{\"error\": 42}").error());
        }
    }

    @Test
    void succeedStateEndsSuccessfullyWithItsFilteredInput() {
        try (Fixture f = new Fixture()) {
            assertEquals(json("{'b': 2}"), f.output("""
                    {"StartAt": "S", "States": {"S": {"Type": "Succeed", "InputPath": "$.a", "OutputPath": "$.inner"}}}""",
                    "{\"a\": {\"inner\": {\"b\": 2}}}"));
        }
    }

    @Test
    void passResultIsPlacedAtResultPath() {
        try (Fixture f = new Fixture()) {
            assertEquals(json("{'georefOf': 'Home', 'coords': {'x-datum': 0.381018, 'y-datum': 622.2269926397355}}"),
                    f.output("""
                    {"StartAt": "P", "States": {"P": {"Type": "Pass", "Result": {"x-datum": 0.381018,
                      "y-datum": 622.2269926397355}, "ResultPath": "$.coords", "End": true}}}""",
                    "{\"georefOf\": \"Home\"}"));
        }
    }
}
