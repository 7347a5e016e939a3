package dev.pixelstep.asl.definition;

/**
 * One thing wrong with a state machine definition.
 *
 * @param pointer the RFC 6901 JSON pointer of the offending value, e.g. {@code /States/Resize/Next}
 * @param message what is wrong
 */
public record DefinitionProblem(String pointer, String message) {

    @Override
    public String toString() {
        return (pointer.isEmpty() ? "/" : pointer) + ": " + message;
    }
}
