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
 * @param concurrency   executions run at once; the rest wait in a queue
 * @param functionZip   the function zip deployed to Lambda
 * @param layers        the pixelstep layer zip, then any plugin layers (zip, directory or jar), in order
 */
public record RuntimeConfig(Path dataDirectory, String host, int port, String inputBucket, String outputBucket,
                            int concurrency, Path functionZip, List<Path> layers) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 9000;
    public static final String DEFAULT_INPUT_BUCKET = "pixelstep-input";
    public static final String DEFAULT_OUTPUT_BUCKET = "pixelstep-output";

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
