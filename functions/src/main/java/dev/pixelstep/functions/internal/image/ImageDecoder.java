package dev.pixelstep.functions.internal.image;

import dev.pixelstep.functions.error.UnsupportedImageException;
import dev.pixelstep.s3.ExifOrientation;

import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Decodes untrusted image bytes with a reader it controls: it finds a reader for the bytes, reads
 * only the header, checks the pixel count against the {@link ImageLimits}, and only then decodes
 * the first image (the first frame of an animated GIF or WebP, the first page of a TIFF). Decoder
 * warnings, such as the JPEG reader's "premature end of file" for truncated data, are errors: a
 * truncated image is refused rather than padded with grey. Whichever decoder ran, the pixels are
 * then brought to sRGB ({@link Srgb}: embedded ICC profiles, CMYK, profile-less grey) and made
 * upright ({@link Orientation}: the EXIF Orientation tag, read from the bytes). The result is
 * normalised to {@code TYPE_INT_RGB} or {@code TYPE_INT_ARGB} ({@link #decode}); {@link #read}, for
 * callers that only count the pixels, hands pixelstep's JPEG decoder's rows to the caller instead.
 * The readers are ImageIO's: the JDK's and, from the layer, TwelveMonkeys' (JPEG with CMYK/YCCK/ICC,
 * WebP, TIFF). Thread-safe.
 */
public final class ImageDecoder {

    private static final String SUPPORTED = "JPEG, PNG, WebP, GIF, BMP or TIFF";

    private final ImageLimits limits;
    private final boolean ownJpegDecoder;

    /** A decoder within {@code limits}, with pixelstep's own JPEG decoder where it pays ({@link JpegDecoder#pays()}). */
    public ImageDecoder(ImageLimits limits) {
        this(limits, JpegDecoder.pays());
    }

    /** A decoder within {@code limits}; {@code ownJpegDecoder}: JPEGs through {@link JpegDecoder} first, else ImageIO only. */
    ImageDecoder(ImageLimits limits, boolean ownJpegDecoder) {
        this.limits = limits;
        this.ownJpegDecoder = ownJpegDecoder;
    }

    /**
     * Decodes {@code bytes}.
     *
     * @param what names the image in error messages, e.g. {@code s3://bucket/key}
     * @throws UnsupportedImageException if the bytes are not a readable image of a supported format
     * @throws dev.pixelstep.functions.error.ImageTooLargeException if the header declares too many pixels
     */
    public DecodedImage decode(String what, byte[] bytes) {
        ReadImage read = decodeChecked(what, bytes, null);
        return new DecodedImage(IntRgb.of(read.image().orElseThrow()), read.format());
    }

    /**
     * Decodes {@code bytes} with the same checks as {@link #decode}, for a caller that only reads the
     * pixels once (the histogram): where pixelstep's JPEG decoder takes the file its rows go to
     * {@link PixelRows} from {@code rows} as it converts them (stored orientation; see
     * {@link JpegDecoder#decode(byte[], long, Supplier)}) and no image is built; otherwise the
     * answer holds the image, upright, in the layout the reader produced ({@link RgbBytes} for colour
     * JPEGs: no conversion to {@code TYPE_INT_*}, no second image, unless the colour space or the
     * orientation needs one), and whatever went to {@code rows} is to be discarded.
     *
     * @param rows thread-safe; asked for one {@link PixelRows} per converting task
     * @throws UnsupportedImageException if the bytes are not a readable image of a supported format
     * @throws dev.pixelstep.functions.error.ImageTooLargeException if the header declares too many pixels
     */
    public ReadImage read(String what, byte[] bytes, Supplier<? extends PixelRows> rows) {
        return decodeChecked(what, bytes, Objects.requireNonNull(rows, "rows"));
    }

    /** {@link #read}; with {@code rows} null, the own JPEG decoder's pixels as an image too. */
    private ReadImage decodeChecked(String what, byte[] bytes, Supplier<? extends PixelRows> rows) {
        try (ImageInputStream input = new ByteArrayImageInputStream(bytes)) {
            ReaderMatch match = readerFor(what, input);
            ImageReader reader = match.reader();
            try {
                reader.setInput(input, true, true);
                int width;
                int height;
                try {
                    width = reader.getWidth(0);
                    height = reader.getHeight(0);
                } catch (IOException | RuntimeException e) {
                    throw new UnsupportedImageException(what + " looks like " + match.label()
                            + " but its header cannot be read (" + describe(e) + "); upload an undamaged image", e);
                }
                CompleteFile.missing(match.format(), bytes).ifPresent(missing -> {
                    throw new UnsupportedImageException(what + " is a truncated " + match.label() + " image (" + missing
                            + "); upload the complete file");
                });
                limits.checkPixels(what, width, height);
                if (match.format() == ImageFormat.PNG) {
                    PngChunks.badCriticalCrc(bytes).ifPresent(chunk -> {
                        throw new UnsupportedImageException(what + " is a damaged PNG image (the checksum of its " + chunk
                                + " chunk is wrong); upload an undamaged copy of the file");
                    });
                }
                int orientation = Orientation.of(match.format(), bytes);
                if (ownJpegDecoder && match.format() == ImageFormat.JPEG) { // ImageIO for the files it declines
                    if (rows == null) {
                        Optional<BufferedImage> own = JpegDecoder.decode(bytes, limits.maxPixels());
                        if (own.isPresent()) {
                            return ReadImage.of(upright(own.get(), orientation), ImageFormat.JPEG);
                        }
                    } else if (JpegDecoder.decode(bytes, limits.maxPixels(), rows)) {
                        boolean turned = ExifOrientation.swapsSides(orientation);
                        return new ReadImage(ImageFormat.JPEG, turned ? height : width, turned ? width : height, Optional.empty());
                    }
                }
                List<String> warnings = new ArrayList<>();
                reader.addIIOReadWarningListener(collector(warnings));
                BufferedImage image = read(what, match, reader, width, height);
                if (!warnings.isEmpty()) {
                    throw new UnsupportedImageException(what + " is a damaged or truncated " + match.label()
                            + " image (decoder: " + String.join("; ", warnings) + "); upload the complete file");
                }
                return ReadImage.of(upright(Srgb.of(image), orientation), match.format());
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new UnsupportedImageException(what + " cannot be read: " + describe(e), e);
        }
    }

    private static BufferedImage read(String what, ReaderMatch match, ImageReader reader, int width, int height) {
        try {
            ImageReadParam param = reader.getDefaultReadParam();
            if (match.format() == ImageFormat.JPEG && decodesToRgb(reader)) {
                // the reader then copies whole lines instead of reordering every pixel into BGR
                param.setDestination(RgbBytes.blank(width, height));
            }
            return reader.read(0, param);
        } catch (IIOException e) {
            throw new UnsupportedImageException(what + " is a damaged or unsupported " + match.label()
                    + " image (" + describe(e) + "); upload an undamaged RGB or greyscale image", e);
        } catch (IOException | RuntimeException e) {
            throw new UnsupportedImageException(what + " cannot be decoded as " + match.label()
                    + " (" + describe(e) + "); upload an undamaged image", e);
        }
    }

    /** {@code image} turned upright for the EXIF {@code orientation}; as it is for orientation 1. */
    private static BufferedImage upright(BufferedImage image, int orientation) {
        return orientation == ExifOrientation.UPRIGHT ? image : Orientation.apply(IntRgb.of(image), orientation);
    }

    /** Whether the reader's preferred output is three 8-bit sRGB channels (colour JPEGs; not grey or CMYK ones). */
    private static boolean decodesToRgb(ImageReader reader) throws IOException {
        Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
        return types.hasNext() && types.next().getBufferedImageType() == BufferedImage.TYPE_3BYTE_BGR;
    }

    private record ReaderMatch(ImageReader reader, ImageFormat format) {
        /** The format's name for messages, e.g. {@code JPEG}. */
        String label() {
            return format.id().toUpperCase(Locale.ROOT);
        }
    }

    private static ReaderMatch readerFor(String what, ImageInputStream input) {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
        List<String> others = new ArrayList<>();
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            String name = formatName(reader);
            Optional<ImageFormat> format = ImageFormat.fromFormatName(name);
            if (format.isPresent()) {
                return new ReaderMatch(reader, format.get());
            }
            others.add(name);
            reader.dispose();
        }
        throw new UnsupportedImageException(what + " is not a supported image"
                + (others.isEmpty() ? "" : " (it looks like " + String.join("/", others) + ")")
                + "; upload a " + SUPPORTED + " file");
    }

    private static String formatName(ImageReader reader) {
        try {
            return reader.getFormatName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * Collects the decoder's warnings about the data. Warnings about colour profiles (TwelveMonkeys'
     * "No embedded ICC color profile, will convert using inaccurate CMYK to RGB conversion", a
     * profile it had to repair or ignore) are not about missing or damaged pixels and are left out.
     */
    private static IIOReadWarningListener collector(List<String> warnings) {
        return (source, warning) -> {
            if (!warning.contains("ICC")) {
                warnings.add(warning);
            }
        };
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
