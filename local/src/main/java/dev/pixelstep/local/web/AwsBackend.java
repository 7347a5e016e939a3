package dev.pixelstep.local.web;

import dev.pixelstep.local.runtime.StateProgress;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sfn.SfnClient;

import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A deployed pipeline as the page's backend: uploads go to its input bucket with the caller's AWS
 * credentials, the browser loads images through presigned URLs valid for {@link #URL_LIFETIME},
 * and, given the state machine's ARN, progress is read state by state from Step Functions'
 * execution history ({@link StepFunctionsProgress}); without it, from the manifest alone.
 */
public final class AwsBackend implements Backend {

    /** How long a presigned image URL stays valid. */
    public static final Duration URL_LIFETIME = Duration.ofMinutes(30);

    /**
     * What the backend connects to.
     *
     * @param region                the buckets' region
     * @param inputBucket           the bucket whose uploads start the state machine
     * @param outputBucket          the bucket the pipeline writes to
     * @param endpoint              an S3-compatible endpoint to use instead of AWS's (path-style), or null
     * @param credentials           where credentials come from; {@link DefaultCredentialsProvider} normally
     * @param stateMachineArn       the state machine (or its alias or version) whose executions show progress, or null
     * @param stepFunctionsEndpoint a Step Functions endpoint to use instead of AWS's, or null
     */
    public record Settings(Region region, String inputBucket, String outputBucket, URI endpoint,
                           AwsCredentialsProvider credentials, String stateMachineArn, URI stepFunctionsEndpoint) {

        /** {@code arn:<partition>:states:<region>:<account>:stateMachine:<name>[:<alias or version>]} */
        private static final Pattern STATE_MACHINE_ARN =
                Pattern.compile("arn:aws[a-z-]*:states:([a-z0-9-]+):\\d{12}:stateMachine:[A-Za-z0-9_-]{1,80}(:[A-Za-z0-9_-]{1,80})?");

        public Settings {
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(inputBucket, "inputBucket");
            Objects.requireNonNull(outputBucket, "outputBucket");
            Objects.requireNonNull(credentials, "credentials");
            if (inputBucket.equals(outputBucket)) {
                throw new IllegalArgumentException("the output bucket must differ from the input bucket ('" + inputBucket + "')");
            }
            if (stateMachineArn != null && !STATE_MACHINE_ARN.matcher(stateMachineArn).matches()) {
                throw new IllegalArgumentException("'" + stateMachineArn + "' is not a state machine ARN"
                        + " (arn:aws:states:REGION:ACCOUNT:stateMachine:NAME, optionally :ALIAS or :VERSION);"
                        + " use the stack output StateMachineArn");
            }
        }

        /** Real AWS with the default credentials chain (environment, profile, SSO, instance role ...). */
        public static Settings aws(Region region, String inputBucket, String outputBucket, String stateMachineArn) {
            return new Settings(region, inputBucket, outputBucket, null, DefaultCredentialsProvider.builder().build(), stateMachineArn, null);
        }

        /** The state machine's region, from its ARN. */
        Region stateMachineRegion() {
            var matcher = STATE_MACHINE_ARN.matcher(stateMachineArn);
            return matcher.matches() ? Region.of(matcher.group(1)) : region;
        }
    }

    private final Settings settings;
    private final ClassLoader operations;
    private final S3Client s3;
    private final S3Presigner presigner;
    private final SfnClient sfn;
    private final StepFunctionsProgress progress;
    private final Path previewCache;

    private AwsBackend(Settings settings, ClassLoader operations, S3Client s3, S3Presigner presigner, SfnClient sfn, PrintStream log) {
        this.settings = settings;
        this.operations = operations;
        this.s3 = s3;
        this.presigner = presigner;
        this.sfn = sfn;
        this.progress = sfn == null ? null : new StepFunctionsProgress(sfn, settings.stateMachineArn(), settings.inputBucket(), log);
        try {
            this.previewCache = Files.createTempDirectory("pixelstep-previews-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for the page's previews", e);
        }
    }

    /**
     * Connects to the buckets (nothing is sent until the first request).
     *
     * @param operations a class loader seeing the SPI and the same operation layers as the deployed functions
     * @param log        where failures to read Step Functions' history are reported
     */
    public static AwsBackend connect(Settings settings, ClassLoader operations, PrintStream log) {
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
        SfnClient sfn = null;
        if (settings.stateMachineArn() != null) {
            var builder = SfnClient.builder()
                    .region(settings.stateMachineRegion())
                    .credentialsProvider(settings.credentials())
                    .httpClient(UrlConnectionHttpClient.create());
            if (settings.stepFunctionsEndpoint() != null) {
                builder.endpointOverride(settings.stepFunctionsEndpoint());
            }
            sfn = builder.build();
        }
        return new AwsBackend(settings, operations, client.build(), presigner.build(), sfn, log);
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

    /** The execution's states from Step Functions' history, given the state machine's ARN; otherwise none (the manifest tells). */
    @Override
    public List<StateProgress> progress(String key, Instant uploadedAt, boolean ended) {
        if (progress == null || uploadedAt == null) {
            return List.of();
        }
        return progress.progress(key, uploadedAt, ended);
    }

    /**
     * The newest objects of the input bucket, whoever uploaded them: every upload starts a run. The
     * whole bucket is listed (S3 lists in key order, not by time), 1,000 keys per request.
     */
    @Override
    public List<String> recentUploads(int limit) {
        // keys URL-encoded (the SDK decodes them): a planted key with a control character must not break the list
        return s3.listObjectsV2Paginator(b -> b.bucket(settings.inputBucket()).encodingType(EncodingType.URL)).contents().stream()
                .sorted(Comparator.comparing(S3Object::lastModified, Comparator.nullsFirst(Comparator.naturalOrder())).reversed())
                .limit(limit)
                .map(S3Object::key)
                .toList();
    }

    /** A directory of this process's own, removed at {@link #close()}: previews are made once per output while the page runs. */
    @Override
    public Path previewCache() {
        return previewCache;
    }

    @Override
    public boolean followsHistory() {
        return progress != null;
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
        if (sfn != null) {
            sfn.close();
        }
        Previews.delete(previewCache);
    }
}
