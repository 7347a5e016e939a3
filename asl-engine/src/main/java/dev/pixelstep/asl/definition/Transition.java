package dev.pixelstep.asl.definition;

/**
 * Where a state goes when it completes: the state named by Next, or the end of its graph (End: true).
 *
 * @param next the next state's name, or null for End
 */
public record Transition(String next) {

    /** End: true. */
    public static final Transition END = new Transition(null);

    /** Whether the state ends its graph. */
    public boolean isEnd() {
        return next == null;
    }
}
