package dev.pixelstep.local.cli;

import dev.pixelstep.local.Artifacts;
import dev.pixelstep.local.DataDirectory;
import dev.pixelstep.local.RuntimeConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The options shared by the commands, and the runtime configuration they give. */
final class Options {

    static final Set<String> RUNTIME = Set.of("data", "layer", "host", "port", "input-bucket", "output-bucket", "concurrency");
    /** The web page's options, for serve only. */
    static final Set<String> WEB = Set.of("web-port", "no-web", "aws", "region", "state-machine-arn");

    private Options() {
    }

    static Path dataDirectory(Arguments args) {
        return Path.of(args.get("data", ".pixelstep")).toAbsolutePath().normalize();
    }

    /** The bundled pixelstep layer first, then each --layer in order; missing paths are refused before anything starts. */
    static List<Path> layers(Arguments args, Path dataDirectory) {
        List<Path> layers = new ArrayList<>();
        layers.add(Artifacts.extract(Artifacts.LAYER_ZIP, DataDirectory.of(dataDirectory).artifacts()));
        for (String layer : args.all("layer")) {
            Path path = Path.of(layer).toAbsolutePath().normalize();
            if (!Files.exists(path)) {
                throw new UsageException("--layer " + layer + ": no such file or directory");
            }
            layers.add(path);
        }
        return layers;
    }

    static RuntimeConfig config(Arguments args, int defaultPort) {
        Path data = dataDirectory(args);
        try {
            return new RuntimeConfig(data,
                    args.get("host", RuntimeConfig.DEFAULT_HOST),
                    args.getInt("port", defaultPort, 0, 65535),
                    args.get("input-bucket", RuntimeConfig.DEFAULT_INPUT_BUCKET),
                    args.get("output-bucket", RuntimeConfig.DEFAULT_OUTPUT_BUCKET),
                    args.getInt("concurrency", Runtime.getRuntime().availableProcessors(), 1, 256),
                    Artifacts.extract(Artifacts.FUNCTION_ZIP, DataDirectory.of(data).artifacts()),
                    layers(args, data));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
