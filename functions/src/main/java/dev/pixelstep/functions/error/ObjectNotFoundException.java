package dev.pixelstep.functions.error;

/** The requested object does not exist (neither under the key as given nor under its URL-decoded form). */
public final class ObjectNotFoundException extends BadInputException {

    private static final long serialVersionUID = 1L;

    public ObjectNotFoundException(String message) {
        super(message);
    }
}
