package dev.pixelstep.local.web;

import dev.pixelstep.local.FileTrees;
import dev.pixelstep.s3.ExifOrientation;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

import com.twelvemonkeys.imageio.metadata.CompoundDirectory;
import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Display-sized previews of the images of runs, so that the page never loads a 13 MP original to
 * show a tile: at most {@value #LONG_SIDE} pixels on the long side, JPEG (PNG when the image has
 * transparency), made once per object version and kept in a directory named by the SHA-256 of
 * bucket, key and ETag (a new upload under the same key gets a new preview). The original is
 * decoded with subsampling, so its full-size pixels are never held. At most {@value #AT_ONCE}
 * previews are made at once, and each one only once however many requests ask for it. A preview
 * is upright: the EXIF Orientation of a JPEG or PNG is applied, as the functions apply it.
 */
final class Previews {

    /** The longest side of a preview, in pixels: a tile is 200-400 CSS pixels, twice that on a dense screen. */
    static final int LONG_SIDE = 1024;
    /** Images over this many pixels get no preview (the pipeline refuses them anyway). */
    static final long MAX_PIXELS = 100_000_000L;
    private static final int AT_ONCE = 2;

    /**
     * A preview on disk.
     *
     * @param file        the preview
     * @param contentType {@code image/jpeg} or {@code image/png}
     * @param etag        an HTTP entity tag for it (quoted)
     */
    record Preview(Path file, String contentType, String etag) {
    }

    private final Path directory;
    private final Semaphore making = new Semaphore(AT_ONCE);
    private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();

    Previews(Path directory) {
        this.directory = directory;
    }

    /**
     * The preview of an object, made now if it was never made.
     *
     * @return empty when the object is not an image this JVM can decode (the page shows the original instead)
     * @throws S3Exception as S3 refuses (404 for a missing object)
     */
    Optional<Preview> of(S3Client s3, String bucket, String key) {
        HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(key));
        String name = sha256(bucket + "\n" + key + "\n" + head.eTag());
        for (String type : new String[]{"jpg", "png"}) {
            Path file = directory.resolve(name + "." + type);
            if (Files.isRegularFile(file)) {
                return Optional.of(preview(file, name));
            }
        }
        Path none = directory.resolve(name + ".none");
        if (Files.exists(none)) {
            return Optional.empty();
        }
        Object lock = locks.computeIfAbsent(name, n -> new Object());
        try {
            synchronized (lock) {
                for (String type : new String[]{"jpg", "png"}) {
                    Path file = directory.resolve(name + "." + type);
                    if (Files.isRegularFile(file)) {
                        return Optional.of(preview(file, name));
                    }
                }
                making.acquireUninterruptibly();
                try {
                    return make(s3, bucket, key, head.eTag(), name);
                } finally {
                    making.release();
                }
            }
        } finally {
            locks.remove(name, lock);
        }
    }

    private Optional<Preview> make(S3Client s3, String bucket, String key, String etag, String name) {
        BufferedImage image;
        int orientation = ExifOrientation.UPRIGHT;
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(bucket).key(key).ifMatch(etag));
             ImageInputStream stream = ImageIO.createImageInputStream(in)) {
            if (stream != null) {
                orientation = orientation(stream);
            }
            image = stream == null ? null : decode(stream);
        } catch (S3Exception e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            image = null; // damaged or cut short: the page shows the original, as the browser can
        }
        try {
            Files.createDirectories(directory);
            if (image == null) {
                Files.writeString(directory.resolve(name + ".none"), key, StandardCharsets.UTF_8);
                return Optional.empty();
            }
            boolean alpha = image.getColorModel().hasAlpha();
            Path file = directory.resolve(name + (alpha ? ".png" : ".jpg"));
            Path temporary = Files.createTempFile(directory, name, ".tmp");
            try {
                write(upright(scale(image, alpha), orientation), alpha, temporary);
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
            return Optional.of(preview(file, name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep a preview in " + directory, e);
        }
    }

    /**
     * The EXIF Orientation (1 to 8) of a JPEG (APP1 {@code Exif}) or PNG ({@code eXIf}) at the start of
     * {@code stream}, read with TwelveMonkeys' metadata readers as the functions read it, and the stream
     * put back at its start; 1 when there is none or it is damaged (a preview never fails on metadata).
     */
    private static int orientation(ImageInputStream stream) throws IOException {
        stream.mark();
        try {
            byte[] tiff = null;
            int first = stream.readUnsignedShort();
            stream.seek(0);
            if (first == 0xFFD8) {
                List<JPEGSegment> segments = JPEGSegmentUtil.readSegments(stream, JPEG.APP1, "Exif");
                if (!segments.isEmpty()) {
                    try (InputStream data = segments.get(0).data()) {
                        tiff = data.readAllBytes();
                    }
                }
            } else if (first == 0x8950) {
                stream.seek(8);
                for (int chunks = 0; chunks < 1000 && tiff == null; chunks++) {
                    long length = stream.readUnsignedInt();
                    int type = stream.readInt();
                    if (type == 0x49444154 || length > 1 << 24) { // IDAT: eXIf comes before the image data
                        break;
                    }
                    if (type == 0x65584966) { // eXIf
                        tiff = new byte[(int) length];
                        stream.readFully(tiff);
                    } else {
                        stream.skipBytes(length + 4);
                    }
                }
            }
            return tiff == null ? ExifOrientation.UPRIGHT : orientationIn(tiff);
        } catch (IOException | RuntimeException e) {
            return ExifOrientation.UPRIGHT;
        } finally {
            stream.reset();
        }
    }

    /** The Orientation tag of IFD0 of a TIFF block (after any {@code Exif\0\0} prefix), 1 when absent or out of range. */
    private static int orientationIn(byte[] block) throws IOException {
        int start = 0;
        while (start < 8 && start < block.length && block[start] != 'I' && block[start] != 'M') {
            start++;
        }
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(block, start, block.length - start))) {
            Directory directory = new TIFFReader().read(in);
            if (directory instanceof CompoundDirectory compound && compound.directoryCount() > 0) {
                directory = compound.getDirectory(0);
            }
            Entry entry = directory.getEntryById(TIFF.TAG_ORIENTATION);
            return entry != null && entry.getValue() instanceof Number number ? ExifOrientation.of(number.intValue()) : ExifOrientation.UPRIGHT;
        }
    }

    /**
     * {@code image} ({@code TYPE_INT_RGB} or {@code TYPE_INT_ARGB}) turned upright for EXIF
     * {@code orientation} by {@link ExifOrientation}, the mapping the functions apply to the outputs.
     */
    static BufferedImage upright(BufferedImage image, int orientation) {
        if (!ExifOrientation.turns(orientation)) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swap = ExifOrientation.swapsSides(orientation);
        int ow = swap ? h : w;
        int oh = swap ? w : h;
        int[] dst = new int[ow * oh];
        ExifOrientation.turnUpright(image.getRGB(0, 0, w, h, null, 0, w), w, h, orientation, dst);
        BufferedImage out = new BufferedImage(ow, oh, image.getType());
        out.setRGB(0, 0, ow, oh, dst, 0, ow);
        return out;
    }

    /** Decodes the first image, skipping rows and columns so that it is at most about twice {@link #LONG_SIDE}, */
    private static BufferedImage decode(ImageInputStream stream) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
        if (!readers.hasNext()) {
            return null;
        }
        ImageReader reader = readers.next();
        try {
            reader.setInput(stream, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if ((long) width * height > MAX_PIXELS) {
                return null;
            }
            ImageReadParam param = reader.getDefaultReadParam();
            int step = Math.max(1, Math.max(width, height) / (2 * LONG_SIDE));
            param.setSourceSubsampling(step, step, 0, 0);
            return reader.read(0, param);
        } finally {
            reader.dispose();
        }
    }

    /** Halves with bilinear filtering until one last step reaches the size (no aliasing of fine detail). */
    private static BufferedImage scale(BufferedImage source, boolean alpha) {
        int longSide = Math.max(source.getWidth(), source.getHeight());
        double factor = Math.min(1.0, (double) LONG_SIDE / longSide);
        int targetWidth = Math.max(1, (int) Math.round(source.getWidth() * factor));
        int targetHeight = Math.max(1, (int) Math.round(source.getHeight() * factor));
        BufferedImage current = source;
        do {
            int width = Math.max(targetWidth, current.getWidth() / 2);
            int height = Math.max(targetHeight, current.getHeight() / 2);
            BufferedImage next = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
            Graphics2D g = next.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
                g.drawImage(current, 0, 0, width, height, null);
            } finally {
                g.dispose();
            }
            current = next;
        } while (current.getWidth() > targetWidth || current.getHeight() > targetHeight);
        return current;
    }

    private static void write(BufferedImage image, boolean png, Path file) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(png ? "png" : "jpeg").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (!png) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(0.85f);
            }
            writer.write(null, new javax.imageio.IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    private static Preview preview(Path file, String name) {
        return new Preview(file, file.toString().endsWith(".png") ? "image/png" : "image/jpeg", "\"" + name.substring(0, 32) + "\"");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deletes a preview directory and what it holds (a cache: nothing in it is needed). */
    static void delete(Path directory) {
        try {
            FileTrees.delete(directory);
        } catch (IOException e) {
            // a cache left behind in the temporary directory; nothing depends on it
        }
    }
}
