package dev.pixelstep.spi.registry;

/**
 * The registered operations cannot be used: a provider failed to load, declares an invalid name
 * or parameters, or two operations share a name. A deployment error, not bad user input.
 */
public final class OperationLoadingException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public OperationLoadingException(String message, Throwable cause) {
        super(message, cause);
    }
}
