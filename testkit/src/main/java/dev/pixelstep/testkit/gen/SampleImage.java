package dev.pixelstep.testkit.gen;

import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * A generated test image, described by its type, size, content and seed so that a failing
 * property prints something a person can rebuild, e.g. {@code ARGB 7x1 noise seed=42}.
 *
 * <p>{@link #image()} paints a fresh image on every call, so an operation that wrongly mutates its
 * input cannot spoil the next check.
 */
public final class SampleImage {

    private final ImageType type;
    private final ImageContent content;
    private final int width;
    private final int height;
    private final long seed;

    /**
     * Describes a sample image.
     *
     * @throws IllegalArgumentException if a dimension is below 1
     */
    public SampleImage(ImageType type, ImageContent content, int width, int height, long seed) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("a sample image is at least 1x1, got " + width + "x" + height);
        }
        this.type = type;
        this.content = content;
        this.width = width;
        this.height = height;
        this.seed = seed;
    }

    public ImageType type() {
        return type;
    }

    public ImageContent content() {
        return content;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public long seed() {
        return seed;
    }

    /** Paints a new image of this description; equal descriptions give equal pixels. */
    public BufferedImage image() {
        BufferedImage image = new BufferedImage(width, height, type.awtType());
        Random random = new Random(seed);
        long[] constants = {random.nextInt(256), random.nextInt(), random.nextInt()};
        if (type.hasAlpha()) {
            // flat colours get an alpha below 255 so that every image with alpha has real transparency
            constants[1] = (constants[1] & 0x00ffffffL) | ((long) random.nextInt(255) << 24);
        }
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                row[x] = content.argb(x, y, width, height, constants, random);
            }
            if (y == 0 && type.hasAlpha() && row[0] >>> 24 == 255) {
                row[0] &= 0x7fffffff; // at least one pixel is translucent, whatever the content
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        return image;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SampleImage other && type == other.type && content == other.content
                && width == other.width && height == other.height && seed == other.seed;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(type, content, width, height, seed);
    }

    /** E.g. {@code ARGB 7x1 noise seed=42}. */
    @Override
    public String toString() {
        return type + " " + width + "x" + height + " " + content.label() + " seed=" + seed;
    }
}
