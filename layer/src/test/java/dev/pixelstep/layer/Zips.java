package dev.pixelstep.layer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Reading and unpacking the built zips. */
public final class Zips {

    private Zips() {
    }

    /** Every entry name of a zip or jar, in order. */
    public static List<String> entries(Path zip) {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            return Collections.list(file.entries()).stream().map(ZipEntry::getName).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + zip, e);
        }
    }

    /** Unpacks {@code zip} into {@code target}, as Lambda unpacks function code and layers. */
    public static void unpack(Path zip, Path target) {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Path root = target.toAbsolutePath().normalize();
            for (ZipEntry entry : Collections.list(file.entries())) {
                Path out = root.resolve(entry.getName()).normalize();
                if (!out.startsWith(root)) {
                    throw new IOException("entry escapes the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    try (InputStream in = file.getInputStream(entry)) {
                        Files.copy(in, out);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + zip, e);
        }
    }

    /** The jars directly in {@code dir}, sorted by name. */
    public static List<Path> jars(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var files = Files.list(dir)) {
            List<Path> out = new ArrayList<>(files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList());
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
