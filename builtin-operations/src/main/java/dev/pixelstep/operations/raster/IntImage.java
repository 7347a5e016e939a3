package dev.pixelstep.operations.raster;

import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;
import java.util.Arrays;

/**
 * A new {@code TYPE_INT_RGB} or {@code TYPE_INT_ARGB} image together with its packed pixel array,
 * row by row without padding, so that operations work on {@code int[]} in one pass.
 *
 * <p>{@link #copyOf(BufferedImage, boolean)} converts any source once: integer sources are copied
 * with {@link System#arraycopy}, interleaved byte sources (what JPEG and PNG decoding give) are
 * unpacked directly, anything else goes through one bulk {@link BufferedImage#getRGB}. The source
 * is never written to. For {@code TYPE_INT_RGB} results the top byte of each pixel is meaningless.
 */
public final class IntImage {

    private final BufferedImage image;
    private final int[] pixels;
    private final int width;
    private final int height;
    private final boolean alpha;

    private IntImage(int width, int height, boolean alpha) {
        this.image = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        this.pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        this.width = width;
        this.height = height;
        this.alpha = alpha;
    }

    /** A new all-zero image: transparent black with alpha, black without. */
    public static IntImage blank(int width, int height, boolean alpha) {
        return new IntImage(width, height, alpha);
    }

    /**
     * A copy of {@code source} as packed ints; with an alpha channel when the source has one and
     * {@code keepAlpha} is true.
     */
    public static IntImage copyOf(BufferedImage source, boolean keepAlpha) {
        boolean alpha = keepAlpha && source.getColorModel().hasAlpha();
        IntImage out = new IntImage(source.getWidth(), source.getHeight(), alpha);
        out.readFrom(source);
        return out;
    }

    /**
     * The packed pixels to read {@code source} from (with alpha when it has an alpha channel), for
     * operations that compute every output pixel from the same input pixel: the source's own
     * array when it is a {@code TYPE_INT_RGB} or {@code TYPE_INT_ARGB} image stored row by row
     * without padding (no copy: callers must not write to it), otherwise a converted copy.
     */
    public static int[] readable(BufferedImage source) {
        Raster raster = source.getRaster();
        int type = source.getType();
        if ((type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_INT_ARGB)
                && raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0
                && raster.getDataBuffer() instanceof DataBufferInt buffer && buffer.getOffset() == 0
                && raster.getSampleModel() instanceof SinglePixelPackedSampleModel model
                && model.getScanlineStride() == source.getWidth()
                && buffer.getData().length == source.getWidth() * source.getHeight()) {
            return buffer.getData();
        }
        return copyOf(source, true).pixels();
    }

    /** A new all-zero image of {@code source}'s size, with alpha when {@code source} has it (and {@code keepAlpha}). */
    public static IntImage blankLike(BufferedImage source, boolean keepAlpha) {
        return new IntImage(source.getWidth(), source.getHeight(), hasAlpha(source, keepAlpha));
    }

    /** Whether {@code source} gives an image with alpha under {@code keepAlpha}. */
    public static boolean hasAlpha(BufferedImage source, boolean keepAlpha) {
        return keepAlpha && source.getColorModel().hasAlpha();
    }

    private void readFrom(BufferedImage source) {
        Raster raster = source.getRaster();
        boolean untranslated = raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0;
        int type = source.getType();
        if (untranslated && (type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_INT_ARGB)
                && raster.getDataBuffer() instanceof DataBufferInt buffer
                && raster.getSampleModel() instanceof SinglePixelPackedSampleModel model
                && model.getScanlineStride() == width && buffer.getOffset() == 0) {
            System.arraycopy(buffer.getData(), 0, pixels, 0, pixels.length);
            return;
        }
        if (untranslated && (type == BufferedImage.TYPE_3BYTE_BGR || type == BufferedImage.TYPE_4BYTE_ABGR)
                && raster.getDataBuffer() instanceof DataBufferByte buffer && buffer.getOffset() == 0
                && raster.getSampleModel() instanceof ComponentSampleModel model
                && model.getScanlineStride() == width * model.getPixelStride()) {
            unpackBytes(buffer.getData(), model, type == BufferedImage.TYPE_4BYTE_ABGR);
            return;
        }
        source.getRGB(0, 0, width, height, pixels, 0, width);
    }

    private void unpackBytes(byte[] data, ComponentSampleModel model, boolean sourceAlpha) {
        int[] offsets = model.getBandOffsets();
        int stride = model.getPixelStride();
        int r = offsets[0];
        int g = offsets[1];
        int b = offsets[2];
        int a = sourceAlpha ? offsets[3] : -1;
        int n = pixels.length;
        if (a < 0) {
            for (int i = 0, j = 0; i < n; i++, j += stride) {
                pixels[i] = 0xff000000 | (data[j + r] & 0xff) << 16 | (data[j + g] & 0xff) << 8 | (data[j + b] & 0xff);
            }
        } else {
            for (int i = 0, j = 0; i < n; i++, j += stride) {
                pixels[i] = (data[j + a] & 0xff) << 24 | (data[j + r] & 0xff) << 16 | (data[j + g] & 0xff) << 8 | (data[j + b] & 0xff);
            }
        }
    }

    /** The image whose storage {@link #pixels()} is. */
    public BufferedImage image() {
        return image;
    }

    /** The packed pixels, {@code width * height} ints, row by row; writing them changes {@link #image()}. */
    public int[] pixels() {
        return pixels;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Whether the image is {@code TYPE_INT_ARGB}. */
    public boolean hasAlpha() {
        return alpha;
    }

    /** Sets every pixel to {@code argb}. */
    public void fill(int argb) {
        Arrays.fill(pixels, argb);
    }
}
