package dev.pixelstep.local.lambda;

import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Map;

/**
 * The operations a function sees: the SPI's registry loaded inside the function's own class
 * loader (its layers and plugin layers), described as plain maps and lists so the description
 * crosses class-loader boundaries safely.
 */
public final class OperationCatalog {

    private static final String REGISTRY = "dev.pixelstep.spi.registry.OperationRegistry";

    private OperationCatalog() {
    }

    /**
     * Parses chain text with the operations visible to {@code loader}.
     *
     * @return the canonical chain text
     * @throws IllegalArgumentException with the parser's message (position, offending text, what is allowed)
     */
    public static String canonical(ClassLoader loader, String chain) {
        try {
            Class<?> registry = loader.loadClass(REGISTRY);
            Object loaded = registry.getMethod("load", ClassLoader.class).invoke(null, loader);
            return String.valueOf(registry.getMethod("parse", String.class).invoke(loaded, chain));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException invalid) {
                throw new IllegalArgumentException(invalid.getMessage(), invalid);
            }
            throw new IllegalStateException("cannot load the operations: " + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the pixelstep SPI is not in the layers: " + e, e);
        }
    }

    /**
     * Every operation visible to {@code loader}, sorted by name, as
     * {@code [{"name", "description", "parameters": [{"name", "type", "default", ...}]}]}.
     *
     * @throws IllegalStateException if the SPI is not on that class path or the operations cannot be loaded
     */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> describe(ClassLoader loader) {
        try {
            Class<?> registry = loader.loadClass(REGISTRY);
            Object loaded = registry.getMethod("load", ClassLoader.class).invoke(null, loader);
            return (List<Map<String, Object>>) registry.getMethod("describe").invoke(loaded);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the pixelstep SPI is not in the layers: " + REGISTRY + " not found", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot load the operations: " + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the pixelstep SPI in the layers is not the expected version: " + e, e);
        }
    }
}
