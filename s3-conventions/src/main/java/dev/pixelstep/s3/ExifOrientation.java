package dev.pixelstep.s3;

/**
 * EXIF Orientation (TIFF tag 274, values 1 to 8) and how a stored image turns upright: the functions
 * write every output upright and the local web page shows its previews upright, both with this one
 * mapping, so that a preview looks as the outputs will. Reading the tag stays with each reader.
 */
public final class ExifOrientation {

    /** As stored: the value of an image without the tag. */
    public static final int UPRIGHT = 1;

    private ExifOrientation() {
    }

    /** The orientation a tag's {@code value} stands for: itself from 1 to 8, else {@link #UPRIGHT} (a damaged tag never fails a read). */
    public static int of(int value) {
        return value >= 1 && value <= 8 ? value : UPRIGHT;
    }

    /** Whether {@code orientation} moves pixels (2 to 8); images with any other value are shown as stored. */
    public static boolean turns(int orientation) {
        return orientation > UPRIGHT && orientation <= 8;
    }

    /** Whether {@code orientation} swaps width and height (5 to 8: a quarter turn, mirrored or not). */
    public static boolean swapsSides(int orientation) {
        return orientation >= 5 && orientation <= 8;
    }

    /**
     * Writes the {@code width x height} pixels of {@code stored} (row by row) upright into
     * {@code upright}: {@code height x width} pixels when {@code orientation} {@linkplain #swapsSides
     * swaps the sides}, else {@code width x height}; an orientation that does not {@linkplain #turns
     * turn} copies them as they are.
     */
    public static void turnUpright(int[] stored, int width, int height, int orientation, int[] upright) {
        if (!turns(orientation)) {
            System.arraycopy(stored, 0, upright, 0, width * height);
            return;
        }
        int ow = swapsSides(orientation) ? height : width;
        int oh = swapsSides(orientation) ? width : height;
        for (int y = 0; y < oh; y++) {
            int row = y * ow;
            for (int x = 0; x < ow; x++) {
                // (x, y) upright comes from (sx, sy) as stored
                int sx;
                int sy;
                switch (orientation) {
                    case 2 -> { sx = width - 1 - x; sy = y; }
                    case 3 -> { sx = width - 1 - x; sy = height - 1 - y; }
                    case 4 -> { sx = x; sy = height - 1 - y; }
                    case 5 -> { sx = y; sy = x; }
                    case 6 -> { sx = y; sy = height - 1 - x; }
                    case 7 -> { sx = width - 1 - y; sy = height - 1 - x; }
                    default -> { sx = width - 1 - y; sy = x; } // 8
                }
                upright[row + x] = stored[sy * width + sx];
            }
        }
    }
}
