package dev.pixelstep.asl.definition;

import dev.pixelstep.asl.internal.expression.ProblemSink;
import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one definition while it is parsed. */
final class Problems implements ProblemSink {

    private final List<DefinitionProblem> found = new ArrayList<>();

    @Override
    public void report(String pointer, String message) {
        found.add(new DefinitionProblem(pointer, message));
    }

    void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidDefinitionException(found);
        }
    }
}
