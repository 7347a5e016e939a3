package dev.pixelstep.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a class's {@code main} in a fresh JVM that sees no fonts at all, as the Lambda Java runtime
 * does (its image has no fontconfig fonts): fontconfig is pointed at an empty configuration
 * ({@code FONTCONFIG_FILE}) and the JVM gets a home of its own, since the JDK caches what
 * fontconfig found under {@code ~/.java/fonts} and would hand it the fonts of an earlier run.
 *
 * <p>An operation that draws text should prove it renders with the font it bundles: run a small
 * main that draws through the operation in such a JVM and check the pixels it wrote, and run a
 * control main that creates a font the plain way, which must fail with {@link #NO_FONTS_MESSAGE}
 * (so the test cannot pass on a machine whose fonts leak in). Linux only, like Lambda.
 */
public final class FontlessJvm {

    /** What the JDK reports when fontconfig finds no font; a control run must fail with it. */
    public static final String NO_FONTS_MESSAGE = "Fontconfig head is null";

    private static final long TIMEOUT_SECONDS = 60;

    private FontlessJvm() {
    }

    /**
     * What a run printed and how it ended.
     *
     * @param exitCode the JVM's exit code
     * @param output   its standard output and standard error, interleaved
     */
    public record Run(int exitCode, String output) {
    }

    /** The temporary directory of the JVMs {@link #run} starts with {@code scratch}. */
    public static Path temporaryDirectory(Path scratch) {
        return scratch.resolve("tmp");
    }

    /**
     * Runs {@code main} with {@code args} in a headless JVM with this JVM's class path, 128 MB of
     * heap and no fonts. Its temporary directory ({@code java.io.tmpdir}) is {@link #temporaryDirectory},
     * so that a test can check what the run left there.
     *
     * @param scratch a directory for the empty font configuration, the JVM's home and its temporary directory
     * @throws AssertionError if the JVM does not finish within 60 seconds (it is then killed)
     */
    public static Run run(Path scratch, Class<?> main, String... args) {
        try {
            Path emptyConfig = scratch.resolve("empty-fonts.conf");
            Files.writeString(emptyConfig, "<?xml version=\"1.0\"?>\n<fontconfig/>\n", StandardCharsets.UTF_8);
            Path temporary = Files.createDirectories(temporaryDirectory(scratch));
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Duser.home=" + scratch.resolve("home"), "-Djava.io.tmpdir=" + temporary, "-Djava.awt.headless=true", "-Xmx128m",
                    "-cp", System.getProperty("java.class.path"), main.getName()));
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("FONTCONFIG_FILE", emptyConfig.toString());
            builder.environment().remove("FONTCONFIG_PATH");
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(main.getName() + " did not finish within " + TIMEOUT_SECONDS + " s in the font-less JVM: " + output);
            }
            return new Run(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while " + main.getName() + " ran", e);
        }
    }
}
