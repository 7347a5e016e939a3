package dev.pixelstep.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class ArtifactsTest {

    @Test
    void aCopyOfTheSameBundledBytesIsKeptAsItIs(@TempDir Path dir) throws Exception {
        Path first = Artifacts.extract(Artifacts.FUNCTION_ZIP, dir);
        FileTime past = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(first, past);

        Path second = Artifacts.extract(Artifacts.FUNCTION_ZIP, dir);

        assertEquals(first, second);
        assertEquals(past, Files.getLastModifiedTime(second), "not copied again, so the layout keyed on it is reused");
    }

    @Test
    void aCopyWhoseOriginIsUnknownOrDifferentIsReplaced(@TempDir Path dir) throws Exception {
        Path copy = Artifacts.extract(Artifacts.FUNCTION_ZIP, dir);
        long size = Files.size(copy);
        Files.writeString(copy, "damaged");
        Files.writeString(dir.resolve(Artifacts.FUNCTION_ZIP + ".origin"), "from another build");

        Artifacts.extract(Artifacts.FUNCTION_ZIP, dir);

        assertEquals(size, Files.size(copy));
        assertNotEquals("damaged", new String(Files.readAllBytes(copy), 0, 7, java.nio.charset.StandardCharsets.ISO_8859_1));
    }
}
