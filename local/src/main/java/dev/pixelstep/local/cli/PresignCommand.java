package dev.pixelstep.local.cli;

import dev.pixelstep.local.Artifacts;
import dev.pixelstep.local.DataDirectory;
import dev.pixelstep.local.TerminalText;
import dev.pixelstep.local.lambda.LambdaLayout;
import dev.pixelstep.local.lambda.OperationCatalog;
import dev.pixelstep.local.runtime.DataDirectoryLock;
import dev.pixelstep.local.storage.EmbeddedS3;
import dev.pixelstep.local.storage.S3Credentials;
import dev.pixelstep.s3.UserMetadata;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code pixelstep presign KEY --ops CHAIN [--expires 15m]}: a presigned PUT URL for one upload
 * with its chain, and the headers the uploader must send with it (they are signed), also as a
 * ready-to-paste {@code curl} command. Whoever holds the URL can upload that one key until it
 * expires, without credentials: how browsers and apps are handed uploads.
 *
 * <p>Locally, the URL is signed with the data directory's {@link S3Credentials} for the endpoint
 * the running {@code serve} published in the data directory ({@code runtime.json}), or for
 * {@code --endpoint} (e.g. the machine's address when {@code serve --host 0.0.0.0}); with
 * {@code --aws}, with the default AWS credentials chain for {@code --input-bucket} in {@code --region}
 * (the stack outputs {@code InputBucketName} and {@code Region}). The chain is checked with the
 * operations' own parser before anything is signed.
 */
final class PresignCommand {

    /** Signature V4 allows at most seven days. */
    static final Duration MAX_EXPIRY = Duration.ofDays(7);
    static final Duration DEFAULT_EXPIRY = Duration.ofMinutes(15);
    private static final Pattern DURATION = Pattern.compile("([0-9]{1,7})([smhd]?)");

    private final PrintStream out;

    PresignCommand(PrintStream out) {
        this.out = out;
    }

    /** What {@code presign} prints: the URL, the headers to send, and the same as one curl command. */
    record Presigned(URI url, Map<String, String> headers, Duration expiry, List<String> curl) {
    }

    int run(List<String> argv) {
        Arguments args = Arguments.parse(argv, Set.of("data", "layer", "ops", "expires", "file", "endpoint", "aws", "region",
                "input-bucket"), Set.of("aws"));
        if (args.positionals().size() != 1 || args.positionals().get(0).isEmpty()) {
            throw new UsageException("presign needs exactly one KEY (the object key to upload to), got " + args.positionals());
        }
        String key = args.positionals().get(0);
        String chain = args.get("ops", null);
        if (chain == null) {
            throw new UsageException("presign needs --ops, e.g. --ops \"grayscale, blur(radius=4)\" (use --ops \"\" for none)");
        }
        Duration expiry = expiry(args.get("expires", null));
        String file = args.get("file", key.substring(key.lastIndexOf('/') + 1).isEmpty() ? "image" : key.substring(key.lastIndexOf('/') + 1));
        Presigned presigned = args.flag("aws") ? aws(args, key, chain, expiry, file) : local(args, key, chain, expiry, file);
        out.println("PUT " + TerminalText.escape(presigned.url().toString()));
        out.println("valid for " + describe(presigned.expiry()) + "; send exactly these headers (they are signed):");
        presigned.headers().forEach((name, value) -> out.println("  " + name + ": " + TerminalText.escape(value)));
        out.println();
        out.println("With curl:");
        presigned.curl().forEach(line -> out.println("  " + TerminalText.escape(line)));
        return 0;
    }

    private Presigned local(Arguments args, String key, String chain, Duration expiry, String file) {
        for (String aws : List.of("region", "input-bucket")) {
            if (args.get(aws, null) != null) {
                throw new UsageException("--" + aws + " is for --aws only (locally, the running serve's input bucket is used)");
            }
        }
        Path data = Options.dataDirectory(args);
        Optional<DataDirectoryLock.Running> running = DataDirectoryLock.running(data);
        if (running.isEmpty()) {
            throw new UsageException("no pixelstep serve is running on " + data + "; start 'pixelstep serve"
                    + (args.get("data", null) == null ? "" : " --data " + data) + "' first (the URL points at its S3 endpoint)");
        }
        S3Credentials credentials = S3Credentials.read(data).orElseThrow(() -> new IllegalStateException(
                "the pixelstep running on " + data + " has no " + DataDirectory.of(data).credentials().getFileName() + " there; restart it"));
        String operations = checkChain(LambdaLayout.at(DataDirectory.of(data).lambda()), chain);
        URI endpoint = endpoint(args.get("endpoint", null), running.get().endpoint());
        try (S3Presigner presigner = S3Presigner.builder()
                .endpointOverride(endpoint)
                .region(EmbeddedS3.REGION)
                .credentialsProvider(credentials.provider())
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .build()) {
            return presign(presigner, running.get().inputBucket(), key, operations, expiry, file);
        }
    }

    private Presigned aws(Arguments args, String key, String chain, Duration expiry, String file) {
        if (args.get("endpoint", null) != null) {
            throw new UsageException("--endpoint is for the local stack, not --aws");
        }
        String region = args.get("region", null);
        String bucket = args.get("input-bucket", null);
        if (region == null || region.isBlank() || bucket == null || bucket.isBlank()) {
            throw new UsageException("presign --aws needs --region and --input-bucket (the stack outputs Region and InputBucketName)");
        }
        Path data = Options.dataDirectory(args);
        String operations = checkChain(LambdaLayout.prepare(DataDirectory.of(data).presignLayout(),
                Artifacts.extract(Artifacts.FUNCTION_ZIP, DataDirectory.of(data).artifacts()), Options.layers(args, data)), chain);
        try (S3Presigner presigner = S3Presigner.builder().region(Region.of(region)).build()) {
            return presign(presigner, bucket, key, operations, expiry, file);
        } catch (SdkClientException e) {
            throw new IllegalStateException("cannot sign with the default AWS credentials (environment, profile, SSO or role): "
                    + e.getMessage(), e);
        }
    }

    /** Signs a PUT of {@code key} carrying the chain as {@code x-amz-meta-operations}, and says how to send it. */
    static Presigned presign(S3Presigner presigner, String bucket, String key, String operations, Duration expiry, String file) {
        PresignedPutObjectRequest signed = presigner.presignPutObject(p -> p.signatureDuration(expiry)
                .putObjectRequest(r -> r.bucket(bucket).key(key).metadata(Map.of(UserMetadata.OPERATIONS, operations))));
        Map<String, String> headers = new TreeMap<>();
        signed.signedHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host")) { // every HTTP client sends the URL's own
                headers.put(name, String.join(",", values));
            }
        });
        List<String> curl = new ArrayList<>();
        curl.add("curl --fail-with-body -X PUT --upload-file " + AwsCliExample.quote(file) + " \\");
        headers.forEach((name, value) -> curl.add("    -H " + AwsCliExample.quote(name + ": " + value) + " \\"));
        curl.add("    " + AwsCliExample.quote(signed.url().toString()));
        try {
            return new Presigned(signed.url().toURI(), headers, expiry, List.copyOf(curl));
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("the SDK signed an invalid URL: " + e.getMessage(), e);
        }
    }

    /** The chain's header value, after the operations' own parser accepted it (a bad chain is never signed). */
    private static String checkChain(LambdaLayout layout, String chain) {
        String text = UserMetadata.decode(chain);
        try (URLClassLoader loader = layout.layerClassLoader("pixelstep-presign")) {
            OperationCatalog.canonical(loader, text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--ops: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return UserMetadata.encode(text);
    }

    /** {@code --expires}: seconds, or a number with s, m, h or d; from 1 second to 7 days. */
    static Duration expiry(String text) {
        if (text == null) {
            return DEFAULT_EXPIRY;
        }
        Matcher m = DURATION.matcher(text.strip());
        if (!m.matches()) {
            throw new UsageException("--expires must be a number of seconds or a number with s, m, h or d (e.g. 15m, 2h, 7d), got '"
                    + text + "'");
        }
        long amount = Long.parseLong(m.group(1));
        Duration expiry = switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> Duration.ofSeconds(amount);
        };
        if (expiry.isZero() || expiry.compareTo(MAX_EXPIRY) > 0) {
            throw new UsageException("--expires must be from 1s to 7d (Signature V4's longest), got " + text);
        }
        return expiry;
    }

    private static URI endpoint(String given, URI published) {
        if (given == null) {
            return published;
        }
        URI uri;
        try {
            uri = URI.create(given.strip());
        } catch (IllegalArgumentException e) {
            throw new UsageException("--endpoint must be a URL such as http://192.168.1.20:9000, got '" + given + "'");
        }
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null || uri.getRawPath() != null && !uri.getRawPath().isEmpty()
                && !uri.getRawPath().equals("/")) {
            throw new UsageException("--endpoint must be a URL such as http://192.168.1.20:9000, got '" + given + "'");
        }
        return URI.create("http://" + uri.getRawAuthority());
    }

    private static String describe(Duration expiry) {
        long s = expiry.toSeconds();
        if (s % 86_400 == 0) {
            return s / 86_400 + "d";
        }
        if (s % 3600 == 0) {
            return s / 3600 + "h";
        }
        return s % 60 == 0 ? s / 60 + "m" : s + "s";
    }
}
