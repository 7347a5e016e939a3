package dev.pixelstep.spi.param;

/**
 * A parameter value that is not allowed: wrong type, out of range, not one of the choices, or an
 * unknown parameter name. The message names the parameter, the offending text and what is allowed.
 */
public final class InvalidParameterException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String parameter;
    private final String offendingText;
    private final String allowed;

    public InvalidParameterException(String parameter, String offendingText, String allowed) {
        super("invalid value '" + offendingText + "' for parameter '" + parameter + "': expected " + allowed);
        this.parameter = parameter;
        this.offendingText = offendingText;
        this.allowed = allowed;
    }

    private InvalidParameterException(String message, String parameter, String offendingText, String allowed) {
        super(message);
        this.parameter = parameter;
        this.offendingText = offendingText;
        this.allowed = allowed;
    }

    /** An error for a parameter name the operation does not declare. */
    public static InvalidParameterException unknown(String operation, String parameter, String allowedNames) {
        return new InvalidParameterException(
                "operation '" + operation + "' has no parameter '" + parameter + "'; its parameters are: " + allowedNames,
                parameter, parameter, allowedNames);
    }

    /** The parameter's name. */
    public String parameter() {
        return parameter;
    }

    /** The text or value that was refused. */
    public String offendingText() {
        return offendingText;
    }

    /** What is allowed instead, in words. */
    public String allowed() {
        return allowed;
    }
}
