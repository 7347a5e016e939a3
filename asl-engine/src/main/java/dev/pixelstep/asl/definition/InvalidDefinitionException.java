package dev.pixelstep.asl.definition;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A state machine definition that cannot be run, with every problem found (not just the first), each located by
 * a JSON pointer that names the state.
 */
public final class InvalidDefinitionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<DefinitionProblem> problems;

    /** @param problems the problems, at least one */
    public InvalidDefinitionException(List<DefinitionProblem> problems) {
        super(describe(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid definition has at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** The problems, in the order found. */
    public List<DefinitionProblem> problems() {
        return problems;
    }

    private static String describe(List<DefinitionProblem> problems) {
        return "Invalid state machine definition (" + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                + "):" + problems.stream().map(p -> "\n  " + p).collect(Collectors.joining());
    }
}
