package dev.pixelstep.local.runtime;

import dev.pixelstep.asl.s3.S3Port;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;

/**
 * The ASL engine's S3 port (what a Distributed Map lists, reads and writes) over the embedded S3 server, through
 * the same S3 API every client uses. Keys travel URL-encoded in listings (XML 1.0 cannot carry most control
 * characters); the SDK decodes them.
 */
final class LocalS3Port implements S3Port {

    private final S3Client s3;

    LocalS3Port(S3Client s3) {
        this.s3 = s3;
    }

    @Override
    public Page list(String bucket, String prefix, String continuationToken) {
        ListObjectsV2Response page = s3.listObjectsV2(b -> b.bucket(bucket).prefix(prefix).encodingType(EncodingType.URL)
                .continuationToken(continuationToken));
        return new Page(page.contents().stream().map(o -> new ObjectSummary(o.key(), o.size() == null ? 0 : o.size(), o.eTag(),
                        o.lastModified(), o.storageClassAsString())).toList(),
                Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null);
    }

    @Override
    public byte[] get(String bucket, String key) {
        return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
    }

    @Override
    public void put(String bucket, String key, byte[] body, String contentType) {
        s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(body));
    }
}
