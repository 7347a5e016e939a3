package dev.pixelstep.local.lambda;

import dev.pixelstep.local.FileTrees;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A function zip and its layers unpacked the way AWS Lambda unpacks them: the function into a task
 * directory ({@code /var/task}) and every layer, in order, into one opt directory ({@code /opt}),
 * later layers overwriting earlier ones. The class path follows Lambda's Java runtime: the task
 * root, the task's {@code lib/*.jar}, then {@code /opt/java/lib/*.jar}.
 *
 * <p>A layer may be a zip (unpacked as Lambda does), a directory already laid out like a layer
 * (its {@code java/lib/*.jar} are used) or a single jar (treated as {@code java/lib/<name>.jar}).
 */
public final class LambdaLayout {

    /** The file, under a layout's root, naming the files it was made from; written last. */
    private static final String STAMP = "layout.inputs";

    private final Path task;
    private final Path opt;

    private LambdaLayout(Path task, Path opt) {
        this.task = task;
        this.opt = opt;
    }

    /**
     * Unpacks {@code functionZip} and {@code layers} under {@code root}, replacing what was there;
     * a layout of the very same files (by path, size and modification time, and for a layer
     * directory those of each of its jars), completed earlier, is used as it is, so one-shot
     * commands start without unpacking again.
     *
     * @throws UncheckedIOException if a zip cannot be read or holds an entry that escapes its directory
     */
    public static LambdaLayout prepare(Path root, Path functionZip, List<Path> layers) {
        try {
            Path task = root.resolve("task");
            Path opt = root.resolve("opt");
            Path stamp = root.resolve(STAMP);
            String inputs = fingerprint(functionZip, layers);
            if (Files.isRegularFile(stamp) && Files.readString(stamp, StandardCharsets.UTF_8).equals(inputs)
                    && Files.isDirectory(task) && Files.isDirectory(opt.resolve("java/lib"))) {
                return new LambdaLayout(task, opt);
            }
            Files.deleteIfExists(stamp);
            FileTrees.delete(task);
            FileTrees.delete(opt);
            Files.createDirectories(task);
            Files.createDirectories(opt.resolve("java/lib"));
            unzip(functionZip, task);
            for (Path layer : layers) {
                addLayer(layer, opt);
            }
            Path partial = root.resolve(STAMP + ".partial");
            Files.writeString(partial, inputs, StandardCharsets.UTF_8);
            Files.move(partial, stamp, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new LambdaLayout(task, opt);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lay out function " + functionZip + " with layers " + layers + ": " + e.getMessage(), e);
        }
    }

    /** What a layout is made from, one line per file: absolute path, size, modification time. */
    private static String fingerprint(Path functionZip, List<Path> layers) throws IOException {
        StringBuilder out = new StringBuilder();
        describe(functionZip, out);
        for (Path layer : layers) {
            if (Files.isDirectory(layer) && Files.isDirectory(layer.resolve("java/lib"))) {
                try (Stream<Path> jars = Files.list(layer.resolve("java/lib"))) {
                    for (Path jar : jars.sorted().toList()) {
                        describe(jar, out);
                    }
                }
            } else {
                describe(layer, out);
            }
            out.append("--\n");
        }
        return out.toString();
    }

    private static void describe(Path file, StringBuilder out) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        if (Files.isRegularFile(absolute)) {
            out.append(absolute).append(' ').append(Files.size(absolute)).append(' ')
                    .append(Files.getLastModifiedTime(absolute).toMillis()).append('\n');
        } else {
            out.append(absolute).append(" missing\n");
        }
    }

    /**
     * A layout {@link #prepare}d earlier under {@code root}, e.g. by a running pipeline.
     *
     * @throws java.io.UncheckedIOException if nothing is laid out there
     */
    public static LambdaLayout at(Path root) {
        Path task = root.resolve("task");
        Path opt = root.resolve("opt");
        if (!Files.isDirectory(task) || !Files.isDirectory(opt.resolve("java/lib"))) {
            throw new UncheckedIOException(new IOException("no function and layers are laid out under " + root));
        }
        return new LambdaLayout(task, opt);
    }

    /** The unpacked function ({@code /var/task}). */
    public Path task() {
        return task;
    }

    /** The merged layers ({@code /opt}). */
    public Path opt() {
        return opt;
    }

    /** The class path in Lambda's order. */
    public List<URL> classPath() {
        List<URL> urls = new ArrayList<>();
        try {
            urls.add(task.toUri().toURL());
            urls.addAll(jars(task.resolve("lib")));
            urls.addAll(jars(opt.resolve("java/lib")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return urls;
    }

    /** The jars in the merged layers' {@code java/lib}, sorted by name. */
    public List<Path> layerJars() {
        try (Stream<Path> files = Files.list(opt.resolve("java/lib"))) {
            return files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A class loader over the merged layers' jars alone (parent: the platform class loader), to see
     * the operations the layers provide without loading a function.
     */
    public URLClassLoader layerClassLoader(String name) {
        List<URL> urls = new ArrayList<>();
        for (Path jar : layerJars()) {
            urls.add(toUrl(jar));
        }
        return new URLClassLoader(name, urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    private static void addLayer(Path layer, Path opt) throws IOException {
        if (Files.isDirectory(layer)) {
            Path lib = layer.resolve("java/lib");
            if (!Files.isDirectory(lib)) {
                throw new IOException("layer directory " + layer + " has no java/lib folder");
            }
            try (Stream<Path> jars = Files.list(lib)) {
                for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                    Files.copy(jar, opt.resolve("java/lib").resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } else if (layer.toString().endsWith(".jar")) {
            Files.copy(layer, opt.resolve("java/lib").resolve(layer.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } else if (Files.isRegularFile(layer)) {
            unzip(layer, opt);
        } else {
            throw new IOException("layer " + layer + " does not exist");
        }
    }

    private static List<URL> jars(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<URL> urls = new ArrayList<>();
            for (Path jar : files.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                urls.add(toUrl(jar));
            }
            return urls;
        }
    }

    private static URL toUrl(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static void unzip(Path zip, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = entries.getNextEntry()) != null; ) {
                Path out = root.resolve(entry.getName()).normalize();
                if (!out.startsWith(root)) {
                    throw new IOException("zip entry " + entry.getName() + " of " + zip + " escapes its directory");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(entries, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
