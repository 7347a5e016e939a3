package dev.pixelstep.functions.image;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

/**
 * Encodes images with fixed settings so that the same pixels always give the same bytes: JPEG at
 * quality {@value #JPEG_QUALITY} (baseline, the JDK's default 4:2:0 chroma subsampling) and PNG with the JDK
 * writer's defaults, both without metadata or timestamps. An image with an alpha channel written
 * as JPEG is first composited onto white. Thread-safe.
 */
public final class ImageEncoder {

    /** The JPEG quality every JPEG output is written with. */
    public static final float JPEG_QUALITY = 0.9f;

    /**
     * Encodes {@code image} as {@code format}.
     *
     * @throws IllegalArgumentException if the format is not {@linkplain ImageFormat#writable() writable}
     */
    public EncodedImage encode(BufferedImage image, ImageFormat format) {
        if (!format.writable()) {
            throw new IllegalArgumentException("cannot write " + format + "; write its output() format instead");
        }
        BufferedImage pixels = format == ImageFormat.JPEG ? jpegSource(image) : image;
        ImageWriter writer = writer(format);
        Buffer out = new Buffer(estimate(pixels, format));
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format == ImageFormat.JPEG) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            }
            writer.write(null, new IIOImage(pixels, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode a " + image.getWidth() + "x" + image.getHeight() + " image as " + format, e);
        } finally {
            writer.dispose();
        }
        return new EncodedImage(out.buffer(), out.size(), format);
    }

    /**
     * What the JPEG writer reads: RGB bytes for the {@code TYPE_INT_*} images operations return
     * (alpha composited onto white), so that it copies whole lines instead of converting every
     * sample through the generic {@code Raster} methods.
     */
    private static BufferedImage jpegSource(BufferedImage image) {
        int[] packed = IntRgb.packed(image);
        if (packed != null) {
            return RgbBytes.fromPacked(packed, image.getWidth(), image.getHeight(), image.getColorModel().hasAlpha());
        }
        return IntRgb.flattenOntoWhite(image);
    }

    private static ImageWriter writer(ImageFormat format) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format.id());
        if (!writers.hasNext()) {
            throw new IllegalStateException("this JVM has no ImageIO writer for " + format);
        }
        return writers.next();
    }

    private static int estimate(BufferedImage image, ImageFormat format) {
        long pixels = (long) image.getWidth() * image.getHeight();
        long guess = format == ImageFormat.JPEG ? pixels / 4 : pixels / 2;
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
