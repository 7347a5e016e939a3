package dev.pixelstep.functions.internal.s3;

import dev.pixelstep.functions.config.FunctionConfig;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Builds the one S3 client a function container uses: the URLConnection HTTP client (small, fast
 * to start), the default credential chain, and the endpoint override and path-style flag of the
 * configuration. The region comes from the SDK's default chain ({@code AWS_REGION} on Lambda);
 * with an endpoint override and no region configured, {@code us-east-1} is used, which
 * S3-compatible servers accept.
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

    /** A client for {@code config}. */
    public static S3Client create(FunctionConfig config) {
        return builder(config).region(region(config)).build();
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
