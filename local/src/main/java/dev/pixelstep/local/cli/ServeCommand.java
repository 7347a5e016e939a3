package dev.pixelstep.local.cli;

import dev.pixelstep.local.RuntimeConfig;
import dev.pixelstep.local.pipeline.LocalPipeline;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/** {@code pixelstep serve}: runs the local stack until Ctrl-C. */
final class ServeCommand {

    private final PrintStream out;

    ServeCommand(PrintStream out) {
        this.out = out;
    }

    int run(List<String> argv) {
        Arguments args = Arguments.parse(argv, Options.RUNTIME, Set.of());
        if (!args.positionals().isEmpty()) {
            throw new UsageException("serve takes no arguments, got " + args.positionals());
        }
        RuntimeConfig config = Options.config(args, RuntimeConfig.DEFAULT_PORT);
        out.println("Starting pixelstep (data in " + config.dataDirectory() + ") ...");
        LocalPipeline pipeline = LocalPipeline.start(config, out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("Stopping pixelstep ...");
            pipeline.close();
            stopped.countDown();
        }, "pixelstep-shutdown"));
        String endpoint = pipeline.endpoint().toString();
        out.println();
        out.println("pixelstep is running.");
        out.println("  S3 endpoint     " + endpoint + "  (path-style; any credentials)");
        out.println("  input bucket    " + config.inputBucket());
        out.println("  output bucket   " + config.outputBucket());
        out.println("  concurrency     " + config.concurrency() + " executions at once");
        out.println();
        out.println("Upload an image with the AWS CLI:");
        out.println("  AWS_ACCESS_KEY_ID=pixelstep AWS_SECRET_ACCESS_KEY=x AWS_REGION=us-east-1 \\");
        out.println("  aws --endpoint-url " + endpoint + " s3 cp photo.jpg s3://" + config.inputBucket() + "/photo.jpg \\");
        out.println("      --metadata 'operations=grayscale, blur(radius=4)'");
        out.println("then read s3://" + config.outputBucket() + "/photo.jpg/manifest.json. Press Ctrl-C to stop.");
        out.println();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

}
