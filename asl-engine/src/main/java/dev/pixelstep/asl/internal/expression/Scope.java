package dev.pixelstep.asl.internal.expression;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Random;

/**
 * What an expression is evaluated against: the state's current input ({@code $}), the context object
 * ({@code $$}) and the source of randomness for {@code States.MathRandom} and {@code States.UUID}.
 *
 * @param input   the document {@code $} refers to
 * @param context the context object {@code $$} refers to
 * @param random  the (thread-safe) random source
 */
public record Scope(JsonNode input, JsonNode context, Random random) {

    /** Validates that no component is null. */
    public Scope {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(random, "random");
    }
}
