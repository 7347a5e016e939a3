package dev.pixelstep.functions.internal.s3;

import dev.pixelstep.functions.config.FunctionConfig;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;

import java.time.Duration;

/**
 * Warms the SDK's path for the calls the functions make (endpoint resolution, marshalling,
 * checksums, signing, the HTTP client and the JDK's sockets, the responses' unmarshalling) without
 * any network traffic: a throw-away client with dummy credentials and otherwise the settings of
 * {@link S3ClientFactory} sends HeadObject, a ranged and a whole GetObject and PutObject to a
 * {@link LoopbackS3} on an ephemeral loopback port, which answers each with a small object. Before
 * this the requests were stopped just before transmission, and the first request after a restore
 * loaded the response side (about 450 classes, the SDK's response models most of them) and ran the
 * HTTP client's code for the first time while it waited.
 */
public final class S3Priming {

    private static final String BUCKET = "pixelstep-priming";
    private static final String KEY = "priming/key.jpg";

    private S3Priming() {
    }

    /** Runs the calls against a loopback stand-in for S3; nothing leaves the process. Returns how many it answered. */
    public static int warm(FunctionConfig config) {
        try (LoopbackS3 s3 = LoopbackS3.start();
             S3Client client = S3ClientFactory.builder(config)
                     .endpointOverride(s3.endpoint())
                     .forcePathStyle(true)
                     .region(region())
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("priming", "priming")))
                     .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(10)))
                     .build()) {
            client.headObject(b -> b.bucket(BUCKET).key(KEY));
            client.getObject(b -> b.bucket(BUCKET).key(KEY).range("bytes=0-65535"), ResponseTransformer.toBytes());
            client.getObject(b -> b.bucket(BUCKET).key(KEY).ifMatch(LoopbackS3.ETAG), ResponseTransformer.toBytes());
            client.putObject(b -> b.bucket(BUCKET).key(KEY + "/combined.jpg").contentType("image/jpeg"),
                    RequestBody.fromBytes(LoopbackS3.BODY));
            return s3.answered();
        }
    }

    private static Region region() {
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (RuntimeException e) {
            return Region.US_EAST_1;
        }
    }
}
