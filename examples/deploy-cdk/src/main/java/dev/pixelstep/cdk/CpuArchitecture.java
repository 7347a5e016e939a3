package dev.pixelstep.cdk;

/** The processor architecture both functions and the layer are deployed for. */
public enum CpuArchitecture {

    /** Graviton ({@code arm64}), the default: about 20% cheaper per GB-second than x86_64. */
    ARM_64("arm64"),

    /** {@code x86_64}. */
    X86_64("x86_64");

    private final String identifier;

    CpuArchitecture(String identifier) {
        this.identifier = identifier;
    }

    /** Lambda's identifier of the architecture. */
    public String identifier() {
        return identifier;
    }

    /**
     * The architecture with identifier {@code text} ({@code arm64} or {@code x86_64}).
     *
     * @throws IllegalArgumentException naming the architectures offered
     */
    public static CpuArchitecture of(String text) {
        for (CpuArchitecture architecture : values()) {
            if (architecture.identifier.equals(text)) {
                return architecture;
            }
        }
        throw new IllegalArgumentException("unknown architecture '" + text + "'; expected arm64 or x86_64");
    }
}
