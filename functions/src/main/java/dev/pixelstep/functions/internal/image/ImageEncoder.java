package dev.pixelstep.functions.internal.image;

import dev.pixelstep.functions.error.OutputTooLargeException;

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

    private static final int JPEG_QUALITY_PERCENT = Math.round(JPEG_QUALITY * 100);

    private static final JpegWriter JPEG = new JpegWriter(JPEG_QUALITY_PERCENT);

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
            return jpeg(image, JPEG);
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
     * Encodes an opaque drawing such as a chart as PNG: with {@link DrawingPng} (filter None, zlib
     * level {@value DrawingPng#LEVEL}: about half the JDK writer's CPU on a chart, 6-13% larger) when it is a packed {@code TYPE_INT_RGB} image, else as {@link #encode} does.
     * The same pixels always give the same bytes. Photos compress better with {@link #encode}.
     */
    public EncodedImage encodeDrawing(BufferedImage image) {
        int[] packed = image.getType() == BufferedImage.TYPE_INT_RGB ? IntRgb.packed(image) : null;
        return packed == null ? encode(image, ImageFormat.PNG) : DrawingPng.write(packed, image.getWidth(), image.getHeight());
    }

    /**
     * Encodes {@code image} as {@code format} with the {@code options}: a JPEG at their quality
     * (pixelstep's {@link JpegWriter}; progressive JPEGs with the JDK's writer, which can write them,
     * about four times slower), carrying their {@link OutputOptions#exif() EXIF} if any (counted in
     * {@code max-bytes}), and within their {@code max-bytes}, a JPEG at lower qualities (10
     * less each step, at most 9 steps, not below 10) until it fits.
     *
     * @throws OutputTooLargeException if the output does not fit in {@code max-bytes}
     */
    public EncodedImage encode(BufferedImage image, ImageFormat format, OutputOptions options) {
        if (format != ImageFormat.JPEG) {
            return fitting(withExif(encode(image, format), options), image, options, 0);
        }
        int quality = options.quality();
        for (int step = 0; ; step++) {
            EncodedImage out = withExif(options.progressive() ? progressiveJpeg(image, quality)
                    : quality == JPEG_QUALITY_PERCENT ? jpeg(image, JPEG) : jpeg(image, new JpegWriter(quality)), options);
            if (options.maxBytes() == 0 || out.length() <= options.maxBytes() || step == 9 || quality <= 10) {
                return fitting(out, image, options, quality);
            }
            quality = Math.max(10, quality - 10);
        }
    }

    /** {@code out} carrying the options' {@link Exif}, if they have one. */
    private static EncodedImage withExif(EncodedImage out, OutputOptions options) {
        return options.exif() == null ? out : options.exif().addTo(out);
    }

    private static EncodedImage fitting(EncodedImage out, BufferedImage image, OutputOptions options, int quality) {
        if (options.maxBytes() > 0 && out.length() > options.maxBytes()) {
            throw new OutputTooLargeException("a " + image.getWidth() + "x" + image.getHeight() + " output written as "
                    + out.format().id() + " is " + out.length() + " bytes" + (quality > 0 ? " at quality " + quality + ", the lowest tried," : "")
                    + " more than max-bytes=" + options.maxBytes() + " of the output metadata; raise max-bytes"
                    + (out.format() == ImageFormat.PNG ? ", write format=jpeg" : "") + " or make the image smaller (e.g. resize in the chain)");
        }
        return out;
    }

    /** A progressive JPEG at {@code quality} from the JDK's writer, alpha composited onto white, no metadata besides JFIF. */
    private static EncodedImage progressiveJpeg(BufferedImage image, int quality) {
        BufferedImage rgb = IntRgb.of(image);
        if (rgb.getColorModel().hasAlpha()) {
            BufferedImage onWhite = new BufferedImage(rgb.getWidth(), rgb.getHeight(), BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = onWhite.createGraphics();
            try {
                g.setColor(java.awt.Color.WHITE);
                g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
                g.drawImage(rgb, 0, 0, null);
            } finally {
                g.dispose();
            }
            rgb = onWhite;
        }
        ImageWriter writer = writer(ImageFormat.JPEG);
        Buffer out = new Buffer(estimate(rgb));
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality / 100f);
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            writer.write(null, new IIOImage(rgb, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode a " + rgb.getWidth() + "x" + rgb.getHeight() + " image as progressive JPEG", e);
        } finally {
            writer.dispose();
        }
        return new EncodedImage(out.buffer(), out.size(), ImageFormat.JPEG);
    }

    /**
     * The JPEG of {@code image}: {@link JpegWriter} reads the packed pixels of the {@code TYPE_INT_*}
     * images operations return in place; other layouts are converted to them first.
     */
    private static EncodedImage jpeg(BufferedImage image, JpegWriter jpegWriter) {
        if (image.getWidth() > JpegWriter.MAX_SIDE || image.getHeight() > JpegWriter.MAX_SIDE) {
            throw new UncheckedIOException("could not encode a " + image.getWidth() + "x" + image.getHeight() + " image as JPEG",
                    new IOException("a JPEG holds at most " + JpegWriter.MAX_SIDE + " pixels a side"));
        }
        BufferedImage ints = IntRgb.of(image);
        int[] packed = IntRgb.packed(ints);
        byte[] file = jpegWriter.write(packed, ints.getWidth(), ints.getHeight(), ints.getColorModel().hasAlpha(),
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
