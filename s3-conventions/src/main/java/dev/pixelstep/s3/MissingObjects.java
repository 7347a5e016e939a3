package dev.pixelstep.s3;

import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Which S3 errors mean that an object (or its bucket) is not there. A 404 is the only sure sign:
 * GetObject answers {@code NoSuchKey}, but HeadObject responses carry no body and so no error code,
 * and S3-compatible servers differ in the codes they send.
 */
public final class MissingObjects {

    private MissingObjects() {
    }

    /** Whether {@code e} says the object or its bucket does not exist (HTTP 404), rather than a fault to report or retry. */
    public static boolean isMissing(S3Exception e) {
        return e.statusCode() == 404;
    }
}
