package dev.pixelstep.asl.definition;

import dev.pixelstep.asl.error.ErrorNames;
import java.util.List;

/**
 * One element of a state's Catch field.
 *
 * @param errorEquals the error names it handles
 * @param next        the state to go to
 * @param resultPath  where the error output {@code {"Error","Cause"}} goes in the state's raw input
 */
public record Catcher(List<String> errorEquals, String next, ResultPlacement resultPath) {

    /** Copies the error list. */
    public Catcher {
        errorEquals = List.copyOf(errorEquals);
    }

    /** Whether this catcher handles an error. */
    public boolean handles(String error) {
        return ErrorNames.matches(errorEquals, error);
    }
}
