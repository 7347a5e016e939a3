package dev.pixelstep.operations;

import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every built-in operation is registered under its documented name. */
class BuiltInRegistryTest {

    /** The detail, composition and artistic groups of issue 15 (see the README's tables). */
    static final Set<String> DETAIL_COMPOSITION_ARTISTIC = Set.of(
            "median", "unsharp-mask", "noise", "convolve",
            "border", "rounded-corners", "watermark-text", "shadow",
            "oil-paint", "pencil-sketch", "cartoon", "halftone", "glow", "motion-blur", "zoom-blur", "lens-blur", "crystallize", "vintage");

    @Test
    void registersTheBuiltInSet() {
        Set<String> expected = new TreeSet<>(Set.of("grayscale", "sepia", "invert", "brightness", "contrast", "saturation", "hue-rotate",
                "posterize", "threshold", "solarize", "blur", "sharpen", "edge-detect", "emboss", "pixelate", "vignette",
                "rotate", "rotate-free", "flip", "resize", "crop",
                // issue 15, geometry and tone and colour
                "thumbnail", "smart-crop", "extend",
                "normalize", "equalize", "clahe", "gamma", "levels", "curves", "tint", "modulate", "temperature", "channel-mix", "negate",
                "flatten"));
        expected.addAll(DETAIL_COMPOSITION_ARTISTIC);
        assertEquals(expected, BuiltIns.REGISTRY.names());
        assertEquals(54, expected.size(), "issue 15: at least 45 built-in operations");
    }
}
