package dev.pixelstep.functions.internal.processor;

import dev.pixelstep.functions.internal.image.ImageFormat;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OutputKeysTest {

    @Test
    void combinedAndNumberedIndependentKeys() {
        OutputKeys keys = new OutputKeys("a b/photo.png", ImageFormat.PNG);
        assertEquals("a b/photo.png/combined.png", keys.combined());
        assertEquals("a b/photo.png/independent/01-grayscale.png", keys.independent(1, "grayscale"));
        assertEquals("a b/photo.png/independent/16-blur.png", keys.independent(16, "blur"));
        assertEquals("x/combined.jpg", new OutputKeys("x", ImageFormat.JPEG).combined());
    }
}
