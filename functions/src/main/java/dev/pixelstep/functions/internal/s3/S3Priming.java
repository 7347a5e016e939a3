package dev.pixelstep.functions.internal.s3;

import dev.pixelstep.functions.config.FunctionConfig;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Warms the SDK's request path (endpoint resolution, marshalling, checksums, signing) for the
 * three calls the functions make, without any network traffic: a throw-away client with dummy
 * credentials and otherwise the settings of {@link S3ClientFactory} (HTTP client, endpoint,
 * checksums) runs HeadObject, GetObject and PutObject, and an interceptor stops each request just
 * before it would be transmitted.
 */
public final class S3Priming {

    private S3Priming() {
    }

    /** Runs the three calls up to transmission; nothing leaves the process. */
    public static void warm(FunctionConfig config) {
        S3ClientBuilder builder = S3ClientFactory.builder(config)
                .region(region())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("priming", "priming")))
                .overrideConfiguration(o -> o.addExecutionInterceptor(new StopBeforeTransmission()));
        try (S3Client client = builder.build()) {
            stopped(() -> client.headObject(b -> b.bucket("pixelstep-priming").key("priming/key.jpg")));
            stopped(() -> client.getObject(b -> b.bucket("pixelstep-priming").key("priming/key.jpg").ifMatch("\"etag\""),
                    (response, in) -> null));
            stopped(() -> client.putObject(b -> b.bucket("pixelstep-priming").key("priming/key.jpg/combined.jpg").contentType("image/jpeg"),
                    RequestBody.fromBytes(new byte[] {1, 2, 3})));
        }
    }

    private static void stopped(Runnable call) {
        try {
            call.run();
            throw new IllegalStateException("a priming request was not stopped before transmission");
        } catch (Stopped expected) {
            // the request went through the whole pipeline up to the wire
        } catch (RuntimeException e) {
            if (!(rootCause(e) instanceof Stopped)) {
                throw e;
            }
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static Region region() {
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (RuntimeException e) {
            return Region.US_EAST_1;
        }
    }

    private static final class StopBeforeTransmission implements ExecutionInterceptor {
        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes executionAttributes) {
            throw new Stopped();
        }
    }

    private static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super("stopped before transmission (priming)", null, false, false);
        }
    }
}
