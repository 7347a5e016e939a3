package dev.pixelstep.spi.chain;

/**
 * A chain text that cannot be used. The message says where (1-based character position), what
 * text was refused and what is allowed there, e.g.
 * {@code at character 12: unknown operation 'blurr'; known operations: blur, grayscale (did you mean 'blur'?)}.
 *
 * <p>This is the only exception {@link ChainParser#parse(String)} throws.
 */
public final class InvalidChainException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** What kind of mistake the text holds. */
    public enum Reason {
        /** Not of the form {@code name(key=value, ...), ...}. */
        SYNTAX,
        /** An operation name that no registered operation has. */
        UNKNOWN_OPERATION,
        /** A parameter name the operation does not declare. */
        UNKNOWN_PARAMETER,
        /** The same parameter given twice in one step. */
        DUPLICATE_PARAMETER,
        /** A value of the wrong type or out of range. */
        INVALID_VALUE,
        /** More than {@link OperationChain#MAX_OPERATIONS} operations. */
        TOO_MANY_OPERATIONS,
        /** Longer than {@link OperationChain#MAX_TEXT_BYTES} bytes. */
        TOO_LONG
    }

    private final Reason reason;
    private final int position;
    private final String offendingText;
    private final String allowed;

    InvalidChainException(Reason reason, int position, String offendingText, String problem, String allowed) {
        super("at character " + position + ": " + problem + "; " + allowed);
        this.reason = reason;
        this.position = position;
        this.offendingText = offendingText;
        this.allowed = allowed;
    }

    public Reason reason() {
        return reason;
    }

    /** The 1-based position of the offending text in the chain. */
    public int position() {
        return position;
    }

    /** The text that was refused (may be empty at the end of the input). */
    public String offendingText() {
        return offendingText;
    }

    /** What is allowed at that position, in words. */
    public String allowed() {
        return allowed;
    }
}
