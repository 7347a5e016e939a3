package dev.pixelstep.functions.error;

/**
 * The function's configuration (environment variables or system properties) is missing or
 * invalid. Raised when the handler is constructed, so the function fails at initialisation.
 */
public final class ConfigurationException extends BadInputException {

    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
