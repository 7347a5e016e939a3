package dev.pixelstep.testkit.photos;

import dev.pixelstep.testkit.FileTrees;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Real photographs for tests and benchmarks: the JPEG wallpapers of Debian's
 * {@code mate-backgrounds} package (photos up to 2560x1600 and larger), fetched once into a cache
 * directory with {@code apt-get download mate-backgrounds} and {@code dpkg-deb -x} (no root needed).
 *
 * <p>The cache is {@code ${user.home}/.cache/pixelstep/test-photos}, or the directory named by the
 * system property {@value #DIRECTORY_PROPERTY}. A file lock keeps concurrent JVMs from fetching at
 * the same time; a marker file {@value #MARKER} says the fetch completed. The script
 * {@code testkit/fetch-test-photos.sh} fills the same cache by hand. When the photos cannot be
 * fetched, an {@link IllegalStateException} says what to install or run; tests are never skipped
 * silently.
 */
public final class TestPhotos {

    /** The system property that overrides the cache directory. */
    public static final String DIRECTORY_PROPERTY = "pixelstep.photos.dir";

    /** The Debian package the photos come from. */
    public static final String PACKAGE = "mate-backgrounds";

    /** The marker file written once every photo is in place. */
    public static final String MARKER = ".complete";

    private static final String SOURCE_FOLDER = "usr/share/backgrounds/mate";
    private static final long COMMAND_TIMEOUT_MINUTES = 10;

    private TestPhotos() {
    }

    /** The cache directory, whether or not it is filled yet. */
    public static Path directory() {
        String configured = System.getProperty(DIRECTORY_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured);
        }
        return Paths.get(System.getProperty("user.home"), ".cache", "pixelstep", "test-photos");
    }

    /**
     * Every JPEG photo, sorted by file name; fetches them first if needed.
     *
     * @throws IllegalStateException saying what to install or run when they cannot be fetched
     */
    public static List<Path> all() {
        Path dir = ensureFetched();
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> jpegs = files.filter(TestPhotos::isJpeg).sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
            if (jpegs.isEmpty()) {
                throw new IllegalStateException("the photo cache " + dir + " holds no JPEG; delete it and fetch again with "
                        + "testkit/fetch-test-photos.sh");
            }
            return jpegs;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /**
     * The first 2560x1600 JPEG photo in name order ({@code Aqua.jpg} of mate-backgrounds 1.26): the
     * same photo on every machine.
     */
    public static Path jpeg() {
        for (Path photo : all()) {
            int[] size = dimensions(photo);
            if (size[0] == 2560 && size[1] == 1600) {
                return photo;
            }
        }
        throw new IllegalStateException("no 2560x1600 JPEG in " + directory() + "; delete it and fetch again with "
                + "testkit/fetch-test-photos.sh");
    }

    /** Width and height of an image file, read from its header without decoding the pixels. */
    public static int[] dimensions(Path image) {
        try (ImageInputStream in = ImageIO.createImageInputStream(image.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IllegalStateException(image + " is not an image Java can read");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + image, e);
        }
    }

    /** Fills the cache unless it is complete, and returns it. */
    static synchronized Path ensureFetched() {
        Path dir = directory();
        if (Files.exists(dir.resolve(MARKER))) {
            return dir;
        }
        try {
            Files.createDirectories(dir);
            try (FileChannel channel = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                if (!Files.exists(dir.resolve(MARKER))) {
                    fetchInto(dir);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot fill the photo cache " + dir + ": " + e.getMessage()
                    + "; set -D" + DIRECTORY_PROPERTY + " to a writable directory", e);
        }
    }

    private static void fetchInto(Path dir) throws IOException {
        Path work = Files.createTempDirectory(dir, "fetch-");
        try {
            run(work, "apt-get", "download", PACKAGE);
            Path deb;
            try (Stream<Path> files = Files.list(work)) {
                deb = files.filter(p -> p.getFileName().toString().endsWith(".deb")).findFirst()
                        .orElseThrow(() -> new IllegalStateException(howToFetch("apt-get download " + PACKAGE + " wrote no .deb file")));
            }
            Path extracted = work.resolve("extracted");
            run(work, "dpkg-deb", "-x", deb.toString(), extracted.toString());
            Path source = extracted.resolve(SOURCE_FOLDER);
            try (Stream<Path> files = Files.walk(source)) {
                for (Path photo : files.filter(TestPhotos::isJpeg).toList()) {
                    Files.copy(photo, dir.resolve(photo.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.writeString(dir.resolve(MARKER), PACKAGE + "\n", StandardCharsets.UTF_8);
        } finally {
            FileTrees.delete(work);
        }
    }

    private static void run(Path workDir, String... command) throws IOException {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException(howToFetch("'" + command[0] + "' cannot be started (" + e.getMessage()
                    + "); it comes with Debian/Ubuntu's apt and dpkg"), e);
        }
        try {
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(COMMAND_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(howToFetch("'" + String.join(" ", command) + "' did not finish in "
                        + COMMAND_TIMEOUT_MINUTES + " minutes"));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(howToFetch("'" + String.join(" ", command) + "' failed with exit code "
                        + process.exitValue() + ":\n" + new String(output, StandardCharsets.UTF_8).strip()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        }
    }

    private static String howToFetch(String problem) {
        return "cannot fetch the test photos: " + problem + ". The tests need the JPEG photos of Debian's '" + PACKAGE
                + "' package. On Debian or Ubuntu run 'sudo apt-get update' (once) and then testkit/fetch-test-photos.sh, "
                + "or put JPEG photos (one of them 2560x1600) into " + directory() + " and create the file "
                + directory().resolve(MARKER) + "; -D" + DIRECTORY_PROPERTY + "=<dir> chooses another directory.";
    }

    private static boolean isJpeg(Path p) {
        String name = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return Files.isRegularFile(p) && (name.endsWith(".jpg") || name.endsWith(".jpeg"));
    }
}
