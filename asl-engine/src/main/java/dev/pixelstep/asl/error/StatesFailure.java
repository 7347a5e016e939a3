package dev.pixelstep.asl.error;

/**
 * A failure travelling through an execution: an error name (e.g. {@code States.Timeout} or a task's own
 * error type) and an optional human-readable cause, exactly what a Catcher receives as {@code {"Error","Cause"}}.
 */
public final class StatesFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String error;
    private final String cause;

    /**
     * @param error the error name; null only for a Fail state without Error
     * @param cause the cause, may be null
     */
    public StatesFailure(String error, String cause) {
        super(cause == null ? String.valueOf(error) : error + ": " + cause, null, false, false);
        this.error = error;
        this.cause = cause;
    }

    /** The error name, or null (a Fail state without Error). */
    public String error() {
        return error;
    }

    /** The cause, or null when none was given. */
    public String cause() {
        return cause;
    }
}
