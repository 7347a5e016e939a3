package dev.pixelstep.local.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The repository's {@code pixelstep} launcher script, run by {@code sh} in a copy of the project
 * layout with a stand-in {@code java} that prints the options it was given: which class-data
 * sharing options each Java version gets.
 */
class LauncherTest {

    @TempDir
    Path root;

    private Path jar;

    @BeforeEach
    void layOutAProject() throws IOException {
        Files.copy(Path.of("..", "pixelstep"), root.resolve("pixelstep"));
        jar = Files.createDirectories(root.resolve("local/target")).resolve("pixelstep.jar");
        Files.writeString(jar, "not a real jar");
        Path java = Files.createDirectories(root.resolve("jdk/bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private String launch(int javaVersion, Map<String, String> environment, String... args) throws IOException, InterruptedException {
        Files.writeString(root.resolve("jdk/release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + javaVersion + ".0.2\"\n");
        List<String> command = new ArrayList<>(List.of("sh", root.resolve("pixelstep").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("JAVA_HOME", root.resolve("jdk").toString());
        builder.environment().remove("PIXELSTEP_CDS");
        builder.environment().putAll(environment);
        Process process = builder.redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the launcher finished");
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    @Test
    void java17WritesTheArchiveOfACommandAtExitThenUsesIt() throws Exception {
        String first = launch(17, Map.of(), "run", "photo.jpg");
        Path archive = root.resolve("local/target/pixelstep-run-java17.jsa");
        assertTrue(first.contains("-XX:ArchiveClassesAtExit=" + archive), first);
        assertTrue(first.endsWith("-jar\n" + jar + "\nrun\nphoto.jpg\n"), first);

        Files.writeString(archive, "archive");
        Files.setLastModifiedTime(archive, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));
        String second = launch(17, Map.of(), "run", "photo.jpg");
        assertTrue(second.contains("-XX:SharedArchiveFile=" + archive), second);
        assertFalse(second.contains("ArchiveClassesAtExit"), second);
    }

    @Test
    void anArchiveOlderThanTheJarIsWrittenAgain() throws Exception {
        launch(17, Map.of(), "operations");
        Path archive = root.resolve("local/target/pixelstep-operations-java17.jsa");
        Files.writeString(archive, "from an older build");
        Files.setLastModifiedTime(archive, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 60_000));
        String output = launch(17, Map.of(), "operations");
        assertTrue(output.contains("-XX:ArchiveClassesAtExit=" + archive), output);
        assertFalse(Files.exists(archive), "the stale archive is removed before the JVM writes a new one");
    }

    @Test
    void java19AndLaterKeepTheArchiveCurrentThemselves() throws Exception {
        String output = launch(25, Map.of(), "serve");
        assertTrue(output.contains("-XX:SharedArchiveFile=" + root.resolve("local/target/pixelstep-serve-java25.jsa")), output);
        assertTrue(output.contains("-XX:+AutoCreateSharedArchive"), output);
        assertTrue(output.contains("-Xshare:auto"), output);
    }

    @Test
    void sharingCanBeTurnedOffAndOddCommandNamesStayInsideTheTargetFolder() throws Exception {
        String off = launch(17, Map.of("PIXELSTEP_CDS", "0"), "run");
        assertFalse(off.contains("-XX:"), off);
        String odd = launch(21, Map.of(), "../../x y");
        assertTrue(odd.contains("-XX:SharedArchiveFile=" + root.resolve("local/target/pixelstep-______x_y-java21.jsa")), odd);
    }
}
