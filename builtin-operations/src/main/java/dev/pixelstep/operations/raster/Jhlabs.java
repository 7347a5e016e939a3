package dev.pixelstep.operations.raster;

import java.awt.image.BufferedImageOp;

/** Runs a JHLabs filter on a private copy of the source and keeps every pixel's alpha. */
public final class Jhlabs {

    private Jhlabs() {
    }

    /**
     * Applies {@code filter} to {@code input} (a private copy, so the caller's source is never
     * touched) and returns a new image of the same type; each pixel keeps the alpha of {@code input}.
     */
    public static IntImage apply(BufferedImageOp filter, IntImage input) {
        IntImage out = IntImage.blank(input.width(), input.height(), input.hasAlpha());
        filter.filter(input.image(), out.image());
        int[] in = input.pixels();
        int[] px = out.pixels();
        for (int i = 0; i < px.length; i++) {
            px[i] = (in[i] & 0xff000000) | (px[i] & 0x00ffffff);
        }
        return out;
    }
}
