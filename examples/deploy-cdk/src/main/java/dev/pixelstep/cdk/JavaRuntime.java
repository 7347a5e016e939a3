package dev.pixelstep.cdk;

/** The Lambda Java runtime both functions run on. */
public enum JavaRuntime {

    /**
     * {@code java25}, the default. With SnapStart on, Lambda's Java 25 runtime keeps the full JIT
     * (C2) instead of stopping at C1 as its Java 17 and 21 runtimes do by default.
     */
    JAVA_25("java25"),

    /** {@code java21}: for regions or accounts that do not offer java25 yet. */
    JAVA_21("java21");

    private final String identifier;

    JavaRuntime(String identifier) {
        this.identifier = identifier;
    }

    /** Lambda's identifier of the runtime, e.g. {@code java25}. */
    public String identifier() {
        return identifier;
    }

    /**
     * The runtime with identifier {@code text} ({@code java25} or {@code java21}).
     *
     * @throws IllegalArgumentException naming the runtimes offered
     */
    public static JavaRuntime of(String text) {
        for (JavaRuntime runtime : values()) {
            if (runtime.identifier.equals(text)) {
                return runtime;
            }
        }
        throw new IllegalArgumentException("unknown Java runtime '" + text + "'; expected java25 or java21");
    }
}
