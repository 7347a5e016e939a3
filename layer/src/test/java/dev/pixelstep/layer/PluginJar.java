package dev.pixelstep.layer;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Builds a plugin jar during the test: compiles {@code plugin/SwapRedBlue.java.txt} against the
 * SPI jar taken from the unpacked layer and packs it with its {@code META-INF/services} entry,
 * exactly what an operation plugin ships as a layer.
 */
final class PluginJar {

    static final String CLASS_NAME = "dev.pixelstep.plugin.test.SwapRedBlue";
    static final String OPERATION = "swap-red-blue";

    private PluginJar() {
    }

    static Path build(Path spiJar, Path workDir, Path jar) throws IOException {
        Path sources = Files.createDirectories(workDir.resolve("plugin-src/dev/pixelstep/plugin/test"));
        Path source = sources.resolve("SwapRedBlue.java");
        try (InputStream in = PluginJar.class.getResourceAsStream("/plugin/SwapRedBlue.java.txt")) {
            Files.copy(in, source);
        }
        Path classes = Files.createDirectories(workDir.resolve("plugin-classes"));
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int result = compiler.run(null, null, errors, "--release", "17", "-cp", spiJar.toString(), "-d", classes.toString(), source.toString());
        if (result != 0) {
            throw new IllegalStateException("the plugin does not compile:\n" + errors.toString(StandardCharsets.UTF_8));
        }
        Files.createDirectories(jar.getParent());
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry("META-INF/services/dev.pixelstep.spi.ImageOperation"));
            out.write((CLASS_NAME + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            try (Stream<Path> files = Files.walk(classes)) {
                for (Path c : files.filter(Files::isRegularFile).sorted().toList()) {
                    out.putNextEntry(new JarEntry(classes.relativize(c).toString().replace('\\', '/')));
                    out.write(Files.readAllBytes(c));
                    out.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jar;
    }
}
