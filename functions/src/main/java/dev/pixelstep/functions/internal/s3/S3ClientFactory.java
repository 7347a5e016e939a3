package dev.pixelstep.functions.internal.s3;

import dev.pixelstep.functions.config.FunctionConfig;
import dev.pixelstep.functions.config.SettingSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

import java.util.Optional;

/**
 * Builds the one S3 client a function container uses: the URLConnection HTTP client (small, fast
 * to start), and the endpoint override and path-style flag of the configuration. The region and
 * credentials come from the function's settings when they carry them ({@code AWS_REGION},
 * {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}, {@code AWS_SESSION_TOKEN}: the
 * variables Lambda sets, or what a host that runs several functions in one JVM passes each of
 * them), otherwise from the SDK's default chains. With an endpoint override and no region, {@code
 * us-east-1} is used, which S3-compatible servers accept.
 *
 * <h2>Upload encoding</h2>
 * Against AWS S3 the SDK's defaults stay: every upload carries a CRC32, and uploads over plain
 * HTTP are {@code aws-chunked} with per-chunk signatures and a checksum trailer. With an endpoint
 * override (an S3-compatible server such as the local stack's S3Proxy) uploads are plain bodies
 * with a {@code Content-Length} and a signed payload hash, and checksums are calculated and
 * validated only where an operation requires them: third-party servers implement the chunked
 * encoding and its trailers unevenly, and the objects here are small and already in memory.
 */
public final class S3ClientFactory {

    private S3ClientFactory() {
    }

    static final String REGION = "AWS_REGION";
    static final String ACCESS_KEY_ID = "AWS_ACCESS_KEY_ID";
    static final String SECRET_ACCESS_KEY = "AWS_SECRET_ACCESS_KEY";
    static final String SESSION_TOKEN = "AWS_SESSION_TOKEN";

    /** A client for {@code config}, with the SDK's default region and credential chains. */
    public static S3Client create(FunctionConfig config) {
        return builder(config).region(region(config)).build();
    }

    /** A client for {@code config}, with the region and credentials in {@code settings} where given. */
    public static S3Client create(FunctionConfig config, SettingSource settings) {
        S3ClientBuilder builder = builder(config)
                .region(settings.get(REGION).map(Region::of).orElseGet(() -> region(config)));
        credentials(settings).ifPresent(credentials -> builder.credentialsProvider(StaticCredentialsProvider.create(credentials)));
        return builder.build();
    }

    private static Optional<AwsCredentials> credentials(SettingSource settings) {
        Optional<String> id = settings.get(ACCESS_KEY_ID);
        Optional<String> secret = settings.get(SECRET_ACCESS_KEY);
        if (id.isEmpty() || secret.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(settings.get(SESSION_TOKEN)
                .<AwsCredentials>map(token -> AwsSessionCredentials.create(id.get(), secret.get(), token))
                .orElseGet(() -> AwsBasicCredentials.create(id.get(), secret.get())));
    }

    /** Everything {@link #create} configures except the region and credentials. */
    static S3ClientBuilder builder(FunctionConfig config) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .forcePathStyle(config.s3PathStyle());
        config.s3Endpoint().ifPresent(endpoint -> builder.endpointOverride(endpoint)
                .serviceConfiguration(s3 -> s3.chunkedEncodingEnabled(false))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED));
        return builder;
    }

    private static Region region(FunctionConfig config) {
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (RuntimeException e) {
            if (config.s3Endpoint().isPresent()) {
                return Region.US_EAST_1;
            }
            throw e;
        }
    }
}
