package dev.pixelstep.operations.reference;

import com.jhlabs.image.EdgeFilter;
import com.jhlabs.image.EmbossFilter;
import dev.pixelstep.operations.raster.IntImage;

import java.awt.image.BufferedImage;
import java.awt.image.BufferedImageOp;

/**
 * The JHLabs filters {@code edge-detect} and {@code emboss} ran before issue 13, applied exactly as
 * those operations applied them (a private int copy of the source, the filter, every pixel's
 * alpha taken from the copy): the oracles the kernels of our own are checked against. JHLabs is a
 * test dependency only.
 */
public final class JhlabsFilters {

    private JhlabsFilters() {
    }

    /** {@code edge-detect}: JHLabs' {@code EdgeFilter} with its default Sobel kernels. */
    public static BufferedImage edgeDetect(BufferedImage source) {
        return apply(new EdgeFilter(), source);
    }

    /** {@code emboss(azimuth, elevation, depth, color)}: JHLabs' {@code EmbossFilter}. */
    public static BufferedImage emboss(BufferedImage source, double azimuth, double elevation, double depth, boolean color) {
        EmbossFilter filter = new EmbossFilter();
        filter.setAzimuth((float) Math.toRadians(azimuth));
        filter.setElevation((float) Math.toRadians(elevation));
        filter.setBumpHeight((float) depth);
        filter.setEmboss(color);
        return apply(filter, source);
    }

    private static BufferedImage apply(BufferedImageOp filter, BufferedImage source) {
        IntImage input = IntImage.copyOf(source, true);
        IntImage out = IntImage.blank(input.width(), input.height(), input.hasAlpha());
        filter.filter(input.image(), out.image());
        int[] in = input.pixels();
        int[] px = out.pixels();
        for (int i = 0; i < px.length; i++) {
            px[i] = (in[i] & 0xff000000) | (px[i] & 0x00ffffff);
        }
        return out.image();
    }
}
