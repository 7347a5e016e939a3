package dev.pixelstep.functions.error;

/**
 * The object's {@code operations} metadata is not a valid chain: unknown operation, unknown or
 * out-of-range parameter, syntax error, too many operations or too long. The message carries the
 * chain parser's explanation (position, offending text, what is allowed).
 */
public final class InvalidOperationsException extends BadInputException {

    private static final long serialVersionUID = 1L;

    public InvalidOperationsException(String bucket, String key, String chainText, String parserMessage, Throwable cause) {
        super("the 'operations' metadata of s3://" + bucket + "/" + key + " is not a valid chain ('"
                + abbreviate(chainText) + "'): " + parserMessage
                + "; upload the object again with corrected x-amz-meta-operations", cause);
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "...";
    }
}
