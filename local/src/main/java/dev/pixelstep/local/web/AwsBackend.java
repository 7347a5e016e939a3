package dev.pixelstep.local.web;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A deployed pipeline as the page's backend: uploads go to its input bucket with the caller's AWS
 * credentials, progress is known from the manifest alone, and the browser loads images through
 * presigned URLs valid for {@link #URL_LIFETIME}.
 */
public final class AwsBackend implements Backend {

    /** How long a presigned image URL stays valid. */
    public static final Duration URL_LIFETIME = Duration.ofMinutes(30);

    /**
     * What the backend connects to.
     *
     * @param region       the buckets' region
     * @param inputBucket  the bucket whose uploads start the state machine
     * @param outputBucket the bucket the pipeline writes to
     * @param endpoint     an S3-compatible endpoint to use instead of AWS's (path-style), or null
     * @param credentials  where credentials come from; {@link DefaultCredentialsProvider} normally
     */
    public record Settings(Region region, String inputBucket, String outputBucket, URI endpoint,
                           AwsCredentialsProvider credentials) {

        public Settings {
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(inputBucket, "inputBucket");
            Objects.requireNonNull(outputBucket, "outputBucket");
            Objects.requireNonNull(credentials, "credentials");
            if (inputBucket.equals(outputBucket)) {
                throw new IllegalArgumentException("the output bucket must differ from the input bucket ('" + inputBucket + "')");
            }
        }

        /** Real AWS with the default credentials chain (environment, profile, SSO, instance role ...). */
        public static Settings aws(Region region, String inputBucket, String outputBucket) {
            return new Settings(region, inputBucket, outputBucket, null, DefaultCredentialsProvider.builder().build());
        }
    }

    private final Settings settings;
    private final ClassLoader operations;
    private final S3Client s3;
    private final S3Presigner presigner;

    private AwsBackend(Settings settings, ClassLoader operations, S3Client s3, S3Presigner presigner) {
        this.settings = settings;
        this.operations = operations;
        this.s3 = s3;
        this.presigner = presigner;
    }

    /**
     * Connects to the buckets (nothing is sent until the first request).
     *
     * @param operations a class loader seeing the SPI and the same operation layers as the deployed functions
     */
    public static AwsBackend connect(Settings settings, ClassLoader operations) {
        S3Configuration s3Configuration = S3Configuration.builder()
                .pathStyleAccessEnabled(settings.endpoint() != null)
                .chunkedEncodingEnabled(settings.endpoint() == null) // S3-compatible: plain upload bodies
                .build();
        var client = S3Client.builder()
                .region(settings.region())
                .credentialsProvider(settings.credentials())
                .serviceConfiguration(s3Configuration)
                .httpClient(UrlConnectionHttpClient.create());
        var presigner = S3Presigner.builder()
                .region(settings.region())
                .credentialsProvider(settings.credentials())
                .serviceConfiguration(s3Configuration);
        if (settings.endpoint() != null) {
            client.endpointOverride(settings.endpoint())
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
            presigner.endpointOverride(settings.endpoint());
        }
        return new AwsBackend(settings, operations, client.build(), presigner.build());
    }

    @Override
    public String mode() {
        return "aws";
    }

    @Override
    public String inputBucket() {
        return settings.inputBucket();
    }

    @Override
    public String outputBucket() {
        return settings.outputBucket();
    }

    @Override
    public S3Client s3() {
        return s3;
    }

    @Override
    public ClassLoader operations() {
        return operations;
    }

    /** Step Functions' history is not read: the manifest is the one signal a client waits for. */
    @Override
    public List<StateProgress> progress(String key, boolean ended) {
        return List.of();
    }

    @Override
    public Optional<String> directUrl(String bucket, String key, String downloadName) {
        return Optional.of(presigner.presignGetObject(b -> b.signatureDuration(URL_LIFETIME).getObjectRequest(get -> {
            get.bucket(bucket).key(key);
            if (downloadName != null) {
                get.responseContentDisposition(ContentDisposition.attachment(downloadName));
            }
        })).url().toString());
    }

    @Override
    public String imageOrigins() {
        URI endpoint = settings.endpoint();
        if (endpoint != null) {
            return endpoint.getScheme() + "://" + endpoint.getAuthority();
        }
        return "https://*.amazonaws.com";
    }

    @Override
    public void close() {
        presigner.close();
        s3.close();
    }
}
