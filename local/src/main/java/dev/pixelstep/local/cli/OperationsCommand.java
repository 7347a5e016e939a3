package dev.pixelstep.local.cli;

import dev.pixelstep.local.Artifacts;
import dev.pixelstep.local.DataDirectory;
import dev.pixelstep.local.lambda.LambdaLayout;
import dev.pixelstep.local.lambda.OperationCatalog;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code pixelstep operations}: every operation of the pixelstep layer and the plugin layers, with parameters. */
final class OperationsCommand {

    private final PrintStream out;

    OperationsCommand(PrintStream out) {
        this.out = out;
    }

    int run(List<String> argv) {
        Arguments args = Arguments.parse(argv, Set.of("data", "layer"), Set.of());
        Path data = Options.dataDirectory(args);
        LambdaLayout layout = LambdaLayout.prepare(DataDirectory.of(data).operationsLayout(),
                Artifacts.extract(Artifacts.FUNCTION_ZIP, DataDirectory.of(data).artifacts()), Options.layers(args, data));
        try (URLClassLoader loader = layout.layerClassLoader("pixelstep-operations")) {
            print(OperationCatalog.describe(loader));
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private void print(List<Map<String, Object>> operations) {
        out.println(operations.size() + " operations");
        // Columns as wide as their longest entry (a parameter name such as without-enlargement would overflow a fixed width).
        int name = 1;
        int type = 1;
        int value = 1;
        for (Map<String, Object> op : operations) {
            for (Map<String, Object> p : (List<Map<String, Object>>) op.get("parameters")) {
                name = Math.max(name, String.valueOf(p.get("name")).length());
                type = Math.max(type, String.valueOf(p.get("type")).length());
                value = Math.max(value, String.valueOf(p.get("default")).length());
            }
        }
        String line = "    %-" + name + "s  %-" + type + "s  default %-" + value + "s  %s%n";
        for (Map<String, Object> op : operations) {
            out.println();
            out.println(op.get("name") + " - " + op.get("description"));
            for (Map<String, Object> p : (List<Map<String, Object>>) op.get("parameters")) {
                out.printf(line, p.get("name"), p.get("type"), p.get("default"), p.get("allowed"));
            }
        }
    }
}
