package dev.pixelstep.local;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How the local runtime is set up.
 *
 * @param dataDirectory where objects, the ledger, execution records and unpacked functions live
 * @param host          address the S3 server binds to (loopback by default)
 * @param port          S3 port, 0 for a free one
 * @param inputBucket   bucket whose uploads start the pipeline
 * @param outputBucket  bucket the pipeline writes to; never the input bucket
 * @param concurrency   light executions run at once; heavy ones run beside them, up to half as many
 * @param functionZip   the function zip deployed to Lambda
 * @param layers        the pixelstep layer zip, then any plugin layers (zip, directory or jar), in order
 * @param heavyWork     from how many pixel-operations (image pixels times operations in the chain) an
 *                      upload runs in the heavy lane
 * @param maxPending    how many accepted uploads may wait for a run; beyond it, uploads into the input
 *                      bucket are refused with 503 SlowDown (clients retry) until runs catch up
 */
public record RuntimeConfig(Path dataDirectory, String host, int port, String inputBucket, String outputBucket,
                            int concurrency, Path functionZip, List<Path> layers, long heavyWork, int maxPending) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 9000;
    public static final String DEFAULT_INPUT_BUCKET = "pixelstep-input";
    public static final String DEFAULT_OUTPUT_BUCKET = "pixelstep-output";
    /** A 12 MP photo through four operations. */
    public static final long DEFAULT_HEAVY_WORK = 48_000_000L;
    public static final int DEFAULT_MAX_PENDING = 10_000;

    /** With the default lanes and back-pressure. */
    public RuntimeConfig(Path dataDirectory, String host, int port, String inputBucket, String outputBucket,
                         int concurrency, Path functionZip, List<Path> layers) {
        this(dataDirectory, host, port, inputBucket, outputBucket, concurrency, functionZip, layers, DEFAULT_HEAVY_WORK,
                DEFAULT_MAX_PENDING);
    }

    public RuntimeConfig {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(functionZip, "functionZip");
        layers = List.copyOf(layers);
        requireBucketName(inputBucket);
        requireBucketName(outputBucket);
        if (inputBucket.equals(outputBucket)) {
            throw new IllegalArgumentException("the output bucket must differ from the input bucket ('" + inputBucket
                    + "'): writing outputs into the input bucket would trigger the pipeline on its own results");
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
        }
        if (heavyWork < 1) {
            throw new IllegalArgumentException("heavyWork must be at least 1, got " + heavyWork);
        }
        if (maxPending < 1) {
            throw new IllegalArgumentException("maxPending must be at least 1, got " + maxPending);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be from 0 to 65535, got " + port);
        }
    }

    private static void requireBucketName(String name) {
        if (name == null || !name.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw new IllegalArgumentException("'" + name + "' is not a valid S3 bucket name: use 3 to 63 lower-case letters,"
                    + " digits, '.' and '-', starting and ending with a letter or digit");
        }
    }
}
