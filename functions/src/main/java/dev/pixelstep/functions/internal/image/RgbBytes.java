package dev.pixelstep.functions.internal.image;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/**
 * Images stored as interleaved 8-bit red, green, blue, in that order, with no padding: the line
 * layout the JDK's JPEG reader holds internally. Between such an image and the reader every line
 * is one {@link System#arraycopy}; with any other layout (the reader's default
 * {@code TYPE_3BYTE_BGR}) the reader converts line by line sample by sample, which cost more than
 * the decompression itself. {@link IntRgb#of} unpacks them to the {@code TYPE_INT_*} images the
 * operations use in one loop.
 */
public final class RgbBytes {

    private static final ComponentColorModel SRGB = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB),
            new int[] {8, 8, 8}, false, false, Transparency.OPAQUE, DataBuffer.TYPE_BYTE);

    private RgbBytes() {
    }

    /** A new all-black image of {@code width x height}. */
    public static BufferedImage blank(int width, int height) {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, width, height, width * 3, 3,
                new int[] {0, 1, 2}, null);
        return new BufferedImage(SRGB, raster, false, null);
    }

    /** Whether {@code image} has exactly the layout of {@link #blank}. */
    public static boolean is(BufferedImage image) {
        Raster raster = image.getRaster();
        return image.getColorModel() instanceof ComponentColorModel model && model.getColorSpace().isCS_sRGB()
                && !model.hasAlpha() && model.getNumComponents() == 3
                && raster.getSampleModel() instanceof PixelInterleavedSampleModel sample
                && sample.getPixelStride() == 3 && sample.getScanlineStride() == image.getWidth() * 3
                && sample.getBandOffsets()[0] == 0 && sample.getBandOffsets()[1] == 1 && sample.getBandOffsets()[2] == 2
                && raster.getDataBuffer() instanceof DataBufferByte buffer && buffer.getOffset() == 0
                && raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0;
    }

    /** The bytes of an image made by {@link #blank} (checked with {@link #is}). */
    public static byte[] data(BufferedImage image) {
        return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }
}
