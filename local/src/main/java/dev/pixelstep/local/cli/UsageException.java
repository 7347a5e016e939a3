package dev.pixelstep.local.cli;

/** A command line that cannot be run as given; the message says what to change. */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
