package dev.pixelstep.functions.internal.image;

import dev.pixelstep.testkit.gen.ExifFixture;
import dev.pixelstep.functions.support.TestImages;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.image.BufferedImage;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every EXIF orientation of a PNG input (an {@code eXIf} chunk) is applied on decode, as it is for
 * JPEG inputs ({@code FormatTableTest}): a lossless 5x3 image of all-different pixels, compared
 * pixel by pixel with where the EXIF specification puts each stored pixel in the upright image.
 */
class PngOrientationTest {

    private static final int W = 5;
    private static final int H = 3;

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void everyOrientationIsTurnedUpright(int orientation) {
        BufferedImage stored = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                stored.setRGB(x, y, (x * 50) << 16 | (y * 80) << 8 | 17 * (x + W * y));
            }
        }
        byte[] png = ExifFixture.inPng(TestImages.encode(stored, "png"),
                ExifFixture.tiff(orientation, orientation % 2 == 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN));

        BufferedImage upright = new ImageDecoder(ImageLimits.defaults()).decode("orientation " + orientation, png).image();

        boolean swapped = orientation >= 5;
        assertEquals(swapped ? H : W, upright.getWidth(), "width");
        assertEquals(swapped ? W : H, upright.getHeight(), "height");
        for (int y = 0; y < upright.getHeight(); y++) {
            for (int x = 0; x < upright.getWidth(); x++) {
                int[] from = storedPixelShownAt(orientation, x, y);
                assertEquals(stored.getRGB(from[0], from[1]) & 0xffffff, upright.getRGB(x, y) & 0xffffff,
                        "orientation " + orientation + ", upright pixel (" + x + ", " + y + ")");
            }
        }
    }

    /** The stored pixel the upright image shows at (x, y), by the EXIF specification's meaning of each value. */
    private static int[] storedPixelShownAt(int orientation, int x, int y) {
        return switch (orientation) {
            case 1 -> new int[] {x, y};
            case 2 -> new int[] {W - 1 - x, y};          // mirrored left-right
            case 3 -> new int[] {W - 1 - x, H - 1 - y};  // turned 180 degrees
            case 4 -> new int[] {x, H - 1 - y};          // mirrored top-bottom
            case 5 -> new int[] {y, x};                  // transposed
            case 6 -> new int[] {y, H - 1 - x};          // stored turned 90 degrees counter-clockwise
            case 7 -> new int[] {W - 1 - y, H - 1 - x};  // transversed
            case 8 -> new int[] {W - 1 - y, x};          // stored turned 90 degrees clockwise
            default -> throw new IllegalArgumentException("orientation " + orientation);
        };
    }
}
