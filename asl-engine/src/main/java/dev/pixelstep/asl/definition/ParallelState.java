package dev.pixelstep.asl.definition;

import java.util.List;

/**
 * A Parallel state: runs every branch concurrently on the same input; its result is the array of the branches'
 * outputs.
 *
 * @param name          the name
 * @param comment       the Comment, or null
 * @param transition    Next or End
 * @param io            every input/output processing field
 * @param branches      the branches
 * @param errorHandling Retry and Catch
 */
public record ParallelState(String name, String comment, Transition transition, InputOutput io,
                            List<StateGraph> branches, ErrorHandling errorHandling) implements State {

    /** Copies the branches. */
    public ParallelState {
        branches = List.copyOf(branches);
    }

    @Override
    public String type() {
        return "Parallel";
    }
}
