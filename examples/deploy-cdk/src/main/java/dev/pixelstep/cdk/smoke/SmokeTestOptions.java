package dev.pixelstep.cdk.smoke;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The smoke test's arguments:
 * <pre>
 * check   --outputs FILE --stack NAME [--photo FILE] [--ops CHAIN] [--timeout SECONDS]
 * cleanup --outputs FILE --stack NAME
 * </pre>
 *
 * @param command    {@code check} (upload, wait, check, time) or {@code cleanup} (empty and delete the stack's retained buckets)
 * @param outputs    the file {@code cdk deploy --outputs-file} wrote
 * @param stackName  the stack's name, the key of its outputs in that file
 * @param photo      the photo to upload; empty for a generated one
 * @param operations the operation chain uploaded as {@code x-amz-meta-operations}
 * @param timeout    how long to wait for each manifest
 */
public record SmokeTestOptions(String command, Path outputs, String stackName, Optional<Path> photo, String operations, Duration timeout) {

    /** The chain used unless {@code --ops} says otherwise. */
    public static final String DEFAULT_OPERATIONS = "grayscale, blur(radius=4), sepia";
    /** How long to wait for a manifest unless {@code --timeout} says otherwise: cold starts and SnapStart restores included. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
    /** The usage line printed with every argument error. */
    public static final String USAGE = "usage: SmokeTest check --outputs FILE --stack NAME [--photo FILE] [--ops CHAIN] [--timeout SECONDS]\n"
            + "       SmokeTest cleanup --outputs FILE --stack NAME";

    /**
     * Parses the command line.
     *
     * @throws IllegalArgumentException with what is wrong and {@link #USAGE}
     */
    public static SmokeTestOptions parse(String... args) {
        if (args.length == 0 || !(args[0].equals("check") || args[0].equals("cleanup"))) {
            throw usage("the first argument must be 'check' or 'cleanup'");
        }
        Path outputs = null;
        String stack = null;
        Path photo = null;
        String operations = DEFAULT_OPERATIONS;
        Duration timeout = DEFAULT_TIMEOUT;
        for (int i = 1; i < args.length; i += 2) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw usage(option + " needs a value");
            }
            String value = args[i + 1];
            switch (option) {
                case "--outputs" -> outputs = Path.of(value);
                case "--stack" -> stack = value;
                case "--photo" -> photo = Path.of(value);
                case "--ops" -> operations = value;
                case "--timeout" -> timeout = seconds(value);
                default -> throw usage("unknown option " + option);
            }
        }
        if (outputs == null || stack == null || stack.isBlank()) {
            throw usage("--outputs and --stack are required");
        }
        if (!Files.isRegularFile(outputs)) {
            throw usage("the outputs file " + outputs + " does not exist (cdk deploy --outputs-file writes it)");
        }
        if (photo != null && !Files.isRegularFile(photo)) {
            throw usage("the photo " + photo + " does not exist");
        }
        if (args[0].equals("cleanup") && (photo != null || !operations.equals(DEFAULT_OPERATIONS))) {
            throw usage("cleanup takes only --outputs and --stack");
        }
        return new SmokeTestOptions(args[0], outputs, stack, Optional.ofNullable(photo), operations, timeout);
    }

    private static Duration seconds(String value) {
        try {
            long seconds = Long.parseLong(value);
            if (seconds < 1) {
                throw usage("--timeout must be at least 1 second, got " + value);
            }
            return Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            throw usage("--timeout must be a whole number of seconds, got '" + value + "'");
        }
    }

    private static IllegalArgumentException usage(String problem) {
        return new IllegalArgumentException(problem + "\n" + USAGE);
    }
}
