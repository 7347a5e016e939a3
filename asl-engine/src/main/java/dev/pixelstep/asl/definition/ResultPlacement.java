package dev.pixelstep.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pixelstep.asl.internal.expression.ReferencePath;

/**
 * The value of a ResultPath field: where a state's result goes in its raw input. An absent field means
 * {@code $} (the result replaces the input); JSON null discards the result and passes the input through.
 */
public final class ResultPlacement {

    /** {@code $}: the result becomes the output (the default). */
    public static final ResultPlacement REPLACE = new ResultPlacement(ReferencePath.parse("$"));
    /** JSON null: the result is discarded and the input passes through. */
    public static final ResultPlacement DISCARD = new ResultPlacement(null);

    private final ReferencePath path;

    private ResultPlacement(ReferencePath path) {
        this.path = path;
    }

    /** A placement at a reference path. */
    public static ResultPlacement at(ReferencePath path) {
        return path.isRoot() ? REPLACE : new ResultPlacement(path);
    }

    /** The reference path, or null for {@link #DISCARD}. */
    public ReferencePath path() {
        return path;
    }

    /**
     * Combines the raw input and the result.
     *
     * @throws dev.pixelstep.asl.error.StatesFailure {@code States.ResultPathMatchFailure} when the path does
     *                                               not fit the input
     */
    public JsonNode apply(JsonNode rawInput, JsonNode result) {
        return path == null ? rawInput : path.set(rawInput, result);
    }

    @Override
    public String toString() {
        return path == null ? "null" : path.text();
    }
}
