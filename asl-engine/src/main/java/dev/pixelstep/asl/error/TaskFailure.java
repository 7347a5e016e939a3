package dev.pixelstep.asl.error;

import java.util.Objects;

/**
 * Thrown by a task handler to fail its Task with a chosen error name and cause, as a Lambda function or an AWS
 * service would (e.g. {@code new TaskFailure("S3.NoSuchBucketException", "The specified bucket does not exist")}).
 * Retriers and Catchers match the error name.
 */
public final class TaskFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String error;
    private final String failureCause;

    /**
     * @param error the error name Retry and Catch match on, never null
     * @param cause the cause reported with it, may be null
     */
    public TaskFailure(String error, String cause) {
        this(error, cause, null);
    }

    /**
     * @param error      the error name Retry and Catch match on, never null
     * @param cause      the cause reported with it, may be null
     * @param underlying the exception that led to the failure, may be null
     */
    public TaskFailure(String error, String cause, Throwable underlying) {
        super(cause == null ? error : error + ": " + cause, underlying);
        this.error = Objects.requireNonNull(error, "error");
        this.failureCause = cause;
    }

    /** The error name. */
    public String error() {
        return error;
    }

    /** The cause reported with the error, or null. */
    public String failureCause() {
        return failureCause;
    }
}
