package dev.pixelstep.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

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

    /** Copies a bundled artifact into {@code directory}, replacing any earlier copy atomically, and returns its path. */
    public static Path extract(String name, Path directory) {
        try (InputStream in = Artifacts.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not bundled in this build of pixelstep-local;"
                        + " build the whole project with ./mvnw install -DskipTests");
            }
            Files.createDirectories(directory);
            Path target = directory.resolve(name);
            Path partial = directory.resolve(name + ".partial");
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + name + " into " + directory, e);
        }
    }
}
