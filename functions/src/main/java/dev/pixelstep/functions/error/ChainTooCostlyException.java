package dev.pixelstep.functions.error;

/**
 * The chain's planned work on this image is above the work budget ({@code PIXELSTEP_MAX_WORK}).
 * Raised from the image header, before the object is downloaded or decoded. The message gives the
 * planned work, the budget and the setting, and names the costliest steps.
 */
public final class ChainTooCostlyException extends BadInputException {

    private static final long serialVersionUID = 1L;

    private final double budget;
    private final double work;

    public ChainTooCostlyException(String message, double budget, double work) {
        super(message);
        this.budget = budget;
        this.work = work;
    }

    /** The work budget, in work units. */
    public double budget() {
        return budget;
    }

    /** The chain's planned work, in work units. */
    public double work() {
        return work;
    }
}
