package dev.pixelstep.local.cli;

import dev.pixelstep.local.TerminalText;
import dev.pixelstep.local.runtime.ExecutionRecord;
import dev.pixelstep.local.runtime.LocalRuntime;
import dev.pixelstep.local.runtime.StateProgress;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code pixelstep executions}: recent executions with status and per-state timings. Keys and error
 * text come from uploads: they are printed with control characters escaped ({@link TerminalText}).
 */
final class ExecutionsCommand {

    private final PrintStream out;

    ExecutionsCommand(PrintStream out) {
        this.out = out;
    }

    int run(List<String> argv) {
        Arguments args = Arguments.parse(argv, Set.of("data", "limit"), Set.of());
        int limit = args.getInt("limit", 20, 1, 10_000);
        List<ExecutionRecord> records = LocalRuntime.records(Options.dataDirectory(args));
        if (records.isEmpty()) {
            out.println("No executions yet in " + Options.dataDirectory(args));
            return 0;
        }
        out.printf("%-20s %-9s %8s  %s%n", "started", "status", "ms", "key");
        for (ExecutionRecord r : records.subList(0, Math.min(limit, records.size()))) {
            out.printf("%-20s %-9s %8d  %s%n", r.started().toString().substring(0, 19), r.status(),
                    r.millis(), TerminalText.escape(r.key()));
            out.println("    " + r.states().stream().map(s -> TerminalText.escape(s.name()) + " " + s.millis() + "ms"
                    + (s.status() == StateProgress.Status.FAILED ? " (failed)" : "")).collect(Collectors.joining(", ")));
            if (r.error() != null) {
                out.println("    error: " + TerminalText.escape(r.error() + (r.cause() == null ? "" : ": " + r.cause())));
            }
        }
        return 0;
    }
}
