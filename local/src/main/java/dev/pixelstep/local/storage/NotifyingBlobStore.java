package dev.pixelstep.local.storage;

import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

import java.io.InputStream;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * A blob store that tells a listener about every object created through the S3 API, after the
 * write has completed, as S3 does before it emits an {@code Object Created} event.
 */
final class NotifyingBlobStore extends ForwardingBlobStore {

    private final Consumer<ObjectCreated> listener;
    private final Clock clock;

    NotifyingBlobStore(BlobStore delegate, Consumer<ObjectCreated> listener, Clock clock) {
        super(delegate);
        this.listener = listener;
        this.clock = clock;
    }

    @Override
    public PutObjectResponse putBlob(PutObjectRequest request, InputStream content) {
        PutObjectResponse response = super.putBlob(request, content);
        notify(request.bucket(), request.key(), "PutObject");
        return response;
    }

    @Override
    public CopyObjectResponse copyBlob(CopyObjectRequest request) {
        CopyObjectResponse response = super.copyBlob(request);
        notify(request.destinationBucket(), request.destinationKey(), "CopyObject");
        return response;
    }

    @Override
    public CompleteMultipartUploadResponse completeMultipartUpload(MultipartUpload upload, CompleteMultipartUploadRequest request) {
        CompleteMultipartUploadResponse response = super.completeMultipartUpload(upload, request);
        notify(request.bucket(), request.key(), "CompleteMultipartUpload");
        return response;
    }

    private void notify(String bucket, String key, String reason) {
        HeadObjectResponse head = blobMetadata(bucket, key);
        listener.accept(new ObjectCreated(bucket, key, head.contentLength(), unquote(head.eTag()), reason, clock.instant()));
    }

    static String unquote(String etag) {
        return etag == null ? "" : etag.replace("\"", "");
    }
}
