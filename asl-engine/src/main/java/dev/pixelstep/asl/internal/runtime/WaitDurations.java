package dev.pixelstep.asl.internal.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pixelstep.asl.definition.WaitState;
import dev.pixelstep.asl.error.ErrorNames;
import dev.pixelstep.asl.error.StatesFailure;
import dev.pixelstep.asl.internal.expression.Scope;
import dev.pixelstep.asl.internal.json.Json;
import dev.pixelstep.asl.internal.json.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** How long a Wait state waits: Seconds, SecondsPath, or until Timestamp/TimestampPath by the engine's clock. */
final class WaitDurations {

    private final Clock clock;

    WaitDurations(Clock clock) {
        this.clock = clock;
    }

    Duration of(WaitState wait, Scope scope) {
        if (wait.seconds() != null) {
            return Duration.ofSeconds(wait.seconds());
        }
        if (wait.timestamp() != null) {
            return until(wait.timestamp().toInstant());
        }
        if (wait.secondsPath() != null) {
            JsonNode value = wait.secondsPath().select(scope);
            if (value == null || !value.canConvertToExactIntegral() || !value.isNumber() || value.asLong() < 0) {
                throw new StatesFailure(ErrorNames.RUNTIME, "The SecondsPath '" + wait.secondsPath().text()
                        + "' must resolve to a non-negative integer but resolved to " + describe(value));
            }
            return Duration.ofSeconds(value.asLong());
        }
        JsonNode value = wait.timestampPath().select(scope);
        Optional<Instant> instant = value != null && value.isTextual()
                ? Timestamps.parse(value.textValue()).map(t -> t.toInstant()) : Optional.empty();
        if (instant.isEmpty()) {
            throw new StatesFailure(ErrorNames.RUNTIME, "The TimestampPath '" + wait.timestampPath().text()
                    + "' must resolve to an RFC 3339 timestamp but resolved to " + describe(value));
        }
        return until(instant.get());
    }

    private Duration until(Instant target) {
        Duration remaining = Duration.between(clock.instant(), target);
        return remaining.isNegative() ? Duration.ZERO : remaining;
    }

    private static String describe(JsonNode value) {
        return value == null ? "nothing" : Json.write(value);
    }
}
