package dev.pixelstep.testkit.gen;

import java.util.Random;

/**
 * What a generated image shows. Each content paints packed ARGB values from a seed; for images
 * with an alpha channel the alpha varies too (at least one pixel is not opaque).
 */
public enum ImageContent {
    /** Every channel of every pixel random. */
    NOISE {
        @Override
        int argb(int x, int y, int width, int height, long[] constants, Random random) {
            return random.nextInt();
        }
    },
    /** Smooth ramps: red across, green down, blue along the diagonal, alpha across from a random start. */
    GRADIENT {
        @Override
        int argb(int x, int y, int width, int height, long[] constants, Random random) {
            int r = ramp(x, width);
            int g = ramp(y, height);
            int b = ramp(x + y, width + height - 1);
            int a = (int) ((constants[0] + ramp(x + y, width + height - 1)) & 0xff);
            return a << 24 | r << 16 | g << 8 | b;
        }
    },
    /** One colour everywhere (its alpha below 255 when the type has alpha). */
    FLAT {
        @Override
        int argb(int x, int y, int width, int height, long[] constants, Random random) {
            return (int) constants[1];
        }
    },
    /** Vertical stripes of two random colours, two pixels wide: hard edges. */
    STRIPES {
        @Override
        int argb(int x, int y, int width, int height, long[] constants, Random random) {
            return (int) constants[(x / 2) % 2 == 0 ? 1 : 2];
        }
    };

    /** The packed ARGB value of pixel (x, y); alpha is meaningful only for types with alpha. */
    abstract int argb(int x, int y, int width, int height, long[] constants, Random random);

    /** The label used in descriptions, e.g. {@code noise}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    private static int ramp(int position, int length) {
        return length <= 1 ? 128 : position * 255 / (length - 1);
    }
}
