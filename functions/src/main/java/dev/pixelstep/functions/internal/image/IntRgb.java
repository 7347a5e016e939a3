package dev.pixelstep.functions.internal.image;

import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;

/**
 * Conversions to the two pixel layouts the functions work in: {@code TYPE_INT_RGB} and
 * {@code TYPE_INT_ARGB}. The layouts the codecs give and take (RGB bytes, the JDK's
 * {@code TYPE_3BYTE_BGR}, {@code TYPE_4BYTE_ABGR}, {@code TYPE_BYTE_GRAY}) are converted in one
 * loop over the arrays; anything else is drawn with Java 2D.
 */
public final class IntRgb {

    private IntRgb() {
    }

    /**
     * {@code image} itself if it already is {@code TYPE_INT_RGB} or {@code TYPE_INT_ARGB} with
     * {@link #packed} pixels, otherwise a converted copy ({@code TYPE_INT_ARGB} if it has an alpha
     * channel) whose pixels are.
     */
    public static BufferedImage of(BufferedImage image) {
        if (packed(image) != null) {
            return image;
        }
        boolean alpha = image.getColorModel().hasAlpha();
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(),
                alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        if (!unpackBytes(image, ((DataBufferInt) out.getRaster().getDataBuffer()).getData())) {
            Graphics2D g = out.createGraphics();
            try {
                g.setComposite(AlphaComposite.Src);
                g.drawImage(image, 0, 0, null);
            } finally {
                g.dispose();
            }
        }
        return out;
    }

    /**
     * The packed pixels of a {@code TYPE_INT_RGB} or {@code TYPE_INT_ARGB} image stored row by row
     * without padding or offset (every image the operations make), or {@code null}.
     */
    public static int[] packed(BufferedImage image) {
        int type = image.getType();
        Raster raster = image.getRaster();
        if ((type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_INT_ARGB)
                && raster.getDataBuffer() instanceof DataBufferInt buffer && buffer.getOffset() == 0
                && raster.getSampleModel() instanceof SinglePixelPackedSampleModel model
                && model.getScanlineStride() == image.getWidth()
                && raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0) {
            return buffer.getData();
        }
        return null;
    }

    /** Unpacks an interleaved byte image (RGB, BGR, ABGR or gray, no padding) into {@code out}; false for other layouts. */
    private static boolean unpackBytes(BufferedImage image, int[] out) {
        Raster raster = image.getRaster();
        if (!(raster.getDataBuffer() instanceof DataBufferByte buffer) || buffer.getOffset() != 0
                || !(raster.getSampleModel() instanceof PixelInterleavedSampleModel model)
                || raster.getSampleModelTranslateX() != 0 || raster.getSampleModelTranslateY() != 0
                || model.getScanlineStride() != image.getWidth() * model.getPixelStride()) {
            return false;
        }
        byte[] data = buffer.getData();
        int n = out.length;
        int type = image.getType();
        if (type == BufferedImage.TYPE_BYTE_GRAY && model.getPixelStride() == 1) {
            for (int i = 0; i < n; i++) {
                int v = data[i] & 0xff;
                out[i] = 0xff000000 | v << 16 | v << 8 | v;
            }
            return true;
        }
        boolean bgr = type == BufferedImage.TYPE_3BYTE_BGR;
        if (bgr || RgbBytes.is(image)) {
            int r = bgr ? 2 : 0;
            int b = bgr ? 0 : 2;
            for (int i = 0, j = 0; i < n; i++, j += 3) {
                out[i] = 0xff000000 | (data[j + r] & 0xff) << 16 | (data[j + 1] & 0xff) << 8 | (data[j + b] & 0xff);
            }
            return true;
        }
        if (type == BufferedImage.TYPE_4BYTE_ABGR) {
            for (int i = 0, j = 0; i < n; i++, j += 4) {
                out[i] = (data[j] & 0xff) << 24 | (data[j + 3] & 0xff) << 16 | (data[j + 2] & 0xff) << 8 | (data[j + 1] & 0xff);
            }
            return true;
        }
        return false;
    }
}
