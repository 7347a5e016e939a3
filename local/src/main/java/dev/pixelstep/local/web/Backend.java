package dev.pixelstep.local.web;

import dev.pixelstep.local.runtime.StateProgress;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the web page's runs happen: the buckets, an S3 client for them, the operations the
 * pipeline's functions know, and whatever the backend can tell about a run in progress.
 * {@link LocalBackend} runs against the embedded pipeline, {@link AwsBackend} against a deployment.
 */
public interface Backend extends AutoCloseable {

    /** {@code local} or {@code aws}, shown on the page. */
    String mode();

    /** The bucket uploads go to. */
    String inputBucket();

    /** The bucket the pipeline writes outputs and manifests to. */
    String outputBucket();

    /** A client for both buckets, owned by the backend. */
    S3Client s3();

    /** A class loader that sees the pixelstep SPI and every operation of the layers (built-in and plugin). */
    ClassLoader operations();

    /**
     * The workflow's states so far for the upload at {@code key}; empty when the backend cannot see them.
     *
     * @param uploadedAt when the upload was stored (S3's Last-Modified)
     * @param ended      whether the run's manifest has been written (the execution has ended or is ending)
     */
    List<StateProgress> progress(String key, Instant uploadedAt, boolean ended);

    /**
     * The keys in the input bucket of the {@code limit} most recent runs the backend knows, newest
     * first: the page's own uploads and those of {@code pixelstep run} or any S3 client alike.
     */
    List<String> recentUploads(int limit);

    /** The directory where display-sized previews of images are kept once made ({@link Previews}). */
    Path previewCache();

    /** Whether {@link #progress} reads the workflow's history; when not, only the manifest tells how a run went. */
    boolean followsHistory();

    /**
     * A URL the browser may load the object from directly (a presigned URL on AWS), or empty when
     * the web server has to stream it itself.
     *
     * @param downloadName the file name a download should get
     */
    Optional<String> directUrl(String bucket, String key, String downloadName);

    /** Origins the page may load images from, besides itself, for the Content-Security-Policy. */
    String imageOrigins();

    @Override
    void close();
}
