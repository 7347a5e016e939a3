package dev.pixelstep.operations;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every built-in operation is registered under its documented name. */
class BuiltInRegistryTest {

    @Test
    void registersTheBuiltInSet() {
        assertEquals(Set.of("grayscale", "sepia", "invert", "brightness", "contrast", "saturation", "hue-rotate",
                "posterize", "threshold", "solarize", "blur", "sharpen", "edge-detect", "emboss", "pixelate", "vignette",
                "rotate", "rotate-free", "flip", "resize", "crop",
                // issue 15, geometry and tone and colour
                "thumbnail", "smart-crop", "extend",
                "normalize", "equalize", "clahe", "gamma", "levels", "curves", "tint", "modulate", "temperature", "channel-mix", "negate",
                "flatten"), BuiltIns.REGISTRY.names());
    }
}
