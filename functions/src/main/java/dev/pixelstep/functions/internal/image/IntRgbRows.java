package dev.pixelstep.functions.internal.image;

/**
 * {@link PixelRows} into the packed {@code int[]} of a {@code TYPE_INT_RGB} image {@code width}
 * pixels wide (row {@code y} at {@code y * width}): {@link JpegDecoder}'s image output. Thread-safe
 * (each row is written once, rows do not overlap).
 */
final class IntRgbRows implements PixelRows {

    private final int[] out;
    private final int width;

    IntRgbRows(int[] out, int width) {
        this.out = out;
        this.width = width;
    }

    @Override
    public void row(int y, int[] pixels, int width) {
        System.arraycopy(pixels, 0, out, y * this.width, width);
    }

    /** Writes the even and odd pixels to their places, alternately (a strided loop, scalar). */
    @Override
    public void pairs(int y, int[] even, int[] odd, int width) {
        int at = y * this.width;
        int pairs = width >> 1;
        for (int x = 0; x < pairs; x++) {
            out[at + 2 * x] = even[x];
            out[at + 2 * x + 1] = odd[x];
        }
        if ((width & 1) != 0) {
            out[at + width - 1] = even[pairs];
        }
    }
}
