package dev.pixelstep.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pixelstep.asl.error.ErrorNames;
import dev.pixelstep.asl.error.StatesFailure;
import dev.pixelstep.asl.internal.expression.Path;
import dev.pixelstep.asl.internal.json.Json;

/**
 * The value of an InputPath or OutputPath field: a path selecting part of a document, or JSON null, which
 * selects an empty object ({@code {}}). An absent field means {@code $}, the whole document.
 */
public final class InputSelection {

    /** {@code $}: the whole document (the default). */
    public static final InputSelection WHOLE = new InputSelection(Path.parse("$"));
    /** JSON null: an empty object, whatever the document. */
    public static final InputSelection EMPTY = new InputSelection(null);

    private final Path path;

    private InputSelection(Path path) {
        this.path = path;
    }

    /** A selection by path. */
    public static InputSelection of(Path path) {
        return path.text().equals("$") ? WHOLE : new InputSelection(path);
    }

    /** The path, or null for {@link #EMPTY}. */
    public Path path() {
        return path;
    }

    /**
     * Applies the selection.
     *
     * @param field    the field name (InputPath, OutputPath) for the error message
     * @param document the state's input or output
     * @param context  the context object, for {@code $$} paths
     * @throws StatesFailure {@code States.Runtime} when the path selects nothing
     */
    public JsonNode apply(String field, JsonNode document, JsonNode context) {
        if (path == null) {
            return Json.object();
        }
        JsonNode selected = path.find(path.isContextPath() ? context : document);
        if (selected == null) {
            throw new StatesFailure(ErrorNames.RUNTIME, "Invalid path '" + path.text() + "' : No results for path: "
                    + field + " '" + path.text() + "' against " + Json.write(document));
        }
        return selected;
    }

    @Override
    public String toString() {
        return path == null ? "null" : path.text();
    }
}
