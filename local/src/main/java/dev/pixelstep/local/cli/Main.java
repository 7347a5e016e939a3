package dev.pixelstep.local.cli;

import dev.pixelstep.local.TerminalText;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code pixelstep} command: {@code serve}, {@code run}, {@code presign}, {@code operations}, {@code executions}.
 * Exit status 0 on success, 1 when a run FAILED or the work could not be done, 2 for a bad command line.
 * Text that can come from an upload or a command line (keys, chains, error messages) is printed with
 * its control characters escaped ({@link TerminalText}).
 */
public final class Main {

    static final String USAGE = """
            usage: pixelstep <command> [options]

            commands:
              serve                      start the local stack (S3 on 127.0.0.1:9000, events, engine, functions)
                                         and the web page on http://127.0.0.1:8080
              run IMAGE --ops CHAIN      upload IMAGE with the chain, wait for its manifest, download every output
              presign KEY --ops CHAIN    a presigned PUT URL for KEY with the chain, the headers to send, and a curl command
              operations                 list every operation (built-in and plugin layers) with its parameters
              executions                 list recent executions with status and per-state timings
              reprocess --prefix P --ops CHAIN
                                         run the chain over every object under a prefix (a Distributed Map),
                                         with progress and a summary

            common options:
              --data DIR                 data directory (default ./.pixelstep)
              --layer PATH               an extra plugin layer (zip, layer directory or jar); repeatable
            serve/run options:
              --host ADDRESS             address to bind (default 127.0.0.1)
              --port N                   S3 port (default 9000 for serve, a free port for run)
              --input-bucket NAME        (default pixelstep-input)
              --output-bucket NAME       (default pixelstep-output)
              --concurrency N            executions at once (default: number of processors)
            serve options:
              --web-port N               web page port (default 8080)
              --no-web                   serve without the web page
              --aws --region R           only the web page, against a pipeline deployed on AWS
                                         (needs --input-bucket and --output-bucket; default credentials chain)
              --state-machine-arn ARN    with --aws: show each state's progress from Step Functions' history
            run options:
              --ops CHAIN                e.g. "grayscale, blur(radius=4)"
              --out DIR                  where outputs go (default ./pixelstep-out/<image name>)
              --timeout SECONDS          how long to wait for the manifest (default 300)
            presign options:
              --ops CHAIN                checked before signing; sent as x-amz-meta-operations
              --expires DURATION         how long the URL works: 90s, 15m, 2h, up to 7d (default 15m)
              --file NAME                the file named in the curl command (default: the key's last segment)
              --endpoint URL             the S3 endpoint clients reach (default: the running serve's, from the data directory)
              --aws --region R --input-bucket NAME
                                         sign for a deployed pipeline with the default AWS credentials chain
                                         (the stack outputs Region and InputBucketName)
            reprocess options:
              --prefix P                 the key prefix in the input bucket ("" for all)
              --ops CHAIN                the chain for every object (replaces each object's own)
              --concurrency N            objects at once (default 8)
              --tolerated-failure-percentage P
                                         the run fails when more than P% of the objects fail (default 0)
              --bucket NAME              another bucket to list (default: the input bucket)
              --name NAME                the run's name (default reprocess-<time>); results in bulk-runs/NAME/
              --timeout SECONDS          how long to follow the run (default 86400)
              --aws --region R --state-machine-arn ARN --input-bucket NAME --output-bucket NAME
                                         start the deployed bulk state machine (the stack outputs Region,
                                         BulkStateMachineAliasArn, InputBucketName, OutputBucketName) with the
                                         default AWS credentials chain, follow its Map Run, print its summary
            executions options:
              --limit N                  how many to show (default 20)
            """;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args), System.out, System.err));
    }

    /** Runs a command line; returns the exit status. */
    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.get(0).equals("help") || args.get(0).equals("--help") || args.get(0).equals("-h")) {
            out.print(USAGE);
            return args.isEmpty() ? 2 : 0;
        }
        List<String> rest = args.subList(1, args.size());
        try {
            return switch (args.get(0)) {
                case "serve" -> new ServeCommand(out).run(rest);
                case "run" -> new RunCommand(out).run(rest);
                case "presign" -> new PresignCommand(out).run(rest);
                case "operations" -> new OperationsCommand(out).run(rest);
                case "executions" -> new ExecutionsCommand(out).run(rest);
                case "reprocess" -> new ReprocessCommand(out, System.console() != null && out == System.out).run(rest);
                default -> throw new UsageException("unknown command '" + args.get(0) + "'; commands: serve, run, presign, operations, executions, reprocess");
            };
        } catch (UsageException e) {
            err.println("pixelstep: " + TerminalText.escape(e.getMessage()));
            err.println("run 'pixelstep help' for usage");
            return 2;
        } catch (RuntimeException e) {
            err.println("pixelstep: " + TerminalText.escape(e.getMessage()));
            return 1;
        }
    }
}
