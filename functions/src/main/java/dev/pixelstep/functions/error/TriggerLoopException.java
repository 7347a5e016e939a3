package dev.pixelstep.functions.error;

/**
 * The output bucket is the input bucket: every output would trigger the pipeline again. The
 * function refuses to write anything.
 */
public final class TriggerLoopException extends BadInputException {

    private static final long serialVersionUID = 1L;

    public TriggerLoopException(String bucket) {
        super("the input bucket '" + bucket + "' is also the output bucket (PIXELSTEP_OUTPUT_BUCKET); writing outputs there "
                + "would trigger the pipeline again in a loop. Configure a different output bucket.");
    }
}
