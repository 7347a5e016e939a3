package dev.pixelstep.local.runtime;

import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * S3 as it behaves on a bad day: a forwarding blob store that answers a share of object requests
 * with {@code 500 InternalError} or {@code 503 SlowDown} before touching the store, and delays
 * another share. No request of one object is failed more than {@code maxConsecutive} times in a
 * row, the limit below which a retry policy of {@code maxConsecutive + 1} attempts promises to
 * recover.
 */
final class FaultyBlobStore extends ForwardingBlobStore {

    private final double faultRate;
    private final double slowRate;
    private final long slowMillis;
    private final int maxConsecutive;
    private final Random random;
    private final Map<List<String>, Integer> consecutive = new ConcurrentHashMap<>();
    final AtomicInteger faults = new AtomicInteger();
    final AtomicInteger slowed = new AtomicInteger();
    final AtomicInteger requests = new AtomicInteger();

    FaultyBlobStore(BlobStore delegate, double faultRate, double slowRate, long slowMillis, int maxConsecutive, long seed) {
        super(delegate);
        this.faultRate = faultRate;
        this.slowRate = slowRate;
        this.slowMillis = slowMillis;
        this.maxConsecutive = maxConsecutive;
        this.random = new Random(seed);
    }

    @Override
    public PutObjectResponse putBlob(PutObjectRequest request, InputStream payload) {
        disturb("put", request.bucket(), request.key());
        return super.putBlob(request, payload);
    }

    @Override
    public ResponseInputStream<GetObjectResponse> getBlob(GetObjectRequest request) {
        disturb("get", request.bucket(), request.key());
        return super.getBlob(request);
    }

    @Override
    public HeadObjectResponse blobMetadata(HeadObjectRequest request) {
        disturb("head", request.bucket(), request.key());
        return super.blobMetadata(request);
    }

    @Override
    public ListObjectsV2Response list(ListObjectsV2Request request) {
        disturb("list", request.bucket(), request.prefix());
        return super.list(request);
    }

    private void disturb(String operation, String bucket, String key) {
        requests.incrementAndGet();
        List<String> request = List.of(operation, bucket, String.valueOf(key));
        double draw;
        synchronized (random) {
            draw = random.nextDouble();
        }
        if (draw < faultRate && consecutive.getOrDefault(request, 0) < maxConsecutive) {
            consecutive.merge(request, 1, Integer::sum);
            int n = faults.incrementAndGet();
            boolean slowDown = n % 2 == 0;
            int status = slowDown ? 503 : 500;
            String code = slowDown ? "SlowDown" : "InternalError";
            throw (S3Exception) S3Exception.builder().statusCode(status).message(code + " (injected)")
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code + " (injected)")
                            .sdkHttpResponse(SdkHttpResponse.builder().statusCode(status).build()).build())
                    .build();
        }
        consecutive.remove(request);
        if (draw > 1 - slowRate) {
            slowed.incrementAndGet();
            try {
                Thread.sleep(slowMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
