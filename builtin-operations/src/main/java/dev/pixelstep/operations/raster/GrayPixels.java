package dev.pixelstep.operations.raster;

/**
 * Whether packed pixels are grey (red, green and blue equal in every pixel): the test behind the
 * kernels' grey paths ({@link SeparableGaussian} blurs one channel, {@link ColorMatrix} looks a
 * grey's result up), which a chain meets after {@code grayscale}, and behind the functions' JPEG
 * writer's choice of a one-component file. Alpha is not looked at.
 */
public final class GrayPixels {

    private static final int CHUNK = 4096;

    private GrayPixels() {
    }

    /** {@link #all(int[], int, int)} over the whole array. */
    public static boolean all(int[] pixels) {
        return all(pixels, 0, pixels.length);
    }

    /**
     * Whether pixels {@code [from, to)} are all grey; stops after the chunk of 4,096 pixels holding
     * the first colour (photos stop at once). Each chunk is one branch-free loop, which the JIT
     * vectorises.
     */
    public static boolean all(int[] pixels, int from, int to) {
        for (int start = from; start < to; start += CHUNK) {
            int end = Math.min(to, start + CHUNK);
            int colour = 0;
            for (int i = start; i < end; i++) {
                int p = pixels[i];
                colour |= p ^ p >>> 8; // red - green in bits 8-15, green - blue in bits 0-7
            }
            if ((colour & 0xffff) != 0) {
                return false;
            }
        }
        return true;
    }
}
