package dev.pixelstep.testkit.photos;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Large, deterministic images for benchmarks, made from {@link TestPhotos}. */
public final class BenchmarkImages {

    /** Width of {@link #twelveMegapixels()}. */
    public static final int WIDTH = 4000;
    /** Height of {@link #twelveMegapixels()}. */
    public static final int HEIGHT = 3000;

    private BenchmarkImages() {
    }

    /**
     * A 4000x3000 (12 MP) {@code TYPE_INT_RGB} photo: {@link TestPhotos#jpeg()} decoded, scaled
     * (bilinear) to cover 4000x3000 and cropped to the centre, the size of a typical phone photo.
     */
    public static BufferedImage twelveMegapixels() {
        return scaledToCover(decode(TestPhotos.jpeg()), WIDTH, HEIGHT);
    }

    /** Decodes an image file. */
    public static BufferedImage decode(Path file) {
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                throw new IllegalStateException(file + " is not an image Java can decode");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot decode " + file, e);
        }
    }

    /** {@code source} scaled (bilinear, aspect kept) to cover width x height, cropped to the centre, as TYPE_INT_RGB. */
    public static BufferedImage scaledToCover(BufferedImage source, int width, int height) {
        double scale = Math.max((double) width / source.getWidth(), (double) height / source.getHeight());
        int scaledWidth = (int) Math.ceil(source.getWidth() * scale);
        int scaledHeight = (int) Math.ceil(source.getHeight() * scale);
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, (width - scaledWidth) / 2, (height - scaledHeight) / 2, scaledWidth, scaledHeight, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
