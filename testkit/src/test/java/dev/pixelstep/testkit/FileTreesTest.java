package dev.pixelstep.testkit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileTreesTest {

    @Test
    void deletesADirectoryWithEverythingUnderItAndLeavesItsNeighbours(@TempDir Path dir) throws IOException {
        Path tree = Files.createDirectories(dir.resolve("tree/a/b"));
        Files.writeString(tree.resolve("deep.txt"), "x");
        Files.writeString(dir.resolve("tree/top.txt"), "y");
        Files.createDirectories(dir.resolve("tree/empty"));
        Path neighbour = Files.writeString(dir.resolve("neighbour.txt"), "z");

        FileTrees.delete(dir.resolve("tree"));

        assertFalse(Files.exists(dir.resolve("tree")));
        assertTrue(Files.exists(neighbour));
    }

    @Test
    void aMissingDirectoryOrASingleFileIsFine(@TempDir Path dir) throws IOException {
        FileTrees.delete(dir.resolve("missing"));
        Path file = Files.writeString(dir.resolve("file.txt"), "x");
        FileTrees.delete(file);
        assertFalse(Files.exists(file));
    }
}
