package dev.pixelstep.local.cli;

import dev.pixelstep.local.lambda.OperationCatalog;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** {@code pixelstep operations}: every operation of the pixelstep layer and the plugin layers, with parameters. */
final class OperationsCommand {

    private final PrintStream out;

    OperationsCommand(PrintStream out) {
        this.out = out;
    }

    int run(List<String> argv) {
        Arguments args = Arguments.parse(argv, Set.of("data", "layer"), Set.of());
        Path data = Options.dataDirectory(args);
        List<Path> layers = Options.layers(args, data);
        Path scratch = data.resolve("operations-lib");
        try (URLClassLoader loader = new URLClassLoader(layerJars(layers, scratch).toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader())) {
            print(OperationCatalog.describe(loader));
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private void print(List<Map<String, Object>> operations) {
        out.println(operations.size() + " operations");
        for (Map<String, Object> op : operations) {
            out.println();
            out.println(op.get("name") + " - " + op.get("description"));
            for (Map<String, Object> p : (List<Map<String, Object>>) op.get("parameters")) {
                out.printf("    %-12s %-8s default %-10s %s%n", p.get("name"), p.get("type"), p.get("default"), p.get("allowed"));
            }
        }
    }

    /** The jars every layer contributes to {@code /opt/java/lib}, later layers overriding earlier ones. */
    private static List<URL> layerJars(List<Path> layers, Path scratch) throws IOException {
        Files.createDirectories(scratch);
        List<URL> urls = new ArrayList<>();
        int n = 0;
        for (Path layer : layers) {
            if (Files.isDirectory(layer)) {
                try (Stream<Path> jars = Files.list(layer.resolve("java/lib"))) {
                    for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                        urls.add(jar.toUri().toURL());
                    }
                }
            } else if (layer.toString().endsWith(".jar")) {
                urls.add(layer.toUri().toURL());
            } else {
                Path dir = scratch.resolve(String.valueOf(n++));
                try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(layer))) {
                    for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                        if (!e.isDirectory() && e.getName().startsWith("java/lib/") && e.getName().endsWith(".jar")
                                && !e.getName().substring(9).contains("/")) {
                            Path target = dir.resolve(e.getName().substring(9));
                            Files.createDirectories(target.getParent());
                            Files.copy(zip, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                            urls.add(target.toUri().toURL());
                        }
                    }
                }
            }
        }
        return urls;
    }
}
