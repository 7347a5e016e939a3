package dev.pixelstep.functions.error;

/**
 * The object's {@code output} metadata is not valid output options (unknown option, a value out of
 * range, an option given twice, or one that does not apply to the format). The message quotes the
 * metadata and says what is allowed.
 */
public final class InvalidOutputOptionsException extends BadInputException {

    private static final long serialVersionUID = 1L;

    public InvalidOutputOptionsException(String bucket, String key, String text, String problem, Throwable cause) {
        super("the 'output' metadata of s3://" + bucket + "/" + key + " is not valid ('"
                + (text.length() <= 120 ? text : text.substring(0, 120) + "...") + "'): " + problem
                + "; upload the object again with corrected x-amz-meta-output", cause);
    }
}
