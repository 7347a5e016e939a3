package dev.pixelstep.asl.definition;

/** A Retrier's JitterStrategy. */
public enum JitterStrategy {
    /** Wait exactly the computed interval (the default). */
    NONE,
    /** Wait a uniformly random time between zero and the computed interval. */
    FULL
}
