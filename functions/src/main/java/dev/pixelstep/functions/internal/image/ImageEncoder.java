package dev.pixelstep.functions.internal.image;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

/**
 * Encodes images with fixed settings so that the same pixels always give the same bytes, whatever
 * the number of processors: JPEG at quality {@value #JPEG_QUALITY} with pixelstep's own encoder
 * ({@link JpegWriter}: baseline JFIF, the quantisation tables the JDK's writer and libjpeg use at
 * that quality, the standard Huffman tables, YCbCr with 4:2:0 chroma subsampling, or one component
 * when every pixel is grey; strips compressed in parallel and joined by restart markers) and PNG
 * with the JDK writer's defaults, both without metadata or timestamps. An image with an alpha
 * channel written as JPEG is first composited onto white. Thread-safe.
 */
public final class ImageEncoder {

    /** The JPEG quality every JPEG output is written with. */
    public static final float JPEG_QUALITY = 0.9f;

    private static final JpegWriter JPEG = new JpegWriter(Math.round(JPEG_QUALITY * 100));

    /**
     * Encodes {@code image} as {@code format}.
     *
     * @throws IllegalArgumentException if the format is not {@linkplain ImageFormat#writable() writable}
     */
    public EncodedImage encode(BufferedImage image, ImageFormat format) {
        if (!format.writable()) {
            throw new IllegalArgumentException("cannot write " + format + "; write its output() format instead");
        }
        if (format == ImageFormat.JPEG) {
            return jpeg(image);
        }
        ImageWriter writer = writer(format);
        Buffer out = new Buffer(estimate(image));
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), writer.getDefaultWriteParam());
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode a " + image.getWidth() + "x" + image.getHeight() + " image as " + format, e);
        } finally {
            writer.dispose();
        }
        return new EncodedImage(out.buffer(), out.size(), format);
    }

    /**
     * The JPEG of {@code image}: {@link JpegWriter} reads the packed pixels of the {@code TYPE_INT_*}
     * images operations return in place; other layouts are converted to them first.
     */
    private static EncodedImage jpeg(BufferedImage image) {
        if (image.getWidth() > JpegWriter.MAX_SIDE || image.getHeight() > JpegWriter.MAX_SIDE) {
            throw new UncheckedIOException("could not encode a " + image.getWidth() + "x" + image.getHeight() + " image as JPEG",
                    new IOException("a JPEG holds at most " + JpegWriter.MAX_SIDE + " pixels a side"));
        }
        BufferedImage ints = IntRgb.of(image);
        int[] packed = IntRgb.packed(ints);
        byte[] file = JPEG.write(packed, ints.getWidth(), ints.getHeight(), ints.getColorModel().hasAlpha(),
                Runtime.getRuntime().availableProcessors());
        return new EncodedImage(file, file.length, ImageFormat.JPEG);
    }

    private static ImageWriter writer(ImageFormat format) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format.id());
        if (!writers.hasNext()) {
            throw new IllegalStateException("this JVM has no ImageIO writer for " + format);
        }
        return writers.next();
    }

    private static int estimate(BufferedImage image) {
        long pixels = (long) image.getWidth() * image.getHeight();
        long guess = pixels / 2;
        return (int) Math.max(8192, Math.min(guess, 16L * 1024 * 1024));
    }

    /** A byte stream whose buffer can be handed on without a copy. */
    private static final class Buffer extends ByteArrayOutputStream {
        Buffer(int size) {
            super(size);
        }

        byte[] buffer() {
            return buf;
        }
    }
}
