package dev.pixelstep.operations.tone;

/** Test images of known tones. */
final class Ramp {

    private Ramp() {
    }

    /** The 256 greys, black to white, as one row of pixels. */
    static int[] grey() {
        int[] ramp = new int[256];
        for (int v = 0; v < 256; v++) {
            ramp[v] = v << 16 | v << 8 | v;
        }
        return ramp;
    }
}
