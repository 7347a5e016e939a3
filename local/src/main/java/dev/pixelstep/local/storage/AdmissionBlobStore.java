package dev.pixelstep.local.storage;

import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Back-pressure on uploads: while as many uploads wait for a run as the pipeline may hold, new
 * objects for one bucket are refused with {@code 503 SlowDown} before anything is stored. S3
 * answers the same when a prefix takes more writes than it can, and S3 clients retry it with
 * back-off, so nothing is lost: an upload is either refused (and retried by its client) or
 * acknowledged and durably queued. Writes admitted but not yet committed count against the limit,
 * so a burst cannot overshoot it.
 */
public final class AdmissionBlobStore extends ForwardingBlobStore {

    private final String bucket;
    private final IntSupplier waiting;
    private final int limit;
    private int admitted;

    /**
     * @param delegate the store
     * @param bucket   the bucket whose writes are held back
     * @param waiting  how many uploads wait for a run now
     * @param limit    how many may wait
     */
    public AdmissionBlobStore(BlobStore delegate, String bucket, IntSupplier waiting, int limit) {
        super(delegate);
        this.bucket = bucket;
        this.waiting = waiting;
        this.limit = limit;
    }

    @Override
    public PutObjectResponse putBlob(PutObjectRequest request, InputStream payload) {
        if (!admit(request.bucket())) {
            // Read the body first: a client still sending it would see a broken connection instead of the 503.
            try (InputStream body = payload) {
                body.transferTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                // the client went away; the refusal stands
            }
            throw slowDown();
        }
        return admitted(request.bucket(), () -> super.putBlob(request, payload));
    }

    @Override
    public CopyObjectResponse copyBlob(CopyObjectRequest request) {
        if (!admit(request.destinationBucket())) {
            throw slowDown();
        }
        return admitted(request.destinationBucket(), () -> super.copyBlob(request));
    }

    @Override
    public MultipartUpload initiateMultipartUpload(CreateMultipartUploadRequest request) {
        if (bucket.equals(request.bucket()) && waiting.getAsInt() >= limit) {
            throw slowDown();
        }
        return super.initiateMultipartUpload(request);
    }

    @Override
    public CompleteMultipartUploadResponse completeMultipartUpload(MultipartUpload upload, CompleteMultipartUploadRequest request) {
        if (!admit(upload.containerName())) {
            throw slowDown();
        }
        return admitted(upload.containerName(), () -> super.completeMultipartUpload(upload, request));
    }

    /** Whether a write may go ahead; a write to the held bucket then counts until {@link #admitted} ends. */
    private synchronized boolean admit(String target) {
        if (!bucket.equals(target)) {
            return true;
        }
        if (waiting.getAsInt() + admitted >= limit) {
            return false;
        }
        admitted++;
        return true;
    }

    private <T> T admitted(String target, Supplier<T> write) {
        try {
            return write.get();
        } finally {
            if (bucket.equals(target)) {
                synchronized (this) {
                    admitted--;
                }
            }
        }
    }

    private static S3Exception slowDown() {
        return (S3Exception) S3Exception.builder().statusCode(503).message("SlowDown")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("SlowDown")
                        .errorMessage("Please reduce your request rate: the pipeline has as many uploads waiting as it holds.")
                        .sdkHttpResponse(SdkHttpResponse.builder().statusCode(503).build()).build())
                .build();
    }
}
