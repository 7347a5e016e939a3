package dev.pixelstep.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The function zip and layer zip this runtime ships with: the very files deployed to Lambda,
 * bundled in the runtime's jar at build time and unpacked into the data directory on use.
 */
public final class Artifacts {

    private static final String FOLDER = "dev/pixelstep/local/artifacts/";
    /** File name of the bundled function zip. */
    public static final String FUNCTION_ZIP = "pixelstep-functions.zip";
    /** File name of the bundled layer zip. */
    public static final String LAYER_ZIP = "pixelstep-layer.zip";

    private Artifacts() {
    }

    /**
     * Copies a bundled artifact into {@code directory}, replacing any earlier copy atomically, and
     * returns its path. A copy made from the same bundled bytes is kept as it is: a file beside it
     * records where it came from (the jar entry's CRC-32 and size, read from the jar's directory
     * without inflating anything), so one-shot commands do not rewrite 13 MB on every start, and an
     * unchanged file keeps the modification time that {@code LambdaLayout} keys on.
     */
    public static Path extract(String name, Path directory) {
        URL resource = Artifacts.class.getClassLoader().getResource(FOLDER + name);
        if (resource == null) {
            throw new IllegalStateException(name + " is not bundled in this build of pixelstep-local;"
                    + " build the whole project with ./mvnw install -DskipTests");
        }
        Path target = directory.resolve(name);
        Path origin = directory.resolve(name + ".origin");
        try {
            String source = origin(resource);
            if (Files.isRegularFile(target) && Files.isRegularFile(origin)
                    && Files.readString(origin, StandardCharsets.UTF_8).equals(source)) {
                return target;
            }
            Files.createDirectories(directory);
            Files.deleteIfExists(origin);
            Path partial = directory.resolve(name + ".partial");
            try (InputStream in = resource.openStream()) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Path partialOrigin = directory.resolve(name + ".origin.partial");
            Files.writeString(partialOrigin, source, StandardCharsets.UTF_8);
            Files.move(partialOrigin, origin, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + name + " into " + directory, e);
        }
    }

    /** Where the bundled bytes come from: a jar entry's CRC-32 and size, or a plain file's size and modification time. */
    private static String origin(URL resource) throws IOException {
        URLConnection connection = resource.openConnection();
        if (connection instanceof JarURLConnection jar) {
            connection.setUseCaches(false);
            try (JarFile file = jar.getJarFile()) {
                JarEntry entry = file.getJarEntry(jar.getEntryName());
                return "jar " + file.getName() + " entry " + entry.getName() + " crc32 " + Long.toHexString(entry.getCrc())
                        + " size " + entry.getSize();
            }
        }
        try {
            Path file = Path.of(resource.toURI());
            return "file " + file + " size " + Files.size(file) + " modified " + Files.getLastModifiedTime(file).toMillis();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return "unknown " + System.nanoTime(); // always copies
        }
    }
}
