package dev.pixelstep.local.lambda;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LambdaLayoutTest {

    private static Path zip(Path file, Map<String, String> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return file;
    }

    @Test
    void classPathIsTaskThenTaskLibThenLayerJarsAndLaterLayersWin(@TempDir Path dir) throws Exception {
        Path function = zip(dir.resolve("function.zip"), Map.of("a/Handler.class", "x", "lib/extra.jar", "jar"));
        Path base = zip(dir.resolve("base.zip"), Map.of("java/lib/spi.jar", "old", "java/lib/ops.jar", "ops"));
        Path plugin = zip(dir.resolve("plugin.zip"), Map.of("java/lib/spi.jar", "new"));
        Path pluginDir = dir.resolve("plugin-dir/java/lib");
        Files.createDirectories(pluginDir);
        Files.writeString(pluginDir.resolve("watermark.jar"), "w");
        Path single = Files.writeString(dir.resolve("duotone.jar"), "d");

        LambdaLayout layout = LambdaLayout.prepare(dir.resolve("runtime"), function,
                List.of(base, plugin, dir.resolve("plugin-dir"), single));

        List<String> names = layout.classPath().stream().map(u -> Path.of(u.getPath()).getFileName().toString()).toList();
        assertEquals(List.of("task", "extra.jar", "duotone.jar", "ops.jar", "spi.jar", "watermark.jar"), names);
        assertEquals("new", Files.readString(layout.opt().resolve("java/lib/spi.jar")));
        assertTrue(Files.exists(layout.task().resolve("a/Handler.class")));
    }

    @Test
    void aZipEntryThatEscapesItsDirectoryIsRefused(@TempDir Path dir) throws Exception {
        Path evil = zip(dir.resolve("evil.zip"), Map.of("../../escaped.txt", "x"));
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> LambdaLayout.prepare(dir.resolve("runtime"), evil, List.of()));
        assertTrue(e.getMessage().contains("escapes its directory"), e.getMessage());
    }

    @Test
    void aMissingLayerIsNamed(@TempDir Path dir) throws Exception {
        Path function = zip(dir.resolve("function.zip"), Map.of("a/Handler.class", "x"));
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> LambdaLayout.prepare(dir.resolve("runtime"), function, List.of(dir.resolve("nope.zip"))));
        assertTrue(e.getMessage().contains("nope.zip does not exist"), e.getMessage());
    }

    @Test
    void aLayoutOfTheSameFilesIsReusedAndAChangedFileLaysItOutAgain(@TempDir Path dir) throws Exception {
        Path function = zip(dir.resolve("function.zip"), Map.of("a/Handler.class", "x"));
        Path layer = zip(dir.resolve("layer.zip"), Map.of("java/lib/ops.jar", "v1"));
        LambdaLayout first = LambdaLayout.prepare(dir.resolve("runtime"), function, List.of(layer));
        Path marker = Files.writeString(first.task().resolve("marker"), "kept");

        LambdaLayout again = LambdaLayout.prepare(dir.resolve("runtime"), function, List.of(layer));
        assertTrue(Files.exists(again.task().resolve("marker")), "an unchanged layout is not unpacked again");

        zip(layer, Map.of("java/lib/ops.jar", "v2"));
        Files.setLastModifiedTime(layer, FileTime.fromMillis(Files.getLastModifiedTime(layer).toMillis() + 2_000));
        LambdaLayout changed = LambdaLayout.prepare(dir.resolve("runtime"), function, List.of(layer));
        assertFalse(Files.exists(marker), "a changed layer lays the function out again");
        assertEquals("v2", Files.readString(changed.opt().resolve("java/lib/ops.jar")));
    }

    @Test
    void aLayoutThatDidNotFinishIsNotReused(@TempDir Path dir) throws Exception {
        Path function = zip(dir.resolve("function.zip"), Map.of("a/Handler.class", "x"));
        Path layer = zip(dir.resolve("layer.zip"), Map.of("java/lib/ops.jar", "v1"));
        LambdaLayout first = LambdaLayout.prepare(dir.resolve("runtime"), function, List.of(layer));
        Path marker = Files.writeString(first.task().resolve("marker"), "half-written");
        Files.delete(dir.resolve("runtime/layout.inputs")); // what a crash before the layout's last write leaves

        LambdaLayout.prepare(dir.resolve("runtime"), function, List.of(layer));
        assertFalse(Files.exists(marker), "an unfinished layout is unpacked again");
    }

    @Test
    void aNewJarInALayerDirectoryLaysItOutAgain(@TempDir Path dir) throws Exception {
        Path function = zip(dir.resolve("function.zip"), Map.of("a/Handler.class", "x"));
        Path lib = Files.createDirectories(dir.resolve("plugin/java/lib"));
        Files.writeString(lib.resolve("one.jar"), "1");
        LambdaLayout.prepare(dir.resolve("runtime"), function, List.of(dir.resolve("plugin")));
        Files.writeString(lib.resolve("two.jar"), "2");

        LambdaLayout layout = LambdaLayout.prepare(dir.resolve("runtime"), function, List.of(dir.resolve("plugin")));
        assertTrue(Files.exists(layout.opt().resolve("java/lib/two.jar")));
    }
}
