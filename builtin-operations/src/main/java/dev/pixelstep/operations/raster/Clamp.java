package dev.pixelstep.operations.raster;

/** Clamping helpers for channel values. */
public final class Clamp {

    private Clamp() {
    }

    /** {@code v} limited to 0..255. */
    public static int channel(int v) {
        return v < 0 ? 0 : (v > 255 ? 255 : v);
    }

    /** {@code v} rounded and limited to 0..255. */
    public static int channel(double v) {
        return channel((int) Math.round(v));
    }
}
