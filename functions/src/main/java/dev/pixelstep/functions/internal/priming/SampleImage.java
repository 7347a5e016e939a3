package dev.pixelstep.functions.internal.priming;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Built-in images for priming, generated, not read from anywhere: a small one (smooth colour
 * gradients with hard edges and a transparent corner, so decoders, operations and encoders load
 * and link their usual paths) and a photo-sized one for the JIT ({@link #photo}).
 */
public final class SampleImage {

    /** Width of the sample. */
    public static final int WIDTH = 160;
    /** Height of the sample. */
    public static final int HEIGHT = 120;

    /**
     * Width of the {@link #photo} sample: several strips of the operations' and codecs' kernels, and
     * a row of more than 128 colour MCUs (16 pixels each), the JPEG decoder's batch, so that a row
     * fills a batch as it does in real photos (at 1280 pixels none did, and the first 2400-pixel
     * photo after a restore met that untaken branch).
     */
    public static final int PHOTO_WIDTH = 2304;
    /** Height of the {@link #photo} sample (1.2 MP in all, about what 1280x720 was: a round costs the same). */
    public static final int PHOTO_HEIGHT = 512;

    private SampleImage() {
    }

    /**
     * An opaque {@code TYPE_INT_RGB} image of {@value #PHOTO_WIDTH}x{@value #PHOTO_HEIGHT} with what
     * photographs have and the small sample lacks: fine texture (seeded noise, the same every time)
     * over smooth gradients, hard edges and flat areas, wide and large enough for the kernels' many
     * strips and bands. Priming the JIT with it compiles the branches that real photos take (long
     * Huffman codes, busy blocks, several strips); code compiled from the small sample alone met
     * untaken branches on the first real photo and was compiled again.
     */
    public static BufferedImage photo() {
        BufferedImage image = new BufferedImage(PHOTO_WIDTH, PHOTO_HEIGHT, BufferedImage.TYPE_INT_RGB);
        int[] pixels = new int[PHOTO_WIDTH];
        int seed = 0x2545F491;
        for (int y = 0; y < PHOTO_HEIGHT; y++) {
            for (int x = 0; x < PHOTO_WIDTH; x++) {
                seed ^= seed << 13;
                seed ^= seed >>> 17;
                seed ^= seed << 5;
                int noise = (seed & 63) - 32;
                boolean flat = x < PHOTO_WIDTH / 8 && y < PHOTO_HEIGHT / 4;
                int edge = (x / 97 + y / 61) % 3 == 0 ? 60 : 0;
                int r = flat ? 30 : 40 + x * 160 / PHOTO_WIDTH + edge + noise;
                int g = flat ? 30 : 30 + y * 180 / PHOTO_HEIGHT + noise / 2;
                int b = flat ? 30 : 200 - (x + y) * 150 / (PHOTO_WIDTH + PHOTO_HEIGHT) - edge + noise;
                pixels[x] = clamp(r) << 16 | clamp(g) << 8 | clamp(b);
            }
            image.setRGB(0, y, PHOTO_WIDTH, 1, pixels, 0, PHOTO_WIDTH);
        }
        return image;
    }

    /**
     * {@link #photo} as a JPEG file the way cameras and editors usually write one: by ImageIO's
     * JPEG writer (the JDK's codec), with no restart markers (pixelstep's own JPEGs have them, so
     * decoding only those would leave the decoder's path for uploads unprimed).
     */
    public static byte[] photoAsUploaded() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(photo(), "jpeg", bytes)) {
                throw new IllegalStateException("no JPEG writer in this JVM");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * {@code image} in grey ({@code TYPE_INT_RGB} with equal channels, BT.601 weights): what every
     * step after a {@code grayscale} reads, whose grey branches (one channel blurred instead of
     * three, a colour matrix as one table) colour photos never take.
     */
    public static BufferedImage inGrey(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        BufferedImage grey = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int p = row[x];
                int v = (77 * (p >> 16 & 0xff) + 150 * (p >> 8 & 0xff) + 29 * (p & 0xff) + 128) >> 8;
                row[x] = v * 0x010101;
            }
            grey.setRGB(0, y, width, 1, row, 0, width);
        }
        return grey;
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
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
