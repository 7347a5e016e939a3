package dev.pixelstep.local.cli;

import dev.pixelstep.local.Artifacts;
import dev.pixelstep.local.DataDirectory;
import dev.pixelstep.local.RuntimeConfig;
import dev.pixelstep.local.lambda.LambdaLayout;
import dev.pixelstep.local.runtime.LocalRuntime;
import dev.pixelstep.local.storage.S3Credentials;
import dev.pixelstep.local.web.AwsBackend;
import dev.pixelstep.local.web.LocalBackend;
import dev.pixelstep.local.web.WebServer;
import software.amazon.awssdk.regions.Region;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code pixelstep serve}: runs the local stack and its web page until Ctrl-C; with {@code --aws},
 * only the web page, against a deployed pipeline's buckets.
 */
final class ServeCommand {

    private final PrintStream out;

    ServeCommand(PrintStream out) {
        this.out = out;
    }

    int run(List<String> argv) {
        Set<String> known = new HashSet<>(Options.RUNTIME);
        known.addAll(Options.WEB);
        Arguments args = Arguments.parse(argv, known, Set.of("no-web", "aws"));
        if (!args.positionals().isEmpty()) {
            throw new UsageException("serve takes no arguments, got " + args.positionals());
        }
        int webPort = args.getInt("web-port", WebServer.DEFAULT_PORT, 0, 65535);
        if (args.flag("aws")) {
            return serveAws(args, webPort);
        }
        for (String aws : List.of("region", "state-machine-arn")) {
            if (args.get(aws, null) != null) {
                throw new UsageException("--" + aws + " is for --aws only");
            }
        }
        RuntimeConfig config = Options.config(args, RuntimeConfig.DEFAULT_PORT);
        out.println("Starting pixelstep (data in " + config.dataDirectory() + ") ...");
        LocalRuntime pipeline = LocalRuntime.start(config, out);
        WebServer web;
        try {
            web = args.flag("no-web") ? null : WebServer.start(new LocalBackend(pipeline), config.host(), webPort, out);
        } catch (RuntimeException e) {
            pipeline.close();
            throw new IllegalStateException(e.getMessage() + " (choose another port with --web-port, or leave the page out with --no-web)", e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("Stopping pixelstep ...");
            if (web != null) {
                web.close();
            }
            pipeline.close();
            stopped.countDown();
        }, "pixelstep-shutdown"));
        String endpoint = pipeline.endpoint().toString();
        out.println();
        out.println("pixelstep is running.");
        if (web != null) {
            out.println("  web page        " + web.uri());
        }
        S3Credentials credentials = pipeline.storage().credentials();
        out.println("  S3 endpoint     " + endpoint + "  (path-style, Signature V4 with this access key)");
        out.println("  access key      " + credentials.accessKeyId());
        out.println("  secret key      " + credentials.secretAccessKey() + "  (both in " + DataDirectory.of(config.dataDirectory()).credentials()
                + ", profile " + S3Credentials.PROFILE + ")");
        out.println("  input bucket    " + config.inputBucket());
        out.println("  output bucket   " + config.outputBucket());
        out.println("  concurrency     " + config.concurrency() + " executions at once");
        out.println();
        uploadHelp(pipeline.endpoint(), credentials, config.inputBucket(), config.outputBucket(), config.dataDirectory())
                .forEach(out::println);
        out.println("Press Ctrl-C to stop.");
        out.println();
        await(stopped);
        return 0;
    }

    /**
     * What {@code serve} prints about uploading: the AWS CLI command, indented under its first line
     * (the client suite runs these lines as printed), then where the results go and how to hand out uploads.
     */
    static List<String> uploadHelp(URI endpoint, S3Credentials credentials, String inputBucket, String outputBucket, Path data) {
        List<String> lines = new ArrayList<>();
        lines.add("Upload an image with the AWS CLI:");
        AwsCliExample.lines(endpoint, credentials, inputBucket, "photo.jpg", "photo.jpg", "grayscale, blur(radius=4)")
                .forEach(line -> lines.add("  " + line));
        lines.add("then read s3://" + outputBucket + "/photo.jpg/manifest.json. For browsers and apps, a presigned URL and curl command:");
        boolean defaultData = data.equals(Path.of(".pixelstep").toAbsolutePath().normalize());
        lines.add("  pixelstep presign photo.jpg --ops 'grayscale, blur(radius=4)' --expires 15m"
                + (defaultData ? "" : " --data " + AwsCliExample.quote(data.toString())));
        return lines;
    }

    /** What {@code serve --aws} prints about uploading: the AWS CLI command for the deployed input bucket, indented. */
    static List<String> awsUploadHelp(String region, String inputBucket) {
        List<String> lines = new ArrayList<>();
        lines.add("Upload an image with the AWS CLI:");
        AwsCliExample.awsLines(region, inputBucket, "photo.jpg", "photo.jpg", "grayscale, blur(radius=4)")
                .forEach(line -> lines.add("  " + line));
        lines.add("or hand out a presigned URL: pixelstep presign photo.jpg --ops 'grayscale, blur(radius=4)' --aws --region "
                + AwsCliExample.quote(region) + " --input-bucket " + AwsCliExample.quote(inputBucket));
        return lines;
    }

    /** The web page alone, against a deployed pipeline: uploads and reads with the default AWS credentials chain. */
    private int serveAws(Arguments args, int webPort) {
        for (String local : List.of("port", "concurrency", "no-web")) {
            if (args.get(local, null) != null) {
                throw new UsageException("--" + local + " is for the local stack, not --aws");
            }
        }
        String region = required(args, "region", "e.g. --region eu-west-1");
        String input = required(args, "input-bucket", "the bucket whose uploads start the state machine");
        String output = required(args, "output-bucket", "the bucket the pipeline writes to");
        AwsBackend.Settings settings;
        try {
            settings = AwsBackend.Settings.aws(Region.of(region), input, output, args.get("state-machine-arn", null));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Path data = Options.dataDirectory(args);
        List<Path> layers = Options.layers(args, data);
        URLClassLoader operations = LambdaLayout.prepare(DataDirectory.of(data).awsWebLayout(),
                Artifacts.extract(Artifacts.FUNCTION_ZIP, DataDirectory.of(data).artifacts()), layers)
                .layerClassLoader("pixelstep-web-operations");
        AwsBackend backend = AwsBackend.connect(settings, operations, out);
        WebServer web;
        try {
            web = WebServer.start(backend, args.get("host", RuntimeConfig.DEFAULT_HOST), webPort, out);
        } catch (RuntimeException e) {
            backend.close();
            throw new IllegalStateException(e.getMessage() + " (choose another port with --web-port)", e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("Stopping pixelstep ...");
            web.close();
            backend.close();
            try {
                operations.close();
            } catch (IOException e) {
                // only jars of a temporary layout
            }
            stopped.countDown();
        }, "pixelstep-shutdown"));
        out.println();
        out.println("pixelstep web page for AWS is running.");
        out.println("  web page        " + web.uri());
        out.println("  input bucket    s3://" + input + "  (" + region + ")");
        out.println("  output bucket   s3://" + output);
        out.println("  progress        " + (settings.stateMachineArn() == null
                ? "from the manifest (add --state-machine-arn for every state as it runs)"
                : "from the execution history of " + settings.stateMachineArn()));
        out.println("Uploads and reads use the default AWS credentials (environment, profile, SSO or role).");
        out.println();
        awsUploadHelp(region, input).forEach(out::println);
        out.println("Press Ctrl-C to stop.");
        out.println();
        await(stopped);
        return 0;
    }

    private static String required(Arguments args, String name, String hint) {
        String value = args.get(name, null);
        if (value == null || value.isBlank()) {
            throw new UsageException("serve --aws needs --" + name + " (" + hint + ")");
        }
        return value;
    }

    private static void await(CountDownLatch stopped) {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
