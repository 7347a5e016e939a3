package dev.pixelstep.asl.internal.expression;

/** Receives problems found while compiling a definition, each located by a JSON pointer. */
@FunctionalInterface
public interface ProblemSink {

    /**
     * @param pointer the RFC 6901 JSON pointer of the offending value in the definition
     * @param message what is wrong
     */
    void report(String pointer, String message);
}
