package dev.pixelstep.spi.registry;

import dev.pixelstep.spi.fixtures.TestOperations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OperationRegistryTest {

    @Test
    void loadsProvidersFromServiceFilesOfTheGivenClassLoader() {
        OperationRegistry registry = OperationRegistry.load(getClass().getClassLoader());
        assertEquals(List.of("blur", "everything", "grayscale"), List.copyOf(registry.names()));
        assertEquals("blur", registry.get("blur").name());
        assertTrue(registry.find("sharpen").isEmpty());
    }

    @Test
    void aClassLoaderThatSeesNoProvidersGivesAnEmptyRegistry() {
        OperationRegistry registry = OperationRegistry.load(ClassLoader.getPlatformClassLoader());
        assertTrue(registry.operations().isEmpty());
        assertEquals("", registry.parse("").toString());
    }

    @Test
    void duplicateNamesNameBothClasses() {
        OperationLoadingException e = assertThrows(OperationLoadingException.class, () -> OperationRegistry.of(
                List.of(new TestOperations.Grayscale(), new TestOperations.Copy("grayscale"))));
        assertTrue(e.getMessage().contains("two operations are named 'grayscale'"), e.getMessage());
        assertTrue(e.getMessage().contains(TestOperations.Grayscale.class.getName()), e.getMessage());
        assertTrue(e.getMessage().contains(TestOperations.Copy.class.getName()), e.getMessage());
    }

    @Test
    void invalidNamesAreRefusedAtLoadTime() {
        OperationLoadingException e = assertThrows(OperationLoadingException.class,
                () -> OperationRegistry.of(List.of(new TestOperations.Copy("Bad Name"))));
        assertTrue(e.getMessage().contains("invalid name 'Bad Name'"), e.getMessage());
    }

    @Test
    void aBrokenProviderEntryIsReportedAsALoadingError(@TempDir Path dir) throws Exception {
        Path services = dir.resolve("META-INF/services/dev.pixelstep.spi.ImageOperation");
        Files.createDirectories(services.getParent());
        Files.writeString(services, "com.example.DoesNotExist\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[]{dir.toUri().toURL()}, getClass().getClassLoader())) {
            OperationLoadingException e = assertThrows(OperationLoadingException.class, () -> OperationRegistry.load(loader));
            assertTrue(e.getMessage().contains("com.example.DoesNotExist"), e.getMessage());
        }
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        OperationRegistry registry = OperationRegistry.of(TestOperations.all());
        NoSuchElementException e = assertThrows(NoSuchElementException.class, () -> registry.get("sharpen"));
        assertEquals("unknown operation 'sharpen'; known operations: blur, copy, everything, grayscale", e.getMessage());
    }

    @Test
    void describeListsOperationsWithParameterMetadata() {
        List<Map<String, Object>> described = OperationRegistry.of(TestOperations.all()).describe();
        assertEquals(4, described.size());
        Map<String, Object> blur = described.get(0);
        assertEquals("blur", blur.get("name"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> parameters = (List<Map<String, Object>>) blur.get("parameters");
        assertEquals("radius", parameters.get(0).get("name"));
        assertEquals("double", parameters.get(0).get("type"));
        assertEquals(0.5, parameters.get(0).get("min"));
        assertEquals("3", parameters.get(0).get("default"));
    }
}
