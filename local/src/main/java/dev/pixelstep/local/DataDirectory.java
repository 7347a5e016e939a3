package dev.pixelstep.local;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The layout of a local data directory ({@code ./.pixelstep} unless {@code --data} says otherwise):
 * the one place that names what is in it.
 *
 * <pre>
 * objects/          the embedded S3's objects (DurableBlobStore)
 * s3/               an S3Proxy filesystem store of an older version, migrated into objects/ at start
 * ledger.jsonl      accepted uploads and finished runs
 * executions/       one record per ended execution
 * s3-credentials    the embedded S3's key (an AWS credentials file, owner-only)
 * runtime.lock      held by the running serve or run
 * runtime.json      where the running stack listens
 * artifacts/        the bundled function and layer zips, extracted
 * lambda/           the functions and layers as the running stack loads them
 * operations/, presign/, aws-web/   layouts of the commands that only need the operations
 * previews/         the web page's display-sized previews of images, made once each
 * </pre>
 *
 * @param root the directory
 */
public record DataDirectory(Path root) {

    /** Requires the directory's path. */
    public DataDirectory {
        Objects.requireNonNull(root, "root");
    }

    /** The data directory at {@code root}. */
    public static DataDirectory of(Path root) {
        return new DataDirectory(root);
    }

    /** The embedded S3's object store. */
    public Path objects() {
        return root.resolve("objects");
    }

    /** Where an S3Proxy filesystem store of an older version would be. */
    public Path legacyObjects() {
        return root.resolve("s3");
    }

    /** The ledger of accepted uploads and finished runs. */
    public Path ledger() {
        return root.resolve("ledger.jsonl");
    }

    /** The execution records. */
    public Path executions() {
        return root.resolve("executions");
    }

    /** The embedded S3's credentials file. */
    public Path credentials() {
        return root.resolve("s3-credentials");
    }

    /** The lock the running stack holds. */
    public Path lock() {
        return root.resolve("runtime.lock");
    }

    /** Where the running stack listens, written while it holds the lock. */
    public Path runtimeInfo() {
        return root.resolve("runtime.json");
    }

    /** The extracted bundled zips. */
    public Path artifacts() {
        return root.resolve("artifacts");
    }

    /** The running stack's functions and layers. */
    public Path lambda() {
        return root.resolve("lambda");
    }

    /** The layout {@code pixelstep operations} loads the operations from. */
    public Path operationsLayout() {
        return root.resolve("operations");
    }

    /** The layout {@code pixelstep presign --aws} checks chains with. */
    public Path presignLayout() {
        return root.resolve("presign");
    }

    /** The web page's previews of images, made once per image (a cache: deleting it is safe). */
    public Path previews() {
        return root.resolve("previews");
    }

    /** The layout the page loads the operations from in AWS mode. */
    public Path awsWebLayout() {
        return root.resolve("aws-web");
    }
}
