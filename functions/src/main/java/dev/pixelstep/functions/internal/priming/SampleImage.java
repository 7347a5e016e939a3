package dev.pixelstep.functions.internal.priming;

import java.awt.image.BufferedImage;

/**
 * A small built-in image for priming: smooth colour gradients with hard edges and a transparent
 * corner, so decoders, operations and encoders take their usual paths. Generated, not read from
 * anywhere.
 */
public final class SampleImage {

    /** Width of the sample. */
    public static final int WIDTH = 160;
    /** Height of the sample. */
    public static final int HEIGHT = 120;

    private SampleImage() {
    }

    /** The sample in {@code TYPE_INT_ARGB}, with alpha; {@code opaque} gives {@code TYPE_INT_RGB} instead. */
    public static BufferedImage create(boolean opaque) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, opaque ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int r = x * 255 / (WIDTH - 1);
                int g = y * 255 / (HEIGHT - 1);
                int b = ((x / 16 + y / 16) % 2 == 0) ? 200 : 40;
                int a = opaque || x + y > 40 ? 255 : (x + y) * 6;
                image.setRGB(x, y, a << 24 | r << 16 | g << 8 | b);
            }
        }
        return image;
    }
}
