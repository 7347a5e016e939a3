package dev.pixelstep.functions.s3;

import dev.pixelstep.functions.config.FunctionConfig;
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
 */
public final class S3ClientFactory {

    private S3ClientFactory() {
    }

    /** A client for {@code config}. */
    public static S3Client create(FunctionConfig config) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .forcePathStyle(config.s3PathStyle())
                .region(region(config));
        config.s3Endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
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
