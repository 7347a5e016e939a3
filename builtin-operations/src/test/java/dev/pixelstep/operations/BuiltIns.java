package dev.pixelstep.operations;

import dev.pixelstep.spi.registry.OperationRegistry;

import java.awt.image.BufferedImage;

/** The registry of the built-in operations and a shortcut to apply chain text in tests. */
public final class BuiltIns {

    /** Every built-in operation, as found by ServiceLoader. */
    public static final OperationRegistry REGISTRY = OperationRegistry.load(BuiltIns.class.getClassLoader());

    private BuiltIns() {
    }

    /** Applies chain text such as {@code "rotate(angle=90), flip"} to {@code image}. */
    public static BufferedImage apply(String chain, BufferedImage image) {
        return REGISTRY.parse(chain).apply(image);
    }
}
